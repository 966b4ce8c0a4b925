"""One test per bank rule (loader) and per model behaviour."""

import textwrap
import unicodedata

import pytest

from hoagiai.quiz.loader import check_text
from hoagiai.quiz.model import localized

GOOD_Q = """\
  - id: m90-q1
    kind: single
    prompt: {vi: "Câu hỏi?"}
    options:
      - {id: a, text: {vi: "Có"}, correct: true}
      - {id: b, text: {vi: "Không"}, correct: false}
    explanation: {vi: "Giải thích."}
"""


def bank(questions: str = GOOD_Q, head: str = 'id: m90\ntitle: {vi: "Thử"}\n') -> str:
    return head + "questions:\n" + textwrap.dedent(questions) if not questions.startswith("  ") \
        else head + "questions:\n" + questions


def problems(text: str, register=None) -> list[str]:
    return [str(p) for p in check_text(text, "quizzes/m90.yml", register)[1]]


def test_good_bank_loads(register):
    loaded, found = check_text(bank(), "quizzes/m90.yml", register)
    assert found == [] and loaded.id == "m90" and loaded.pass_mark == 70
    assert loaded.questions[0].correct_ids() == ("a",)


RULES = [
    ("yaml syntax", 'id: m90\ntitle: {vi: "x"\n', "quizzes/m90.yml:3:1: ", "YAML syntax: while parsing a flow mapping"),
    ("unknown key", bank(GOOD_Q.replace("    explanation", "    hint: {vi: x}\n    explanation")),
     "quizzes/m90.yml:10:5: questions[0]: ", "unknown key 'hint' (allowed: id, kind, prompt"),
    ("missing vi", bank(GOOD_Q.replace('prompt: {vi: "Câu hỏi?"}', 'prompt: {en: "Question?"}')),
     "quizzes/m90.yml:6:13: questions[0].prompt: ", "missing Vietnamese text (vi)"),
    ("no correct", bank(GOOD_Q.replace("correct: true", "correct: false")),
     "quizzes/m90.yml:8:7: questions[0].options: ", "no correct option"),
    ("two correct in single", bank(GOOD_Q.replace("correct: false", "correct: true")),
     "quizzes/m90.yml:8:7: questions[0].options: ", "more than one correct option in a single question (2)"),
    ("two correct in true_false",
     bank(GOOD_Q.replace("single", "true_false").replace("correct: false", "correct: true")),
     "quizzes/m90.yml:8:7: questions[0].options: ", "more than one correct option in a true_false question (2)"),
    ("duplicate question id", bank(GOOD_Q + GOOD_Q),
     "quizzes/m90.yml:11:9: questions[1].id: ", "duplicate id 'm90-q1' (first used at quizzes/m90.yml:4:9)"),
    ("duplicate option id", bank(GOOD_Q.replace("{id: b,", "{id: a,")),
     "quizzes/m90.yml:9:14: questions[0].options[1].id: ", "duplicate id 'a' (also questions[0].options[0])"),
    ("unknown kind", bank(GOOD_Q.replace("kind: single", "kind: essay")),
     "quizzes/m90.yml:5:11: questions[0].kind: ", "unknown kind 'essay'"),
    ("empty options", bank(GOOD_Q.split("    options:")[0] + "    options: []\n    explanation: {vi: x}\n"),
     "quizzes/m90.yml:7:14: questions[0].options: ", "options must not be empty"),
    ("unknown document", bank(GOOD_Q + "    sources: [{doc: luat-1-1999}]\n"),
     "quizzes/m90.yml:11:21: questions[0].sources[0].doc: ", "unknown document 'luat-1-1999'"),
    ("unknown article", bank(GOOD_Q + "    sources: [{doc: luat-35-2013, article: 40}]\n"),
     "quizzes/m90.yml:11:44: questions[0].sources[0].article: ", "no verified article 40"),
    ("locale lacks option text",
     bank(GOOD_Q.replace('prompt: {vi: "Câu hỏi?"}', 'prompt: {vi: "Câu hỏi?", km: "សំណួរ?"}')),
     "quizzes/m90.yml:8:23: questions[0].options[0].text: ", "lacks 'km' text (the prompt has it)"),
    ("bank id vs file", bank(head='id: m91\ntitle: {vi: "Thử"}\n'),
     "quizzes/m90.yml:1:5: id: ", "bank id 'm91' does not match the file name 'm90.yml'"),
    ("pass mark", bank(head='id: m90\ntitle: {vi: "Thử"}\npass_mark: 0\n'),
     "quizzes/m90.yml:3:12: pass_mark: ", "pass_mark must be a whole number from 1 to 100"),
    ("yaml 1.1 boolean", bank(GOOD_Q.replace("correct: false", "correct: no")),
     "quizzes/m90.yml:9:47: questions[0].options[1].correct: ", "correct must be true or false (got 'no')"),
]


