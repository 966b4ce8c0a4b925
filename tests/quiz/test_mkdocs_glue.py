"""A strict MkDocs build of a small site through the real glue (scripts/mkdocs_hooks.py): quizzes embed,
answers stay out of the search index, an unknown bank fails the build naming the page and line."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quiz_support import FIXTURES, ROOT

pytestmark = pytest.mark.slow

MKDOCS_YML = """\
site_name: Quiz glue test
strict: true
use_directory_urls: false
theme: {name: material, language: vi, font: false}
hooks: [HOOKS]
extra:
  site_id: glue-test
  offline_build: true
  province: {name: Bạc Liêu, hotline: "TODO: publisher"}
validation: {anchors: warn, unrecognized_links: warn}
plugins: []
"""


def make_project(tmp_path: Path, page: str) -> Path:
    hooks = (ROOT / "scripts" / "mkdocs_hooks.py").as_posix()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.replace("HOOKS", hooks), encoding="utf-8")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "legal-register.yml", tmp_path / "data")
    (tmp_path / "quizzes").mkdir()
    shutil.copy(FIXTURES / "banks" / "m01.yml", tmp_path / "quizzes")
    docs = tmp_path / "docs"
    (docs / "van-ban").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets" / "quiz", docs / "assets" / "quiz")
    articles = "\n\n".join(f"## Điều {n}. Tiêu đề {{ #dieu-{n} }}\n\nNội dung." for n in range(1, 34))
    (docs / "van-ban" / "luat-35-2013.md").write_text(f"# Luật\n\n{articles}\n", encoding="utf-8")
    (docs / "index.md").write_text(page, encoding="utf-8")
    shutil.copy(ROOT / "docs" / "tien-do.md", docs / "tien-do.md")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    """A strict build; warnings are shown (with -q MkDocs would not count them)."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=project, check=False, env=env)


def test_strict_build_with_a_quiz_page(tmp_path):
    project = make_project(tmp_path, "---\ntitle: Tự kiểm tra\n---\n\n# Tự kiểm tra\n\n<!-- quiz m01 -->\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-site="glue-test"' in html and 'id="q-m01-q01-a"' in html
    assert 'href="van-ban/luat-35-2013.html#dieu-32"' in html
    assert html.count("quiz.js") == 1
    text = "".join(p.read_text(encoding="utf-8") for p in (project / "site" / "search").rglob("*.js"))
    assert "Tự kiểm tra" in text  # the quiz page is found by its title ...
    for quiz_text in ("Luật Hòa giải ở cơ sở có hiệu lực từ ngày nào?", "Luật có hiệu lực từ 01/01/2014.",
                      "Đó là ngày thông qua.", "Xem đáp án"):
        assert quiz_text not in text  # ... never by its questions, answers, feedback or explanations
    progress = (project / "site" / "tien-do.html").read_text(encoding="utf-8")
    assert '<tr data-bank="m01" data-pass="60">' in progress


def test_province_values_not_known_yet_never_reach_a_page(tmp_path):
    page = "---\ntitle: Hỏi\n---\n\n# Hỏi\n\nGọi {{ province.hotline | tel }} ở {{ province.name }}.\n"
    project = make_project(tmp_path, page)
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'Gọi <span class="hg-pending">Sở Tư pháp sẽ cập nhật</span> ở Bạc Liêu.' in html
    assert "TODO" not in html and "tel:" not in html


def test_unknown_bank_fails_the_build_with_page_and_line(tmp_path):
    project = make_project(tmp_path, "---\ntitle: Trang\n---\n\n# Trang\n\n<!-- quiz m99 -->\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/index.md:7: unknown quiz bank 'm99'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_broken_bank_fails_the_build_with_the_same_messages(tmp_path):
    project = make_project(tmp_path, "# Trang\n")
    shutil.copy(FIXTURES / "invalid" / "empty-lists.yml", project / "quizzes")
    result = build(project)
    assert result.returncode != 0
    expected = (FIXTURES / "invalid" / "empty-lists.expected").read_text(encoding="utf-8")
    for line in expected.splitlines():
        assert f"quizzes/{line}" in result.stderr + result.stdout


def test_front_matter_the_two_yaml_readings_disagree_on_fails_the_build(tmp_path):
    project = make_project(tmp_path, "---\ntitle: Trang\nmodule: 010\n---\n\n# Trang\n")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/index.md:3:9: '010' means 8 to MkDocs (YAML 1.1) but 10 to hoagiai (YAML 1.2)" in result.stderr
