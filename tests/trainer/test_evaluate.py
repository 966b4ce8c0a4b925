"""Evaluation numbers on a fixture CSV and bank, checked against values worked out by hand.

Fixture (tests/trainer/fixtures/evaluate/): bank m09 (q1 single a; q2 multiple a+c; q3 true/false a;
q4 ordering b>a>c; q1-q2 objective mt1, q3-q4 mt2; pass mark 80), the papers' layout papers.json (pre A and
post A print the bank's letters; pre B has no q2 and prints q1 as a=b, b=a and q4 as a=c, b=a, c=b) and
scores.csv:

line  sheet       q1 q2 q3 q4   score
2     An pre      1  1  0  0    2/4 = 50
3     Bình pre    0  0  1  1    2/4 = 50
4     Chi pre     0  1  0  0(-) 1/4 = 25
5     Dũng pre B  1  .  1  0    2/3 = 66.67 (q2 not on paper B; printed b = bank a; a>b>c = bank c>a>b)
6     An post     1  1  1  1    100
7     Bình post   1  1  1  0    75
8     Chi post    0  1  1  1    75  ("C+A", "A" and spaces are read as a+c, a, b>a>c)
9     Dũng post   1  0  0  1    50
10    Em mid      unknown paper: left out
11    Em post     a+b on a single question, z not a letter: cells ignored, no answer read: left out
Header: m09-q9 is not in the bank (column ignored).
"""

from pathlib import Path

import pytest

from hoagiai.documents import pct
from hoagiai.evaluate.report import render_report, summary_text
from hoagiai.evaluate.scoring import check_answer, read_scores, scored_questions
from hoagiai.evaluate.stats import evaluate, most_missed, weakest_objectives
from hoagiai.quiz.layout import load_layout
from hoagiai.quiz.loader import load_banks

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"


@pytest.fixture(scope="module")
def questions():
    return scored_questions(load_banks([FIXTURES / "m09.yml"], root=ROOT))


@pytest.fixture(scope="module")
def layout():
    return load_layout(FIXTURES / "papers.json", "papers.json")


@pytest.fixture(scope="module")
def scored(questions, layout):
    return read_scores((FIXTURES / "scores.csv").read_text(encoding="utf-8"), questions, layout)


def test_sheet_scores(scored):
    sheets, _ = scored
    assert [(s.row, s.participant, s.paper, round(s.percent, 2)) for s in sheets] == [
        (2, "An", "pre", 50), (3, "Bình", "pre", 50), (4, "Chi", "pre", 25), (5, "Dũng", "pre", 66.67),
        (6, "An", "post", 100), (7, "Bình", "post", 75), (8, "Chi", "post", 75), (9, "Dũng", "post", 50)]


def test_bad_rows_are_listed_with_line_numbers(scored):
    _, bad = scored
    assert [(b.row, b.excluded) for b in bad] == [(1, False), (10, True), (11, False), (11, True)]
    assert "unknown question id 'm09-q9'" in bad[0].message
    assert "unknown paper 'mid'" in bad[1].message
    assert "m09-q1: 'a+b': 2 answers to a one-answer question" in bad[2].message
    assert "m09-q3: 'z' is not among the letters a, b" in bad[2].message
    assert "no answer could be read; row left out" in bad[3].message


def test_participants_and_means(scored, questions):
    result = evaluate(scored[0], questions)
    assert [(p.name, p.pre and round(p.pre, 2), p.post, p.gain and round(p.gain, 2)) for p in result.participants] == [
        ("An", 50, 100, 50), ("Bình", 50, 75, 25), ("Chi", 25, 75, 50), ("Dũng", 66.67, 50, -16.67)]
    assert result.mean_pre == pytest.approx((50 + 50 + 25 + 200 / 3) / 4)  # 47.92
    assert result.mean_post == pytest.approx(75)
    assert result.mean_gain == pytest.approx((50 + 25 + 50 - 50 / 3) / 4)  # 27.08
    assert (result.pass_mark, result.passed_post, result.took_post, result.paired) == (80, 1, 4, 4)


