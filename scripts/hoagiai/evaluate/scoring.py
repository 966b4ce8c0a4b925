"""Read a filled `scores-template.csv` and score it through the papers' layout (`papers.json`) and the banks.

A row is one participant's paper: `participant`, `paper` (`pre`/`post`), `variant` (A, B, …), then one cell per
question holding the letter(s) circled on that variant's paper: `a`; several chosen options joined by `+`
(`a+c`); an ordering with `>` (`b>a>c`). The layout maps printed letters back to bank options. For a question on
the participant's paper, an empty cell or `-` is a blank answer (wrong); a question not on it must stay empty.

Spreadsheets differ: a byte-order mark, `;` or tab separators (Vietnamese locales; detected from the header line)
and Windows line endings are all read. Every cell or row that cannot be scored is reported with its file and
line (the header is line 1) and the rest is scored; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from hoagiai.errors import UserError
from hoagiai.quiz.layout import Layout, PrintedQuestion
from hoagiai.quiz.model import Bank, Question, objective_of

PAPERS = ("pre", "post")
FIXED = ("participant", "paper", "variant")
BLANK = "-"
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class BadRow:
    row: int  # line in the CSV file; 1 is the header
    message: str
    excluded: bool  # True: the whole row was left out; False: only the named cell(s)
    file: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.message}" if self.file else f"{self.row}: {self.message}"


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
            found[question.id] = Scored(question, bank, objective_of(question, scenario))
    return found


def check_answer(question: Question, raw: str, printed: PrintedQuestion | None = None) -> tuple[bool | None, str]:
    """(correct, "") or (None, why the cell cannot be scored). `printed` maps the paper's letters to bank ids
    (without it the letters are the bank's own)."""
    text = re.sub(r"\s+", "", raw.lower())
    if text in ("", BLANK):
        return False, ""
    letters = list(printed.letters) if printed else \
        [i.id for i in question.items] if question.kind == "ordering" else [o.id for o in question.options]
    known = ", ".join(letters)

    def bank_ids(given: list[str]) -> list[str]:
        return printed.bank_ids(given) if printed else given

    if question.kind == "ordering":
        given = text.split(">")
        if not all(given) or any(g not in letters for g in given):
            return None, f"{raw!r} is not an order of the letters {known} (write e.g. b>a>c)"
        if len(set(given)) != len(given):
            return None, f"{raw!r} names a letter twice"
        return tuple(bank_ids(given)) == question.correct_ids(), ""
    if re.search(r"[^a-z0-9+]", text):
        return None, f"{raw!r}: join the chosen letters with + (e.g. a+c)"
    given = text.split("+")
    if not all(given) or any(g not in letters for g in given):
        return None, f"{raw!r} is not among the letters {known}"
    if question.kind in ("single", "true_false") and len(set(given)) > 1:
        return None, f"{raw!r}: {len(set(given))} answers to a one-answer question"
    return set(bank_ids(given)) == set(question.correct_ids()), ""


def sniff_delimiter(header: str) -> str:
    """The separator of the header line: `,` unless `;` or a tab separates more fields (spreadsheets in
    Vietnamese locales write `;`)."""
    counts = {d: header.count(d) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], d == ","))


