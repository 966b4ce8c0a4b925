"""The build's own state and post-build decisions (hoagiai.sitebuild), without MkDocs: what each language's
build writes, in the order static-i18n runs them (vi starts, en and km finish inside vi's post-build)."""

from pathlib import Path

import pytest

from hoagiai.sitebuild import PageRef, SiteBuild

ROOT = Path(__file__).resolve().parents[2]
PAGE_HTML = '<h1 id="t">Tiêu đề</h1><p>Hòa giải viên theo Điều 24 Luật Hòa giải ở cơ sở.</p>'


@pytest.fixture
def build():
    warnings: list[str] = []
    b = SiteBuild(ROOT, warn=warnings.append)
    b.configure(use_directory_urls=True, site_id="t", province_settings={"name": "Bạc Liêu", "hotline": "TODO: publisher"},
                site_url="https://s/hg/", site_name="HG")
    b.warnings = warnings
    return b


def page(url: str, file_locale: str = "vi", meta: dict | None = None) -> PageRef:
    return PageRef("chuong-trinh/x.md", str(ROOT / "docs" / "index.md"), url, "Trang", meta or {}, file_locale)


def resolve(path: str) -> str:
    return path.removesuffix(".md") + "/"


def run_languages(build: SiteBuild, site: Path, *, offline: bool) -> None:
    build.offline = offline
    (site / "en").mkdir(parents=True)
    build.start("vi", site)
    build.page_content(PAGE_HTML, page("x/"), "vi", resolve)
    build.page_output("<html></html>", "x/", "vi")
    build.template_output("<html>vi 404</html>", "404.html", "vi")
    build.start("en", site / "en")  # static-i18n runs en inside vi's post-build (vi search files: in the background)
    build.page_content(PAGE_HTML, page("en/x/", meta={"hg_fallback": True}), "en", resolve)
    build.page_output("<html></html>", "en/x/", "en")
    build.template_output("<html>en 404</html>", "404.html", "en")
    (site / "404.html").write_text("<html>en 404</html>")  # every language writes the root 404: en last
    build.finish(site, description="d")
    build.finish(site, description="d")


def test_each_language_gets_its_index_sitemap_and_404(build, tmp_path):
    run_languages(build, tmp_path, offline=False)
    assert (tmp_path / "search" / "hg-vi.js").exists() and (tmp_path / "search" / "hg-en.js").exists()
    assert "<loc>https://s/hg/en/x/</loc>" in (tmp_path / "en" / "sitemap.xml").read_text()
    assert (tmp_path / "404.html").read_text() == "<html>vi 404</html>"
    assert (tmp_path / "en" / "404.html").read_text() == "<html>en 404</html>"
    assert (tmp_path / "sw.js").exists() and (tmp_path / "manifest.webmanifest").exists()
    assert build.warnings == []


def test_the_offline_build_has_no_service_worker(build, tmp_path):
    run_languages(build, tmp_path, offline=True)
    assert not (tmp_path / "sw.js").exists()


def test_citations_are_linked_and_a_fallback_page_is_marked(build):
    html = build.page_content(PAGE_HTML, page("en/x/", meta={"hg_fallback": True}), "en", resolve)
    assert 'class="hg-cite" href="../../van-ban/luat-35-2013/#dieu-24"' in html
    assert html.startswith('<div class="admonition info hg-fallback" lang="en">')
    assert '<div lang="vi" data-hg-fallback>' in html


def test_markdown_transforms_and_fallback_flag(build):
    ref = page("en/x/", file_locale="vi")
    out = build.page_markdown("Gọi {{ province.hotline }} ở {{ province.name }}.\n\n!!! trainer\n    Ghi chú\n", ref,
                              "en", resolve)
    assert "Department of Justice" in out and "Bạc Liêu" in out and "??? trainer" in out
    assert ref.meta["hg_fallback"] is True


def test_template_helpers_follow_the_placeholder_rule(build):
    helpers = build.template_globals("vi")
    assert helpers["hg_province"]("hotline") == "Sở Tư pháp sẽ cập nhật"
    assert helpers["hg_province_set"]("hotline") is False and helpers["hg_province_set"]("name") is True
    assert helpers["hg_t"]("notfound.home") == "Về trang chủ"


def test_data_files_are_read_once_per_build(build, monkeypatch):
    calls = []
    monkeypatch.setattr("hoagiai.sitebuild.load_register", lambda path: calls.append(path))
    build.configure(use_directory_urls=True, site_id="t", province_settings={})
    assert calls == []  # unchanged files: the en and km builds reuse what vi loaded


def test_an_article_read_only_in_a_secondary_copy_is_marked_where_cited(build):
    html = build.page_content("<p>Theo Điều 235 Luật Đất đai, các bên phải hòa giải ở xã.</p>",
                              page("chuong-trinh/x/"), "vi", resolve)
    assert ('Điều 235 Luật Đất đai</a> <em class="hg-unverified" title="chỉ mới đọc trong bản sao thứ cấp">'
            "chưa kiểm chứng</em>") in html
