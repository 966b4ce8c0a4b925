"""Exact messages over a folder of invalid banks: each `name.yml` sits beside `name.expected`.

Regenerate the expected files (then review the diff!) with UPDATE_GOLDEN=1.
"""

import os
from pathlib import Path

import pytest

from hoagiai.errors import UserError
from hoagiai.quiz.loader import load_banks

INVALID = Path(__file__).parent / "fixtures" / "invalid"
CASES = sorted(INVALID.glob("*.yml"))


def messages(path: Path, register) -> str:
    with pytest.raises(UserError) as caught:
        load_banks([path], root=INVALID, register=register)
    return "".join(f"{problem}\n" for problem in caught.value.problems)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_bank_messages(path, register):
    expected = path.with_suffix(".expected")
    actual = messages(path, register)
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")


def test_every_fixture_has_expected_messages():
    assert CASES and all(p.with_suffix(".expected").is_file() for p in CASES)


def test_all_banks_at_once_reports_every_file(register):
    with pytest.raises(UserError) as caught:
        load_banks(CASES, root=INVALID, register=register)
    files = {problem.file for problem in caught.value.problems}
    assert files == {p.name for p in CASES}
