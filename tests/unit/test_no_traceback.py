"""Every `hoagiai` command, given bad input or run outside the project, says what is wrong (file, line where
there is one, field) and exits non-zero: never a Python traceback."""

import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner

from hoagiai.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [["build"], ["serve"], ["check"], ["check", "--report"], ["quiz", "check"], ["quiz", "paper", "m01"],
            ["quiz", "export", "--format", "gift"], ["quiz", "schema"], ["course", "--modules", "1", "--days", "1"],
            ["pdf"], ["evaluate", "scores.csv"], ["bench", "--readme"]]


def run(args, cwd: Path, monkeypatch):
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    shown = result.output + (getattr(result, "stderr", "") or "")
    if result.exc_info and not isinstance(result.exception, SystemExit):
        shown += "".join(traceback.format_exception(*result.exc_info))
    return result.exit_code, shown


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_outside_the_project(args, tmp_path, monkeypatch):
    code, shown = run(args, tmp_path, monkeypatch)
    assert code != 0 and "Traceback" not in shown, shown
    assert "no mkdocs.yml in this folder or any parent" in shown
    assert not list(tmp_path.iterdir()), "nothing may be written outside the project"


@pytest.fixture
def broken(tmp_path):
    """A project whose data files are all wrong."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  course: {sessions: 3}\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "legal-register.yml").write_text("- just\n- a list\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "m01.yml").write_text("id: m01\nquestions: [\n", encoding="utf-8")
    lessons = tmp_path / "docs" / "bai-giang-mau"
    lessons.mkdir(parents=True)
    (lessons / "mo-dun-01.md").write_text("---\ntitle: x\nmodule: yes\n---\n", encoding="utf-8")
    (tmp_path / "scores.csv").write_text("participant,paper\n", encoding="utf-8")
    return tmp_path


BAD_INPUT = [args for args in COMMANDS if args not in (["serve"], ["build"], ["quiz", "schema"])] + [
    ["check", "docs/none.md"], ["quiz", "check", "quizzes/none.yml"], ["pdf", "--site", "nowhere"],
    ["evaluate", "scores.csv", "other/scores.csv"], ["evaluate", "scores.csv", "nowhere.csv", "--name", "a"],
    ["evaluate", "scores.csv", "scores.csv", "--layout", "a.json", "--layout", "b.json", "--layout", "c.json"]]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_bad_input_is_named(args, broken, monkeypatch):
    code, shown = run(args, broken, monkeypatch)
    assert code != 0 and "Traceback" not in shown, shown
    assert shown.strip(), "a failing command says why"


def test_build_names_a_broken_bank(tmp_path, monkeypatch):
    """The real project with one broken bank: the build fails with the bank's messages, and no site."""
    import shutil

    project = tmp_path / "p"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns("site", "dist", ".git", "node_modules", "tests", ".ci"))
    (project / "quizzes" / "m01.yml").write_text("id: m01\ntitle: {vi: x}\nquestions: [\n", encoding="utf-8")
    code, shown = run(["build"], project, monkeypatch)
    assert code != 0 and "Traceback" not in shown, shown
    assert "quizzes/m01.yml:4:1: YAML syntax" in shown
    assert not (project / "site").exists()


def test_register_problems_have_positions(broken, monkeypatch):
    _, shown = run(["check"], broken, monkeypatch)
    assert "data/legal-register.yml:1:1: top level must be a mapping with a 'documents' list" in shown


def test_course_config_problems_have_positions(broken, monkeypatch):
    (broken / "data" / "legal-register.yml").write_bytes((ROOT / "data" / "legal-register.yml").read_bytes())
    code, shown = run(["course", "--modules", "1", "--days", "1"], broken, monkeypatch)
    assert code != 0 and "Traceback" not in shown
    assert "docs/bai-giang-mau/mo-dun-01.md:3:9: 'yes' means True to MkDocs (YAML 1.1)" in shown


def test_evaluate_names_every_bad_sheet_and_scores_the_rest(tmp_path, monkeypatch):
    """Several sheets, each broken another way, beside one good sheet: every problem is named with its file (and
    line), the good sheet is scored, the summary is written, exit code 1, never a traceback."""
    from hoagiai.quiz.loader import load_banks
    from hoagiai.quiz.paper import paper_layout, plan_papers

    banks = [load_banks(root=ROOT)["m01"]]
    papers = plan_papers(banks, variants=2, pre_post=True, seed=9)
    layout = paper_layout(papers, banks, 9).to_json()
    first = papers[0].questions[0]
    sheets = {
        "good": f"participant,paper,variant,{first.question.id}\nAn,pre,A,{first.key}\n",
        "latin1": "participant,paper,variant\nB\xecnh,pre,A\n".encode("latin-1"),
        "empty": "",
        "header-only": "participant;paper;variant;" + first.question.id + "\r\n",
        "wrong-columns": "name,paper\nAn,pre\n",
        "quoted": f'\ufeffparticipant,paper,variant,{first.question.id}\r\nAn,pre,Z,"a\nb"\r\n"unclosed,pre,A,a\r\n',
        "no-layout": f"participant,paper,variant,{first.question.id}\nAn,pre,A,a\n",
        "bad-layout": f"participant,paper,variant,{first.question.id}\nAn,pre,A,a\n",
        "other-papers": "participant,paper,variant,m02-q01\nAn,pre,A,a\n",
    }
    args = []
    for name, content in sheets.items():
        folder = tmp_path / name
        folder.mkdir()
        sheet = folder / "scores.csv"
        sheet.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        if name != "no-layout":
            (folder / "papers.json").write_text("{ not json" if name == "bad-layout" else layout, encoding="utf-8")
        args += [str(sheet), "--name", name]
    (tmp_path / "a-folder.csv").mkdir()
    args += [str(tmp_path / "a-folder.csv"), "--name", "folder", "--out", str(tmp_path / "out"), "--no-pdf"]
    code, shown = run(["evaluate", *args], ROOT, monkeypatch)
    assert code == 1 and "Traceback" not in shown, shown
    for name in sheets:
        if name != "good":
            assert f"{tmp_path / name}" in shown, name
    assert "a-folder.csv: is a folder, not a scores sheet" in shown
    assert "latin1/scores.csv: not UTF-8 text" in shown and "bad-layout/papers.json:1:3: not valid JSON" in shown
    assert "no-layout/papers.json: no layout file" in shown and "empty/scores.csv: empty file" in shown
    assert "wrong-columns/scores.csv:1: missing column(s) participant, variant" in shown
    assert "quoted/scores.csv:3: variant 'Z' is not a variant of the pre paper" in shown
    assert "other-papers/scores.csv:1: none of the sheet's question columns is on the papers" in shown
    assert (tmp_path / "out" / "good" / "bao-cao-danh-gia.html").is_file()
    assert (tmp_path / "out" / "tong-hop.csv").is_file()
