"""Zero broken internal links and anchors in the web build and the offline build (our own checker,
hoagiai.quality.links, over the built folders), plus its own behaviour on a small hand-made site."""

from __future__ import annotations

import pytest
from quality_support import record

from hoagiai.quality import links

SUBPATH = "/hoa-giai-co-so/"


@pytest.mark.slow
def test_web_build_has_no_broken_links_or_anchors(site):
    problems = links.check_site(site, base_path=SUBPATH)
    record("links_web", [str(p) for p in problems], f"links (web build): {len(problems)} broken")
    assert [str(p) for p in problems] == []


@pytest.mark.slow
def test_offline_build_has_no_broken_links_or_anchors(offline_site):
    assert not list(offline_site.rglob("404.html"))  # a web server's page: the offline build drops it
    problems = links.check_site(offline_site)
    record("links_offline", [str(p) for p in problems], f"links (offline build): {len(problems)} broken")
    assert [str(p) for p in problems] == []


def write(folder, rel, html):
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_checker_finds_missing_pages_anchors_and_absolute_links(tmp_path):
    write(tmp_path, "index.html", '<a href="a/">a</a> <a href="a/#there">ok</a> <a href="a/#gone">x</a>'
                                  '<a href="missing/">m</a> <a href="/hoa-giai-co-so/a/">abs</a>'
                                  '<a href="https://example.org/x">ext</a> <a href="mailto:a@b.c">m</a>'
                                  '<img src="img/x.png" alt=""> <a href="#top">self</a><h1 id="top">t</h1>'
                                  '<a href="javascript:void(0)">js</a>')
    write(tmp_path, "a/index.html", '<h2 id="there">t</h2><a href="../index.html#top">back</a>'
                                    '<a href="../../outside.html">up</a>')
    found = sorted(str(p) for p in links.check_site(tmp_path, base_path="/hoa-giai-co-so/"))
    assert found == [
        "a/index.html: broken link → ../../outside.html (points above the site folder)",
        "index.html: broken link → a/#gone (no such anchor)",
        "index.html: broken link → img/x.png",
        "index.html: broken link → javascript:void(0) (javascript: URL)",
        "index.html: broken link → missing/",
    ]
    offline = sorted(str(p) for p in links.check_site(tmp_path))  # file:// has no sub-path
    assert "index.html: broken link → /hoa-giai-co-so/a/ (absolute path outside the site)" in offline


def test_file_urls_and_encoded_anchors(tmp_path):
    write(tmp_path, "van-ban/luat.html", '<h2 id="dieu-24">Điều 24</h2><h2 id="mục-1">x</h2>')
    write(tmp_path, "index.html", '<a href="van-ban/luat.html#dieu-24">a</a><a href="van-ban/luat.html#m%E1%BB%A5c-1">b</a>'
                                  '<a href="van-ban/luat.html#dieu-99">c</a><a href="van-ban/">d</a>')
    assert [str(p) for p in links.check_site(tmp_path)] == [
        "index.html: broken link → van-ban/luat.html#dieu-99 (no such anchor)",
        "index.html: broken link → van-ban/ (folder without index.html)",
    ]
