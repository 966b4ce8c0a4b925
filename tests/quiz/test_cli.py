"""`hoagiai quiz …` through click: messages and exit codes, never a traceback."""

import shutil

import pytest
from click.testing import CliRunner

from hoagiai.quiz.cli import quiz


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A minimal project: mkdocs.yml, the real register, the reference bank."""
    from quiz_support import FIXTURES, ROOT

    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "legal-register.yml", tmp_path / "data")
    (tmp_path / "quizzes").mkdir()
    shutil.copy(FIXTURES / "banks" / "m01.yml", tmp_path / "quizzes")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    result = CliRunner().invoke(quiz, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_ok(project):
    result = run("check")
    assert result.exit_code == 0 and "1 bank(s), 6 question(s): OK" in result.output


def test_check_reports_every_problem_and_fails(project):
    from quiz_support import FIXTURES

    shutil.copy(FIXTURES / "invalid" / "correct-count.yml", project / "quizzes")
    result = run("check")
    assert result.exit_code == 1
    expected = (FIXTURES / "invalid" / "correct-count.expected").read_text(encoding="utf-8")
    for line in expected.splitlines():
        assert f"quizzes/{line}" in result.output
    assert "Traceback" not in result.output


def test_check_named_path(project):
    assert run("check", "quizzes/m01.yml").exit_code == 0
    missing = run("check", "quizzes/m77.yml")
    assert missing.exit_code == 1 and "quizzes/m77.yml: no such bank file" in missing.output


def test_paper_and_unknown_bank(project):
    result = run("paper", "m01", "--variants", "2", "--seed", "7")
    assert result.exit_code == 0 and (project / "dist/papers/m01-B.html").is_file()
    assert (project / "dist/papers/scores-template.csv").is_file()
    bad = run("paper", "m99")
    assert bad.exit_code == 1 and "unknown bank 'm99' (banks in quizzes/: m01)" in bad.output


def test_export_formats(project):
    for fmt, name in (("gift", "m01.gift"), ("json", "quizzes.json"), ("csv", "quizzes.csv")):
        result = run("export", "--format", fmt)
        assert result.exit_code == 0 and (project / "dist/export" / name).is_file()
    assert run("export", "--format", "qti").exit_code == 2  # click's usage error


def test_schema_write_and_check(project):
    assert run("schema", "--check").exit_code == 1
    assert run("schema").exit_code == 0
    result = run("schema", "--check")
    assert result.exit_code == 0 and "up to date" in result.output
