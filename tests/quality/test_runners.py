"""The runners' own behaviour, without a browser: Lighthouse report parsing and medians, axe messages,
the nginx server the bench uses."""

from __future__ import annotations

import shutil
import urllib.request

import pytest

from hoagiai.quality import axe, lighthouse


def report(perf: float, a11y: float = 1.0) -> dict:
    return {
        "finalDisplayedUrl": "http://127.0.0.1/x/",
        "categories": {
            "performance": {"score": perf, "auditRefs": [{"id": "largest-contentful-paint", "weight": 25}]},
            "accessibility": {"score": a11y, "auditRefs": [{"id": "link-in-text-block", "weight": 7},
                                                           {"id": "info-only", "weight": 0}]},
        },
        "audits": {
            "largest-contentful-paint": {"score": perf, "title": "LCP", "numericValue": 1500.0 / perf},
            "link-in-text-block": {"score": 1 if a11y == 1 else 0, "title": "Links rely on color"},
            "info-only": {"score": 0, "title": "not scored"},
        },
    }


def test_lighthouse_report_parsing():
    r = lighthouse.parse(report(0.83, 0.96))
    assert r.scores == {"performance": 83, "accessibility": 96}
    assert r.failing["accessibility"] == ["link-in-text-block (0): Links rely on color"]
    assert r.failing["performance"] == ["largest-contentful-paint (0.83): LCP"]
    assert r.metrics["largest-contentful-paint"] == pytest.approx(1807.229, abs=0.01)


def test_lighthouse_median_of_runs(monkeypatch):
    runs = iter([report(0.80), report(0.97), report(0.91)])
    monkeypatch.setattr(lighthouse, "run", lambda url, **kw: lighthouse.parse(next(runs)))
    med = lighthouse.median("http://x/", runs=3)
    assert med["performance"] == 91 and med["accessibility"] == 100


def test_axe_violation_message():
    v = axe.Violation("home vi", "color-contrast", "serious", "Elements must meet contrast", ("a", "b", "c", "d"))
    assert str(v) == "home vi: axe color-contrast (serious): Elements must meet contrast → a, b, c …"


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (.ci/run installs it)")
def test_bench_serves_the_site_like_the_portal(tmp_path):
    from hoagiai.quality.serve import nginx_site

    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>" + "<p>hòa giải</p>" * 200,
                                         encoding="utf-8")
    with nginx_site(tmp_path) as url:
        assert url.endswith("/hoa-giai-co-so/")
        res = urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}))
        assert res.headers["Content-Encoding"] == "gzip"
        assert "script-src 'self'" in res.headers["Content-Security-Policy"]
