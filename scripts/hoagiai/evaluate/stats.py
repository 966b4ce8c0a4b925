"""Numbers for the report: participant results, item difficulty and discrimination, weak objectives."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from hoagiai.evaluate.scoring import Scored, Sheet
from hoagiai.quiz.model import DEFAULT_PASS_MARK

GROUP_SHARE = 0.27  # Kelley's upper and lower 27% groups


@dataclass(frozen=True)
class Participant:
    name: str
    pre: float | None
    post: float | None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass(frozen=True)
class ItemStats:
    qid: str
    answered: int
    correct: int
    difficulty: float  # proportion correct (p)
    discrimination: float | None  # D = p(upper 27%) - p(lower 27%); None with fewer than 2 sheets
    group_size: int


@dataclass(frozen=True)
class ObjectiveStats:
    bank: str
    objective: str
    answered: int
    correct: int

    @property
    def proportion(self) -> float:
        return self.correct / self.answered


@dataclass(frozen=True)
class Evaluation:
    participants: list[Participant]
    items: list[ItemStats]
    objectives: list[ObjectiveStats]
    pass_mark: int
    mean_pre: float | None
    mean_post: float | None
    mean_gain: float | None  # over participants with both papers
    paired: int
    passed_post: int
    took_post: int


def mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def participants(sheets: list[Sheet]) -> list[Participant]:
    names = list(dict.fromkeys(s.participant for s in sheets))
    by = {(s.participant, s.paper): s.percent for s in sheets}
    return [Participant(n, by.get((n, "pre")), by.get((n, "post"))) for n in names]


def item_stats(sheets: list[Sheet], qid: str) -> ItemStats:
    """Difficulty over every sheet that has the question; discrimination from the upper and lower 27%
    of those sheets ranked by their total score (ties keep CSV order)."""
    having = [s for s in sheets if qid in s.answers]
    correct = sum(s.answers[qid] for s in having)
    n = len(having)
    if n < 2:
        return ItemStats(qid, n, correct, correct / n if n else 0.0, None, 0)
    ranked = sorted(having, key=lambda s: -s.percent)  # stable: equal scores stay in CSV order
    size = max(1, round(GROUP_SHARE * n))
    upper = sum(s.answers[qid] for s in ranked[:size]) / size
    lower = sum(s.answers[qid] for s in ranked[-size:]) / size
    return ItemStats(qid, n, correct, correct / n, upper - lower, size)


def evaluate(sheets: list[Sheet], questions: dict[str, Scored]) -> Evaluation:
    asked = [qid for qid in questions if any(qid in s.answers for s in sheets)]
    items = [item_stats(sheets, qid) for qid in asked]
    totals: dict[tuple[str, str], list[int]] = {}
    for item in items:
        scored = questions[item.qid]
        if scored.objective:
            pair = totals.setdefault((scored.bank.id, scored.objective), [0, 0])
            pair[0] += item.answered
            pair[1] += item.correct
    objectives = [ObjectiveStats(b, o, n, c) for (b, o), (n, c) in totals.items()]
    marks = {questions[qid].bank.pass_mark for qid in asked}
    pass_mark = marks.pop() if len(marks) == 1 else DEFAULT_PASS_MARK
    people = participants(sheets)
    gains = [p.gain for p in people if p.gain is not None]
    posts = [p.post for p in people if p.post is not None]
    return Evaluation(
        participants=people, items=items, objectives=objectives, pass_mark=pass_mark,
        mean_pre=mean([p.pre for p in people if p.pre is not None]), mean_post=mean(posts),
        mean_gain=mean(gains), paired=len(gains), passed_post=sum(p >= pass_mark for p in posts),
        took_post=len(posts))


def most_missed(evaluation: Evaluation, count: int = 5) -> list[ItemStats]:
    wrong = [i for i in evaluation.items if i.correct < i.answered]
    return sorted(wrong, key=lambda i: (i.difficulty, i.qid))[:count]


def weakest_objectives(evaluation: Evaluation, count: int = 5) -> list[ObjectiveStats]:
    return sorted(evaluation.objectives, key=lambda o: (o.proportion, o.bank, o.objective))[:count]