def read_scores(text: str, questions: dict[str, Scored], layout: Layout,
                file: str = "scores.csv") -> tuple[list[Sheet], list[BadRow]]:
    """Sheets that can be scored, and every problem found (with the file and CSV line numbers)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # BOM, Windows and old Mac lines
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(f"{file}: empty file (expected the header participant,paper,variant,<question ids>)") from None
    except csv.Error as exc:
        raise UserError(f"{file}:1: cannot read the header: {exc}") from None
    header = [h.strip() for h in header]
    missing = [c for c in FIXED if c not in header]
    if missing:
        raise UserError(f"{file}:1: missing column(s) {', '.join(missing)} (use scores-template.csv from "
                        "`hoagiai quiz paper … --pre-post` or `hoagiai course`)")
    bad: list[BadRow] = []

    def problem(line: int, message: str, excluded: bool) -> None:
        bad.append(BadRow(line, message, excluded, file))

    on_layout = {q.id for paper in layout.papers for q in paper.questions}
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        if name in FIXED:
            continue
        if name in columns.values():
            problem(1, f"question column {name!r} appears twice (the second is ignored)", False)
        elif name not in questions:
            problem(1, f"unknown question id {name!r} (column ignored)", False)
        elif name not in on_layout:
            problem(1, f"question {name!r} is on none of the papers in {layout.file} (column ignored)", False)
        else:
            columns[index] = name
    asked = [name for name in header if name not in FIXED]
    if asked and not any(name in questions for name in asked):
        raise UserError(f"{file}:1: none of the sheet's question columns ({', '.join(asked[:3])}"
                        f"{', …' if len(asked) > 3 else ''}) is a question of the quiz banks")
    if not columns and asked:
        raise UserError(f"{file}:1: none of the sheet's question columns is on the papers in {layout.file}: "
                        "the sheet and the layout come from different papers (use the papers.json written with "
                        "the papers this sheet belongs to, or name it with --layout)")
    at = {name: header.index(name) for name in FIXED}
    sheets: list[Sheet] = []
    seen: dict[tuple[str, str], int] = {}
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem(reader.line_num, f"cannot read the row: {exc}; row left out", True)
            continue
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue  # blank line at the end of a sheet
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problem(line, f"{len(cells)} cells but the header has {len(header)}; row left out", True)
            continue
        cells = cells[:len(header)] + [""] * (len(header) - len(cells))
        participant = cells[at["participant"]].strip()
        paper = cells[at["paper"]].strip().lower()
        variant = cells[at["variant"]].strip().upper()
        if not participant:
            problem(line, "no participant; row left out", True)
            continue
        if paper not in PAPERS:
            problem(line, f"unknown paper {cells[at['paper']].strip()!r} (use pre or post); row left out", True)
            continue
        printed = layout.paper(paper, variant)
        if printed is None:
            known = layout.variants(paper)
            problem(line, f"variant {cells[at['variant']].strip()!r} is not a variant of the {paper} paper "
                          f"({layout.file} has {', '.join(known) or 'none'}); row left out", True)
            continue
        if (participant, paper) in seen:
            problem(line, f"{participant!r} already has a {paper} paper on line {seen[participant, paper]}; "
                          "row left out", True)
            continue
        if not any(cells[index].strip() for index in columns):
            problem(line, f"{participant!r} ({paper}): no answers to score; row left out", True)
            continue
        sheet = Sheet(line, participant, paper, variant)
        problems, read = [], 0
        for index, qid in columns.items():
            raw = cells[index].strip()
            on_paper = printed.question(qid)
            if on_paper is None:
                if raw:
                    problems.append(f"{qid} is not on paper {printed.code}")
                continue
            correct, why = check_answer(questions[qid].question, raw, on_paper)
            if correct is None:
                problems.append(f"{qid}: {why}")
            else:
                sheet.answers[qid] = correct
                read += bool(raw)
        if problems:
            problem(line, "; ".join(problems) + " (cell ignored)", False)
        if not read:
            problem(line, f"{participant!r} ({paper}): no answer could be read; row left out", True)
            continue
        seen[participant, paper] = line
        sheets.append(sheet)
    return sheets, bad


def read_sheet(path: Path, shown: str | None = None) -> str:
    """The sheet's text; a missing, unreadable or non-UTF-8 file is a UserError naming it."""
    shown = shown or str(path)
    try:
        return Path(path).read_text(encoding="utf-8", errors="strict")
    except FileNotFoundError:
        raise UserError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{shown}: is a folder, not a scores sheet") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{shown}: not UTF-8 text (save the sheet as \"CSV UTF-8\"): {exc.reason} at byte "
                        f"{exc.start}") from None
    except OSError as exc:
        raise UserError(f"{shown}: cannot read: {exc}") from None


def load_scores(path: Path, questions: dict[str, Scored], layout: Layout,
                shown: str | None = None) -> tuple[list[Sheet], list[BadRow]]:
    shown = shown or str(path)
    return read_scores(read_sheet(path, shown), questions, layout, shown)