def test_difficulty_and_discrimination(scored, questions):
    # Ranking by score (ties in CSV order): lines 6, 7, 8, 5, 2, 3, 9, 4. Groups: round(0.27 * 8) = 2 sheets.
    # q1: upper 6,7 = 2/2, lower 9,4 = 1/2 -> D 0.5. q3: 2/2 vs 0/2 -> 1.0. q4: 1/2 vs 1/2 -> 0.
    # q2 (7 sheets, line 5 lacks it): round(1.89) = 2; upper 6,7 = 2/2, lower 9,4 = 1/2 -> 0.5.
    items = {i.qid: i for i in evaluate(scored[0], questions).items}
    assert {q: (i.correct, i.answered) for q, i in items.items()} == {
        "m09-q1": (5, 8), "m09-q2": (5, 7), "m09-q3": (5, 8), "m09-q4": (4, 8)}
    assert items["m09-q2"].difficulty == pytest.approx(5 / 7)
    assert {q: i.discrimination for q, i in items.items()} == {
        "m09-q1": 0.5, "m09-q2": 0.5, "m09-q3": 1.0, "m09-q4": 0.0}
    assert all(i.group_size == 2 for i in items.values())


def test_most_missed_questions_and_objectives(scored, questions):
    result = evaluate(scored[0], questions)
    assert [i.qid for i in most_missed(result)] == ["m09-q4", "m09-q1", "m09-q3", "m09-q2"]
    weak = weakest_objectives(result)
    assert [(o.objective, o.correct, o.answered) for o in weak] == [("mt2", 9, 16), ("mt1", 10, 15)]


@pytest.mark.parametrize("qid, raw, expected", [
    ("m09-q1", "a", True), ("m09-q1", "b", False), ("m09-q1", "-", False), ("m09-q1", "c", None),
    ("m09-q2", "c+a", True), ("m09-q2", "a", False), ("m09-q2", "a+d", None),
    ("m09-q4", "b>a>c", True), ("m09-q4", "a>b>c", False), ("m09-q4", "b>b>c", None), ("m09-q4", "b>x", None),
])
def test_answer_codes(questions, qid, raw, expected):
    assert check_answer(questions[qid].question, raw)[0] is expected


def test_summary_and_report(scored, questions):
    sheets, bad = scored
    result = evaluate(sheets, questions)
    objectives = {("m09", "mt2"): "Sắp xếp đúng các bước."}
    text = summary_text(result, questions, objectives, bad)
    assert "đầu khóa là 47,9%, cuối khóa là 75%" in text
    assert "điểm bình quân tăng 27,1 điểm phần trăm" in text
    assert "1/4 học viên đạt yêu cầu" in text and "từ 80% trở lên" in text
    assert "Sắp xếp đúng các bước" in text and "4 dòng dữ liệu lỗi" in text
    html = render_report(result, questions, objectives, bad, source="scores.csv")
    assert html.count("<svg") == 2
    assert '<td class="num">11</td>' in html and "Kelley" in html
    assert pct(66.666) == "66,7%" and pct(75.0) == "75%"


def test_missing_columns_is_a_user_error(questions, layout):
    from hoagiai.errors import UserError

    with pytest.raises(UserError, match="missing column"):
        read_scores("name,paper\nAn,pre\n", questions, layout)


def test_report_keeps_question_text_as_written(questions, layout):
    """Numbers are formatted by Babel; the prompts (full stops, thousands) are never rewritten."""
    from dataclasses import replace

    q1 = questions["m09-q1"]
    prompt = "Theo Điều 5. Ông A nợ 1.000.000 đồng, trả 2,5 triệu. Đúng không?"
    changed = {**questions, "m09-q1": replace(q1, question=replace(q1.question, prompt={"vi": prompt}))}
    sheets, bad = read_scores((FIXTURES / "scores.csv").read_text(encoding="utf-8"), changed, layout)
    html = render_report(evaluate(sheets, changed), changed, {}, bad, source="scores.csv")
    assert html.count("Theo Điều 5. Ông A nợ 1.000.000 đồng, trả 2,5 triệu. Đúng không?") == 2  # table, most missed
    assert '<td class="num">0,50</td>' in html  # D of m09-q1 with a decimal comma


