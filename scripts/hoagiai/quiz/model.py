"""The quiz bank model: what the loader builds and every output reads."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field

from hoagiai.curriculum import LOCALES  # noqa: F401 (bank texts come in the site's languages)

KINDS = ("single", "multiple", "true_false", "ordering", "scenario")
CHOICE_KINDS = ("single", "multiple", "true_false")
DEFAULT_PASS_MARK = 70

Text = dict[str, str]  # locale -> text; "vi" is always present


def localized(text: Text | None, locale: str) -> str:
    """The text in `locale`, falling back to Vietnamese."""
    if not text:
        return ""
    return text.get(locale) or text.get("vi", "")


@dataclass(frozen=True)
class Source:
    doc: str
    article: int | None = None


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    correct: bool = False
    feedback: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    id: str
    text: Text


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: Text = field(default_factory=dict)
    explanation: Text = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    items: tuple[Item, ...] = ()  # ordering: in the correct order
    sources: tuple[Source, ...] = ()
    objective: str | None = None
    case: Text = field(default_factory=dict)  # scenario only
    questions: tuple[Question, ...] = ()  # scenario only
    line: int = 0  # where the question starts in its bank, for messages

    @property
    def scored(self) -> tuple[Question, ...]:
        """The questions that earn a mark: a scenario's sub-questions, else the question itself."""
        return self.questions if self.kind == "scenario" else (self,)

    def correct_ids(self) -> tuple[str, ...]:
        """Option ids that are correct; for ordering, the item ids in the correct order."""
        if self.kind == "ordering":
            return tuple(item.id for item in self.items)
        return tuple(option.id for option in self.options if option.correct)

    def answer_code(self) -> str:
        """The answer as written in scores CSVs: `a`, `a+c`, or for ordering `b>a>c`."""
        return (">" if self.kind == "ordering" else "+").join(self.correct_ids())

    def content_hash(self, case: Text | None = None) -> str:
        """Short hash of everything a learner sees and is marked on: an edited question gets a new hash."""
        data = {
            "kind": self.kind, "prompt": self.prompt, "case": case or self.case,
            "options": [[o.id, o.text, o.correct] for o in self.options],
            "items": [[i.id, i.text] for i in self.items],
        }
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Bank:
    id: str
    title: Text
    questions: tuple[Question, ...]
    pass_mark: int = DEFAULT_PASS_MARK
    path: str = ""

    def scored_questions(self) -> list[tuple[Question, Question | None]]:
        """Every marked question with its scenario (or None), in bank order."""
        return [(q, top if top.kind == "scenario" else None) for top in self.questions for q in top.scored]


def objective_of(question: Question, scenario: Question | None) -> str | None:
    """The objective a marked question measures: its own, else its scenario's."""
    return question.objective or (scenario.objective if scenario is not None else None)


def shuffled(question: Question, seed: str) -> tuple[Option, ...] | tuple[Item, ...]:
    """The options (ordering: the items) in a fixed order drawn from `seed`: true/false keeps the bank's order
    ("Đúng", "Sai"); ordering items never come in the right order (the bank lists them in the right order)."""
    entries = list(question.items if question.kind == "ordering" else question.options)
    if question.kind != "true_false":
        random.Random(seed).shuffle(entries)
    if question.kind == "ordering" and len(entries) > 1 and tuple(e.id for e in entries) == question.correct_ids():
        entries = entries[1:] + entries[:1]
    return tuple(entries)


def display_options(question: Question) -> tuple[Option, ...]:
    """Options in the order shown where nothing else shuffles them (the page without JavaScript, GIFT): fixed per
    question and never the bank's, whose order means nothing (the banks often list the right option first).
    Printed papers shuffle per variant (hoagiai.quiz.paper)."""
    return shuffled(question, f"display:{question.id}")


def display_items(question: Question) -> tuple[Item, ...]:
    """Ordering items in a fixed order that is never the right one."""
    return shuffled(question, question.id)
