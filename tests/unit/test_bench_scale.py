"""`hoagiai bench --scale N`: the synthetic project holds N× today's Vietnamese pages, each copy in the nav,
with relative links that stay inside the copy (the build of it is measured by the bench, not here)."""

from pathlib import Path

from hoagiai.bench.scale import SCALE_DIR, scaled_project
from hoagiai.siteconfig import load_mkdocs_yml, nav_paths
from hoagiai.source import is_translation

ROOT = Path(__file__).resolve().parents[2]


def test_three_times_the_vietnamese_pages_all_in_the_nav(tmp_path):
    project = scaled_project(ROOT, 3, tmp_path / "x3")
    vi = [p for p in (project / "docs").rglob("*.md") if not is_translation(p)]
    today = [p for p in (ROOT / "docs").rglob("*.md") if not is_translation(p)]
    assert len(vi) == 3 * len(today)
    nav = nav_paths(load_mkdocs_yml(project))
    copies = [p for p in nav if p.startswith(f"{SCALE_DIR}/")]
    assert len(copies) == 2 * len(today) and set(nav) >= {p.relative_to(project / "docs").as_posix() for p in vi
                                                            if p.relative_to(project / "docs").parts[0] == SCALE_DIR}
    copy = project / "docs" / SCALE_DIR / "ban-2" / "tinh-huong" / "tinh-huong-01.md"
    assert copy.read_text(encoding="utf-8") == (ROOT / "docs" / "tinh-huong" / "tinh-huong-01.md").read_text(
        encoding="utf-8")  # same relative links: they resolve inside the copy
    assert (project / "data").resolve() == (ROOT / "data").resolve()  # data and code are linked, not copied
    copied_form = project / "docs" / SCALE_DIR / "ban-2" / "gui-cau-hoi.md"
    assert "<!-- form " not in copied_form.read_text(encoding="utf-8")  # a form belongs on its own page only


def test_factor_one_is_today_s_site(tmp_path):
    project = scaled_project(ROOT, 1, tmp_path / "x1")
    assert not (project / "docs" / SCALE_DIR).exists()
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