BAD_INPUT = [
    # (line, left out, message): a BOM, `;` separators and Windows line endings are read without complaint
    (3, True, "'An' already has a pre paper on line 2; row left out"),
    (4, True, "variant 'C' is not a variant of the pre paper (papers.json has A, B); row left out"),
    (5, False, "m09-q2 is not on paper m09-pre-B (cell ignored)"),
    (6, False, "m09-q2: 'a,c': join the chosen letters with + (e.g. a+c) (cell ignored)"),
    (7, True, "no participant; row left out"),
]


def test_bad_input_is_listed_with_file_and_line_and_the_rest_is_scored(questions, layout):
    sheets, bad = read_scores((FIXTURES / "bad-input.csv").read_text(encoding="utf-8"), questions,
                              layout, "bad-input.csv")
    assert [(b.row, b.excluded, b.message) for b in bad] == BAD_INPUT
    assert str(bad[0]) == "bad-input.csv:3: 'An' already has a pre paper on line 2; row left out"
    assert [(s.row, s.participant, s.paper, s.variant, round(s.percent, 2)) for s in sheets] == [
        (2, "An", "pre", "A", 100), (5, "Bình", "pre", "B", 66.67), (6, "Chi", "pre", "A", 66.67),
        (8, "An", "post", "A", 100)]


@pytest.mark.parametrize("header, delimiter", [
    ("participant,paper,variant,m09-q1", ","), ("participant;paper;variant;m09-q1", ";"),
    ("participant\tpaper\tvariant\tm09-q1", "\t"), ('"a;b",paper,variant', ","),
])
def test_delimiter_is_read_from_the_header(header, delimiter):
    from hoagiai.evaluate.scoring import sniff_delimiter

    assert sniff_delimiter(header) == delimiter


def test_layout_problems_are_clear(questions, tmp_path):
    from hoagiai.errors import UserError
    from hoagiai.quiz.layout import Layout, PaperLayout, PrintedQuestion

    with pytest.raises(UserError, match=r"papers.json: no layout file: keep the papers.json written beside"):
        load_layout(tmp_path / "papers.json")
    (tmp_path / "papers.json").write_text('{"format": "x"}', encoding="utf-8")
    with pytest.raises(UserError, match="not a papers layout written by `hoagiai quiz paper`"):
        load_layout(tmp_path / "papers.json")
    (tmp_path / "papers.json").write_text("{", encoding="utf-8")
    with pytest.raises(UserError, match=r"papers.json:1:2: not valid JSON"):
        load_layout(tmp_path / "papers.json")
    other = Layout(1, ("m08",), (PaperLayout("m08-pre-A", "pre", "A", (PrintedQuestion("m08-q01", {"a": "a"}),)),))
    with pytest.raises(UserError, match="the sheet and the layout come from different papers"):
        read_scores((FIXTURES / "scores.csv").read_text(encoding="utf-8"), questions, other)


# --- papers generated as for a real course: fair letters, keys that score 100%, "always a" at chance -------


def write_sheet(path: Path, papers, answer, people=("HV01", "HV02")) -> Path:
    """A filled sheet: each participant takes every paper kind in variant A, B, … in turn; `answer(item)` is the
    cell written for a printed question."""
    from hoagiai.quiz.paper import scores_columns

    columns = scores_columns(papers)
    rows = [",".join(["participant", "paper", "variant", *columns])]
    for index, person in enumerate(people):
        for kind in dict.fromkeys(p.kind for p in papers):
            variants = [p for p in papers if p.kind == kind]
            paper = variants[index % len(variants)]
            cells = {item.question.id: answer(item) for item in paper.questions}
            rows.append(",".join([person, kind, paper.variant, *(cells.get(c, "") for c in columns)]))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def always_a(item) -> str:
    """Circle "a" everywhere; for an ordering, write the letters top to bottom."""
    if item.question.kind == "ordering":
        return ">".join(c.letter for c in item.choices)
    return "a"


