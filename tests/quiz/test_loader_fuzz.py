"""Fuzz: no generated malformed bank crashes the loader; it only ever returns Problems."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoagiai.errors import Problem
from hoagiai.quiz.loader import BANK_KEYS, ITEM_KEYS, OPTION_KEYS, QUESTION_KEYS, SOURCE_KEYS, check_text
from hoagiai.quiz.model import KINDS, LOCALES

GOOD = (Path(__file__).parent / "fixtures" / "banks" / "m01.yml").read_text(encoding="utf-8")
KEYS = sorted({*BANK_KEYS, *OPTION_KEYS, *ITEM_KEYS, *SOURCE_KEYS, *LOCALES, "case", "questions", "x",
               *(k for spec in QUESTION_KEYS.values() for k in spec)})
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=False),
                    st.sampled_from([*KINDS, "m01", "luat-35-2013", "a", "b", "", "no", "Điều 24"]),
                    st.text(max_size=12))
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(KEYS), children, max_size=6)),
    max_leaves=40,
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_only_problems(text: str, register) -> None:
    bank, problems = check_text(text, "quizzes/m01.yml", register)
    assert all(isinstance(p, Problem) for p in problems)
    assert bank is None or not problems


@FUZZ
@given(tree=TREES)
def test_random_structures(tree, register):
    assert_only_problems(yaml.safe_dump(tree, allow_unicode=True), register)


@FUZZ
@given(questions=st.lists(st.dictionaries(st.sampled_from(KEYS), TREES, max_size=7), max_size=4))
def test_bank_shaped_structures(questions, register):
    bank = {"id": "m01", "title": {"vi": "Thử"}, "questions": questions}
    assert_only_problems(yaml.safe_dump(bank, allow_unicode=True), register)


@FUZZ
@given(data=st.data())
def test_mutated_real_bank(data, register):
    lines = GOOD.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "cut", "insert"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: data.draw(st.integers(0, max(0, len(lines[index]) - 1)))]
        else:
            lines.insert(index, data.draw(st.text(max_size=20)))
        if not lines:
            lines = [""]
    assert_only_problems("\n".join(lines), register)


@FUZZ
@given(text=st.text(max_size=200))
def test_arbitrary_text(text, register):
    assert_only_problems(text, register)