@pytest.mark.parametrize("name,text,position,message", RULES, ids=[r[0] for r in RULES])
def test_rule(name, text, position, message, register):
    found = problems(text, register)
    assert any(p.startswith(position) and message in p for p in found), found


def test_all_problems_reported_at_once(register):
    text = bank(GOOD_Q.replace("kind: single", "kind: essay") + GOOD_Q.replace("correct: true", "correct: false"))
    assert len(problems(text, register)) >= 2


def test_scenario_needs_case_and_two_to_five_questions(register):
    text = bank("  - id: m90-s1\n    kind: scenario\n    questions:\n" + textwrap.indent(GOOD_Q, "    "))
    found = problems(text, register)
    assert any("missing required key 'case'" in p for p in found)
    assert any("a scenario needs 2 to 5 questions (found 1)" in p for p in found)


def test_text_is_nfc_normalised_and_hash_ignores_normal_form(register):
    nfd = unicodedata.normalize("NFD", bank())
    from_nfd, _ = check_text(nfd, "quizzes/m90.yml", register)
    from_nfc, _ = check_text(bank(), "quizzes/m90.yml", register)
    assert from_nfd.questions[0].prompt["vi"] == "Câu hỏi?"
    assert from_nfd.questions[0].content_hash() == from_nfc.questions[0].content_hash()


def test_edited_question_gets_a_new_hash(register):
    before, _ = check_text(bank(), "quizzes/m90.yml", register)
    after, _ = check_text(bank(GOOD_Q.replace("Câu hỏi?", "Câu hỏi mới?")), "quizzes/m90.yml", register)
    assert before.questions[0].content_hash() != after.questions[0].content_hash()
    moved, _ = check_text(bank(GOOD_Q.replace("Giải thích.", "Giải thích khác.")), "quizzes/m90.yml", register)
    assert moved.questions[0].content_hash() == before.questions[0].content_hash()  # explanation only


def test_answer_codes(banks):
    codes = {q.id: q.answer_code() for q, _ in banks["m01"].scored_questions()}
    assert codes == {"m01-q01": "a", "m01-q02": "a+c", "m01-q03": "a", "m01-q04": "a>b>c",
                     "m01-s01-q1": "a", "m01-s01-q2": "a"}


def test_localized_falls_back_to_vi():
    assert localized({"vi": "Xin chào", "en": "Hello"}, "km") == "Xin chào"
    assert localized({"vi": "Xin chào", "en": "Hello"}, "en") == "Hello"
    assert localized({}, "vi") == ""


def test_real_banks_check_clean(register):
    """The banks in quizzes/ (written by the content writers) pass every check."""
    from quiz_support import ROOT

    from hoagiai.quiz.loader import bank_paths, load_banks

    paths = bank_paths(ROOT)
    assert paths, "the real banks are in quizzes/"
    assert load_banks(paths, root=ROOT, register=register)