@pytest.fixture(scope="module")
def course_banks():
    return [b for bid, b in sorted(load_banks(root=ROOT).items()) if bid in {f"m0{n}" for n in range(1, 9)}]


@pytest.fixture(scope="module")
def course_papers(course_banks):
    from hoagiai.quiz.paper import paper_layout, plan_papers

    papers = plan_papers(course_banks, variants=4, pre_post=True, seed=2026)
    return papers, paper_layout(papers, course_banks, 2026)


def test_a_sheet_filled_from_the_key_scores_100(course_papers, tmp_path):
    papers, layout = course_papers
    questions = scored_questions(load_banks(root=ROOT))
    sheet = write_sheet(tmp_path / "scores.csv", papers, lambda item: item.key, people=("A", "B", "C", "D"))
    sheets, bad = read_scores(sheet.read_text(encoding="utf-8"), questions, layout)
    assert bad == [] and len(sheets) == 8
    assert {s.variant for s in sheets} == {"A", "B", "C", "D"}
    assert all(s.percent == 100 for s in sheets)


def test_always_circling_a_scores_about_chance(course_papers, course_banks, tmp_path):
    """Measured over the 8 variants (4 pre, 4 post) of a course of modules 1–8, and expected over all shuffles."""
    papers, layout = course_papers
    questions = scored_questions(load_banks(root=ROOT))
    people = [f"HV{n}" for n in range(4)]  # one participant per variant
    sheet = write_sheet(tmp_path / "scores.csv", papers, always_a, people=people)
    sheets, bad = read_scores(sheet.read_text(encoding="utf-8"), questions, layout)
    assert bad == []
    by_kind: dict[str, list[bool]] = {}
    for one in sheets:
        for qid, correct in one.answers.items():
            by_kind.setdefault(questions[qid].question.kind, []).append(correct)
    measured = {kind: sum(v) / len(v) for kind, v in by_kind.items()}
    overall = sum(sum(v) for v in by_kind.values()) / sum(len(v) for v in by_kind.values())
    # Expected over every shuffle: "a" is right when it is the only right option (probability 1/n when one of n
    # options is right); for true/false when the statement is true; a written top-to-bottom order never is.
    expected: dict[str, list[float]] = {}
    for bank in course_banks:
        for question, _ in bank.scored_questions():
            right = len(question.correct_ids())
            if question.kind == "true_false":
                chance = float(question.correct_ids() == (question.options[0].id,))
            elif question.kind == "ordering":
                chance = 0.0
            else:
                chance = 1 / len(question.options) if right == 1 else 0.0
            expected.setdefault(question.kind, []).append(chance)
    mean = {kind: sum(v) / len(v) for kind, v in expected.items()}
    expected_overall = sum(sum(v) for v in expected.values()) / sum(len(v) for v in expected.values())
    print(f"always a: measured {overall:.1%} {({k: round(v, 3) for k, v in measured.items()})}, "
          f"expected {expected_overall:.1%} {({k: round(v, 3) for k, v in mean.items()})}")
    assert expected_overall <= 0.40 and overall <= 0.40
    assert mean["single"] <= 0.34 and measured["single"] <= 0.40
    assert 0.40 <= mean["true_false"] <= 0.60  # about half the statements are false
    assert measured["multiple"] <= 0.10 and measured["ordering"] == 0


def course_folder(folder: Path, banks, seed: int, answer, people) -> Path:
    """What `hoagiai course` leaves a trainer: the papers' layout and, filled in, the scores sheet."""
    from hoagiai.quiz.paper import paper_layout, plan_papers

    folder.mkdir(parents=True)
    papers = plan_papers(banks, variants=2, pre_post=True, seed=seed)
    (folder / "papers.json").write_text(paper_layout(papers, banks, seed).to_json(), encoding="utf-8")
    return write_sheet(folder / "scores.csv", papers, answer, people=people)


