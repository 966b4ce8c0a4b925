"""The strict web build: exact pages per language, 404 and sitemap per language, fallbacks, no internet."""

import re
import unicodedata
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
LOCALES = ("vi", "en", "km")


def source_pages(root: Path) -> list[str]:
    """Site paths of the Vietnamese pages (each also appears in en and km, translated or as fallback)."""
    out = []
    for md in sorted((root / "docs").rglob("*.md")):
        if re.search(r"\.(en|km)\.md$", md.name):
            continue
        rel = md.relative_to(root / "docs").with_suffix("")
        out.append("index.html" if rel.name == "index" and rel.parent == Path(".") else
                   (str(rel.parent / "index.html") if rel.name == "index" else str(rel / "index.html")))
    return out


def built_pages(site: Path, locale: str) -> list[str]:
    base = site if locale == "vi" else site / locale
    pages = []
    for html in base.rglob("*.html"):
        rel = html.relative_to(base)
        if locale == "vi" and rel.parts[0] in ("en", "km"):
            continue
        if rel.parts[0] == "assets":
            continue
        pages.append(str(rel))
    return sorted(pages)


@pytest.mark.parametrize("locale", LOCALES)
def test_exact_output_paths_per_language(site, root, locale):
    expected = sorted(source_pages(root) + ["404.html"])
    assert built_pages(site, locale) == expected


@pytest.mark.parametrize("locale, title", [("vi", "Không tìm thấy trang"), ("en", "Page not found"),
                                           ("km", "រកមិនឃើញទំព័រ")])
def test_404_page_per_language(site, locale, title):
    page = (site / ("" if locale == "vi" else locale) / "404.html").read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in page
    assert f'<html lang="{locale}"' in page


@pytest.mark.parametrize("locale", ("en", "km"))
def test_sitemap_per_language_lists_its_pages(site, root, locale):
    sitemap = (site / locale / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(source_pages(root))
    assert all(f"/{locale}/" in loc for loc in locs)
    assert (site / "sitemap.xml").is_file()


def test_fallback_pages_carry_a_notice_and_vietnamese_lang(site, root):
    # A page with no English file is shown in Vietnamese, with a notice in the reader's language.
    vi_only = [p for p in source_pages(root) if p != "index.html"]
    page = (site / "en" / vi_only[0]).read_text(encoding="utf-8")
    assert "This page has not been translated yet" in page
    assert '<div lang="vi" data-hg-fallback>' in page
    km = (site / "km" / vi_only[0]).read_text(encoding="utf-8")
    assert "ទំព័រនេះមិនទាន់បានបកប្រែ" in km and '<div lang="vi" data-hg-fallback>' in km
    # Translated pages have no notice.
    assert "has not been translated" not in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_heading_ids_are_never_empty_or_numbered_placeholders(site):
    bad = []
    for html in site.rglob("*.html"):
        for hid in re.findall(r'<h[1-6][^>]* id="([^"]*)"', html.read_text(encoding="utf-8")):
            if not hid or re.fullmatch(r"_\d+", hid):
                bad.append(f"{html.relative_to(site)}#{hid}")
    assert bad == []


# Elements that load something (canonical and alternate links only name an address).
EXTERNAL = re.compile(r'<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc="(?:https?:)?//'
                      r'|<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|manifest|prefetch)")'
                      r'[^>]*\bhref="(?:https?:)?//', re.I)


def test_no_page_loads_anything_from_the_internet(site):
    offenders = [str(p.relative_to(site)) for p in site.rglob("*.html") if EXTERNAL.search(p.read_text("utf-8"))]
    assert offenders == []
    css = [str(p.relative_to(site)) for p in site.rglob("*.css") if "fonts.googleapis" in p.read_text("utf-8")]
    assert css == []


def test_built_pages_are_nfc(site):
    assert [str(p) for p in site.rglob("*.html")
            if unicodedata.normalize("NFC", t := p.read_text("utf-8")) != t] == []


def test_theme_defects_are_fixed_in_our_templates(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'role="dialog" aria-label="[^"]+"', home)
    assert "autocorrect" not in home
    assert 'type="checkbox" id="__drawer" autocomplete' not in home
    assert "Made with" not in home


def test_offline_zip_name_size_and_contents(offline_zip):
    import datetime
    import zipfile

    assert re.fullmatch(rf"hoa-giai-co-so-offline-{datetime.date.today().isoformat()}\.zip", offline_zip.name)
    names = zipfile.ZipFile(offline_zip).namelist()
    assert not [n for n in names if n.endswith(".map")]
    # Material's lunr search is replaced by ours: none of its files ship; our index per language does.
    assert not [n for n in names if "/lunr/" in n or "/workers/" in n or "search_index" in n]
    assert sum(n.endswith(("search/hg-vi.js", "search/hg-en.js", "search/hg-km.js")) for n in names) == 3
    for name in names:
        if name.endswith(".html"):
            text = zipfile.ZipFile(offline_zip).read(name).decode()
            assert "unpkg.com" not in text and "serviceWorker.register" not in text, name


def test_search_index_never_holds_quiz_answers(site, root):
    """Explanations and feedback are marked data-search-exclude; none reaches any language's index."""
    from hoagiai.quiz.loader import load_banks

    questions = load_banks(root=root)["m03"].questions
    secrets = [" ".join(q.explanation["vi"].split()) for q in questions if len(q.explanation.get("vi", "")) > 80]
    secrets += [" ".join(o.feedback["vi"].split()) for q in questions for o in q.options
                if len(o.feedback.get("vi", "")) > 60]
    assert len(secrets) > 10
    for lang in LOCALES:  # each language's index core and page texts (search/hg-<lang>.js, search/<lang>/…)
        files = [site / "search" / f"hg-{lang}.js", *(site / "search" / lang).rglob("*.js")]
        index = "".join(p.read_text(encoding="utf-8") for p in files)
        assert "tu-kiem-tra" in index or lang != "vi"
        leaked = [s[:60] for s in secrets if s in index]  # (not `in` on the 1 MB index: pytest would diff it)
        assert leaked == [], lang


def test_raw_html_that_never_closes_fails_the_build_naming_page_and_element(root, tmp_path):
    """The citation and search passes match elements by name: an unclosed one in a page is the author's to fix."""
    import shutil
    import subprocess
    import sys

    project = tmp_path / "project"
    for name in ("docs", "data", "quizzes", "overrides", "scripts"):
        shutil.copytree(root / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", project)
    page = project / "docs" / "hoi-dap.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMẫu lệnh <code>chưa đóng.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "hoagiai.cli", "build", "--site-dir", str(tmp_path / "s")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "hoi-dap.md: <code> is never closed: citations not linked, page not searchable" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()
