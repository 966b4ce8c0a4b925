"""Read a filled `scores-template.csv` and score it against the banks.

Cells: the option id(s) chosen (`a`, `a+c`; ordering `b>a>c`); `-` = on the paper but left blank (wrong);
empty = the question was not on this participant's paper. Every cell or row that cannot be scored is
reported with its CSV line number (the header is line 1); nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from hoagiai.errors import UserError
from hoagiai.quiz.model import Bank, Question

PAPERS = ("pre", "post")
FIXED = ("participant", "paper", "variant")
BLANK = "-"


@dataclass(frozen=True)
class BadRow:
    row: int  # line in the CSV file; 1 is the header
    message: str
    excluded: bool  # True: the whole row was left out; False: only the named cell(s)


@dataclass(frozen=True)
class Scored:
    """A question that earns a mark, with what the report needs to name it."""
    question: Question
    bank: Bank
    objective: str | None  # a scenario's sub-question inherits the scenario's objective


@dataclass
class Sheet:
    """One participant's paper (one CSV row)."""
    row: int
    participant: str
    paper: str
    variant: str
    answers: dict[str, bool] = field(default_factory=dict)  # question id -> correct

    @property
    def percent(self) -> float:
        return 100 * sum(self.answers.values()) / len(self.answers) if self.answers else 0.0


def scored_questions(banks: dict[str, Bank]) -> dict[str, Scored]:
    found = {}
    for bank in banks.values():
        for question, scenario in bank.scored_questions():
            objective = question.objective or (scenario.objective if scenario else None)
            found[question.id] = Scored(question, bank, objective)
    return found


def check_answer(question: Question, raw: str) -> tuple[bool | None, str]:
    """(correct, "") or (None, why the answer is impossible)."""
    text = re.sub(r"\s+", "", raw.lower())
    if text == BLANK:
        return False, ""
    if question.kind == "ordering":
        given = [part for part in text.split(">")]
        known = {item.id for item in question.items}
        unknown = [g for g in given if g not in known]
        if unknown or not all(given):
            return None, f"{raw!r} is not an order of items {', '.join(sorted(known))} (write e.g. b>a>c)"
        if len(set(given)) != len(given):
            return None, f"{raw!r} names an item twice"
        return tuple(given) == question.correct_ids(), ""
    given = [part for part in re.split(r"[+,;]", text)]
    known = {option.id for option in question.options}
    unknown = [g for g in given if g not in known]
    if unknown or not all(given):
        return None, f"{raw!r} is not among the options {', '.join(sorted(known))}"
    if question.kind in ("single", "true_false") and len(set(given)) > 1:
        return None, f"{raw!r}: {len(set(given))} answers to a one-answer question"
    return set(given) == set(question.correct_ids()), ""


def read_scores(text: str, questions: dict[str, Scored], file: str = "scores.csv") -> tuple[list[Sheet], list[BadRow]]:
    """Sheets that can be scored, and every problem found (with CSV line numbers)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))  # spreadsheets often add a BOM
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(f"{file}: empty file (expected the header participant,paper,variant,<question ids>)") from None
    header = [h.strip() for h in header]
    missing = [c for c in FIXED if c not in header]
    if missing:
        raise UserError(f"{file}:1: missing column(s) {', '.join(missing)} (use scores-template.csv from "
                        "`hoagiai quiz paper … --pre-post` or `hoagiai course`)")
    bad: list[BadRow] = []
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        if name in FIXED:
            continue
        if name in columns.values():
            bad.append(BadRow(1, f"question column {name!r} appears twice (the second is ignored)", False))
        elif name not in questions:
            bad.append(BadRow(1, f"unknown question id {name!r} (column ignored)", False))
        else:
            columns[index] = name
    at = {name: header.index(name) for name in FIXED}
    sheets: list[Sheet] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in enumerate(reader, 2):
        if not any(c.strip() for c in cells):
            continue  # blank line at the end of a sheet
        if len(cells) > len(header):
            bad.append(BadRow(line, f"{len(cells)} cells but the header has {len(header)}; row left out", True))
            continue
        cells += [""] * (len(header) - len(cells))
        participant, paper = cells[at["participant"]].strip(), cells[at["paper"]].strip().lower()
        if not participant:
            bad.append(BadRow(line, "no participant; row left out", True))
            continue
        if paper not in PAPERS:
            bad.append(BadRow(line, f"unknown paper {cells[at['paper']].strip()!r} (use pre or post); row left out", True))
            continue
        if (participant, paper) in seen:
            bad.append(BadRow(line, f"{participant!r} already has a {paper} paper on line "
                                    f"{seen[participant, paper]}; row left out", True))
            continue
        sheet = Sheet(line, participant, paper, cells[at["variant"]].strip())
        problems = []
        for index, qid in columns.items():
            raw = cells[index].strip()
            if not raw:
                continue
            correct, why = check_answer(questions[qid].question, raw)
            if correct is None:
                problems.append(f"{qid}: {why}")
            else:
                sheet.answers[qid] = correct
        if problems:
            bad.append(BadRow(line, "; ".join(problems) + " (cell ignored)", False))
        if not sheet.answers:
            bad.append(BadRow(line, f"{participant!r} ({paper}): no answers to score; row left out", True))
            continue
        seen[participant, paper] = line
        sheets.append(sheet)
    return sheets, bad


def load_scores(path: Path, questions: dict[str, Scored]) -> tuple[list[Sheet], list[BadRow]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read as UTF-8 CSV: {exc}") from None
    return read_scores(text, questions, str(path))