def test_cli_writes_report_and_exits_1_on_bad_rows(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoagiai.evaluate.cli import evaluate as command

    bank = load_banks(root=ROOT)["m01"]
    sheet = course_folder(tmp_path / "xa-a", [bank], 11, lambda item: item.key, people=("An", "Bình"))
    with sheet.open("a", encoding="utf-8") as handle:
        handle.write("Chi,later,A\n")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(command, [str(sheet), "--out", str(tmp_path / "out"), "--no-pdf"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{sheet}:6: unknown paper 'later' (use pre or post); row left out",
                                          "1 problem(s): fix them and run again"]
    html = (tmp_path / "out" / "bao-cao-danh-gia.html").read_text(encoding="utf-8")
    assert "<td>An</td><td class=\"num\">100%</td><td class=\"num\">100%</td><td class=\"num\">0</td>" in html
    assert "Traceback" not in result.output + result.stderr


def test_several_sheets_make_a_province_summary(tmp_path, monkeypatch):
    """Two communes: each gets its report, and the summary holds the figures worked out by hand."""
    import csv as csvlib

    from click.testing import CliRunner

    from hoagiai.evaluate.cli import evaluate as command

    bank = load_banks(root=ROOT)["m03"]
    first = course_folder(tmp_path / "a", [bank], 3, lambda item: item.key, people=("An", "Bình"))
    # Second commune: everyone circles "a" on the pre-test and answers right on the post-test.
    second = course_folder(tmp_path / "b", [bank], 4, lambda item: item.key, people=("Chi",))
    lines = second.read_text(encoding="utf-8").splitlines()
    pre = lines[1].split(",")
    on_pre = {q.id for q in load_layout(tmp_path / "b" / "papers.json").paper("pre", pre[2]).questions}
    header = lines[0].split(",")
    pre = pre[:3] + [("-" if header[i] in on_pre else "") for i in range(3, len(header))]
    second.write_text("\n".join([lines[0], ",".join(pre), lines[2]]) + "\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    result = CliRunner().invoke(command, [str(first), str(second), "--name", "Xã An Trạch",
                                                          "--name", "Phường 1", "--out", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "phuong-1/bao-cao-danh-gia.html", "tong-hop.csv", "tong-hop.html", "xa-an-trach/bao-cao-danh-gia.html"]
    raw = (out / "tong-hop.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheets read the Vietnamese letters right
    rows = list(csvlib.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows == [
        ["Khóa / xã", "Số học viên", "Làm cả hai bài", "Điểm TB đầu khóa (%)", "Điểm TB cuối khóa (%)",
         "Tiến bộ (điểm)", "Tỉ lệ đạt cuối khóa (%)"],
        ["Xã An Trạch", "2", "2", "100", "100", "0", "100"],
        ["Phường 1", "1", "1", "0", "100", "100", "100"],
        ["Tổng cộng", "3", "3", "66,7", "100", "33,3", "100"]]  # decimal comma; a number, not "+33,3" text
    html = (out / "tong-hop.html").read_text(encoding="utf-8")
    assert '<a href="xa-an-trach/bao-cao-danh-gia.html">Xã An Trạch</a>' in html
    assert "<td>Tổng cộng</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">66,7%</td>" in html


def test_several_sheets_need_distinct_names_and_a_broken_one_does_not_stop_the_rest(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoagiai.evaluate.cli import evaluate as command

    bank = load_banks(root=ROOT)["m01"]
    first = course_folder(tmp_path / "a", [bank], 1, lambda item: item.key, people=("An",))
    second = course_folder(tmp_path / "b", [bank], 2, lambda item: item.key, people=("Bình",))
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(command, [str(first), str(second), "--no-pdf", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{first} and {second} would both be named 'scores': name each sheet with --name" in result.stderr
    (tmp_path / "b" / "papers.json").unlink()
    result = CliRunner().invoke(command, [str(first), str(second), "--name", "A", "--name", "B",
                                                          "--no-pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'b' / 'papers.json'}: no layout file" in result.stderr
    assert (tmp_path / "out" / "a" / "bao-cao-danh-gia.html").is_file() and (tmp_path / "out" / "tong-hop.csv").is_file()
    assert "no layout file" in (tmp_path / "out" / "tong-hop.html").read_text(encoding="utf-8")
