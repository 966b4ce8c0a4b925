"""Exports: GIFT round trip through an independent parser (ua-exam, MIT), JSON and CSV."""

import csv
import json
import re

import pytest
import ua_exam.gift_parser as ua_exam  # the independent GIFT parser (test dependency ua-exam)

from hoagiai.quiz.export import export
from hoagiai.quiz.export.gift import bank_gift, escape, weights
from hoagiai.quiz.model import display_options

PARSED_KIND = {"single": "multiple_choice", "multiple": "multiple_choice", "ordering": "multiple_choice",
               "true_false": "true_false"}
PAIR = re.compile(r"^(.*) -> (\d+)$")


def round_trip(banks, tmp_path):
    paths = export(banks, "gift", tmp_path)
    return {p.stem: ua_exam.parse_gift_content(p.read_text(encoding="utf-8")) for p in paths}


def compare(bank, parsed):
    expected = [q for q, _ in bank.scored_questions()]
    assert [p["title"] for p in parsed] == [q.id for q in expected]  # count and order
    for question, got in zip(expected, parsed):
        assert got["category"] == f"$course$/hoagiai/{bank.id}"
        assert got["type"] == PARSED_KIND[question.kind], question.id
        if question.kind == "true_false":
            assert got["correct"] is next(o for o in question.options if o.id == "a").correct
        elif question.kind == "ordering":
            pairs = [PAIR.match(o["text"]).groups() for o in got["options"]]
            assert all(o["is_correct"] for o in got["options"])
            assert [int(position) for _, position in pairs] == list(range(1, len(question.items) + 1))
        else:
            from html import unescape
            shown = display_options(question)  # GIFT never lists the bank's order (right option first)
            texts = [unescape(o["text"]) for o in got["options"]]
            assert texts == [o.text["vi"] for o in shown]
            assert [o["is_correct"] for o in got["options"]] == [o.correct for o in shown]


def test_gift_round_trip_fixture(banks, tmp_path):
    parsed = round_trip(banks, tmp_path)
    compare(banks["m01"], parsed["m01"])


def test_gift_round_trip_real_banks(tmp_path):
    from quiz_support import ROOT

    from hoagiai.quiz.loader import bank_paths, load_banks

    assert bank_paths(ROOT), "the real banks are in quizzes/"
    real = load_banks(root=ROOT)
    parsed = round_trip(real, tmp_path)
    assert set(parsed) == set(real)
    for bank_id, bank in real.items():
        compare(bank, parsed[bank_id])


def test_scenario_sub_questions_carry_the_case(banks):
    gift = bank_gift(banks["m01"])
    assert "::m01-s01-q1::[html]<p><em>Ông A và bà B tranh chấp lối đi chung.</em></p><p>Ai có thể" in gift


def test_gift_escaping():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"


def test_gift_and_the_page_without_javascript_never_show_the_banks_order():
    """The banks list the right option first; where nothing shuffles (GIFT, the page without JavaScript) the
    order is fixed per question and the first option is right about as often as chance."""
    from quiz_support import ROOT

    from hoagiai.quiz.loader import load_banks

    questions = [q for b in load_banks(root=ROOT).values() for q, _ in b.scored_questions()
                 if q.kind in ("single", "multiple")]
    first_right = sum(display_options(q)[0].correct for q in questions) / len(questions)
    bank_first_right = sum(q.options[0].correct for q in questions) / len(questions)
    assert bank_first_right > 0.9 and first_right < 0.5, (bank_first_right, first_right)
    assert all(display_options(q) == display_options(q) for q in questions)  # the same on every build


@pytest.mark.parametrize("count", range(1, 10))
def test_multiple_answer_weights_sum_to_100(count):
    assert abs(sum(float(w) for w in weights(count)) - 100) < 1e-9


def test_multiple_answer_gift_uses_weights(banks):
    gift = bank_gift(banks["m01"])
    assert "~%50%Thực hiện hoạt động hòa giải" in gift and "~%-100%Ra quyết định xử phạt" in gift


def test_json_export(banks, tmp_path):
    [path] = export(banks, "json", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    question = data["banks"][0]["questions"][0]
    assert question["id"] == "m01-q01" and question["hash"] == banks["m01"].questions[0].content_hash()


def test_csv_export(banks, tmp_path):
    [path] = export(banks, "csv", tmp_path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["question"] for r in rows] == [q.id for q, _ in banks["m01"].scored_questions()]
    assert {r["question"]: r["answer"] for r in rows}["m01-q04"] == "a>b>c"
    assert rows[-1]["scenario"] == "m01-s01"
