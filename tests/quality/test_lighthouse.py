"""Lighthouse 12 (npm, in .ci/node), mobile, once per page, behind the real nginx with gzip and the CSP:
accessibility 100, best practices 100, SEO ≥ 95. Performance is reported, not gated (it varies ±10
between runs here; `hoagiai bench` takes the median of 3 with hoagiai.quality.lighthouse.median)."""

from __future__ import annotations

import pytest
from quality_support import RESULTS, record

from hoagiai.quality import lighthouse

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = lighthouse.PAGES
SCORES: dict[str, dict] = {}


@pytest.fixture(scope="module")
def lighthouse_bin():
    try:
        return lighthouse.lighthouse_bin()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))


@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_mobile(quality_served, lighthouse_bin, name):
    result = lighthouse.run(quality_served.url + PAGES[name], keep=RESULTS / f"lighthouse-{name}.json")
    SCORES[name] = {"scores": result.scores, "failing": result.failing, "metrics": result.metrics}
    record("lighthouse", SCORES, "Lighthouse (mobile, one run): " + "; ".join(
        f"{n} " + "/".join(str(s["scores"].get(c, "?")) for c in lighthouse.CATEGORIES) for n, s in SCORES.items())
        + " (performance/accessibility/best practices/SEO)")
    s, failing = result.scores, result.failing
    assert s["accessibility"] == 100, failing["accessibility"]
    assert s["best-practices"] == 100, failing["best-practices"]
    assert s["seo"] >= 95, failing["seo"]
