"""Evaluation numbers on a fixture CSV and bank, checked against values worked out by hand.

Fixture (tests/trainer/fixtures/evaluate/): bank m09 (q1 single a; q2 multiple a+c; q3 true/false a;
q4 ordering b>a>c; q1-q2 objective mt1, q3-q4 mt2; pass mark 80) and scores.csv:

line  sheet       q1 q2 q3 q4   score
2     An pre      1  1  0  0    2/4 = 50
3     Bình pre    0  0  1  1    2/4 = 50
4     Chi pre     0  1  0  0(-) 1/4 = 25
5     Dũng pre    1  .  1  0    2/3 = 66.67 (q2 not on the paper)
6     An post     1  1  1  1    100
7     Bình post   1  1  1  0    75
8     Chi post    0  1  1  1    75  ("a,c", "A" and spaces are read as a+c, a, b>a>c)
9     Dũng post   1  0  0  1    50
10    Em mid      unknown paper: left out
11    Em post     a+b on a single question, z not an option: cells ignored, no answers left: left out
Header: m09-q9 is not in the bank (column ignored).
"""

from pathlib import Path

import pytest

from hoagiai.evaluate.report import pct, render_report, summary_text
from hoagiai.evaluate.scoring import check_answer, read_scores, scored_questions
from hoagiai.evaluate.stats import evaluate, most_missed, weakest_objectives
from hoagiai.quiz.loader import load_banks

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"


@pytest.fixture(scope="module")
def questions():
    return scored_questions(load_banks([FIXTURES / "m09.yml"], root=ROOT))


@pytest.fixture(scope="module")
def scored(questions):
    return read_scores((FIXTURES / "scores.csv").read_text(encoding="utf-8"), questions)


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
    assert "m09-q3: 'z' is not among the options a, b" in bad[2].message


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
    assert "<td class=num>11</td>" in html and "Kelley" in html
    assert pct(66.666) == "66,7%" and pct(75.0) == "75%"


def test_missing_columns_is_a_user_error(questions):
    from hoagiai.errors import UserError

    with pytest.raises(UserError, match="missing column"):
        read_scores("name,paper\nAn,pre\n", questions)


def test_cli_writes_report_and_exits_1_on_bad_rows(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoagiai.evaluate.cli import evaluate as command
    from hoagiai.quiz.loader import load_banks as real_loader

    bank = real_loader(root=ROOT)["m01"]
    first, second = [q for q, _ in bank.scored_questions()][:2]
    csv = tmp_path / "scores.csv"
    csv.write_text(f"participant,paper,variant,{first.id},{second.id}\n"
                   f"An,pre,A,{first.answer_code()},-\nAn,post,A,{first.answer_code()},{second.answer_code()}\n"
                   f"Bình,later,A,a,a\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(command, [str(csv), "--out", str(tmp_path / "out"), "--no-pdf"])
    assert result.exit_code == 1
    assert f"{csv}:4: unknown paper 'later'" in result.output
    assert (tmp_path / "out" / "bao-cao-danh-gia.html").is_file()
