"""The province summary across courses (`hoagiai evaluate a.csv b.csv …`): per course the figures the
Department reports each year, per module and objective across courses, the most missed questions, a chart,
and every sheet's unscorable rows. Written as `tong-hop.html`, `.pdf` and `.csv`.

The CSV is the per-course table: UTF-8 with a byte-order mark, `;` between columns and a decimal comma, as
spreadsheets set to Vietnamese read a CSV; it pastes straight into the yearly report.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
from markupsafe import Markup

from hoagiai.documents import number, render
from hoagiai.evaluate.report import TEMPLATES, prompt_of, svg
from hoagiai.evaluate.scoring import BadRow, Scored, Sheet
from hoagiai.evaluate.stats import Evaluation, mean

SUMMARY = "tong-hop"
CSV_COLUMNS = ("Khóa / xã", "Số học viên", "Làm cả hai bài", "Điểm TB đầu khóa (%)", "Điểm TB cuối khóa (%)",
               "Tiến bộ (điểm)", "Tỉ lệ đạt cuối khóa (%)")
MISSED = 10


@dataclass
class Course:
    """One sheet: a course or a commune."""
    name: str
    source: str  # the sheet, as shown in messages
    sheets: list[Sheet] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the sheet could not be read at all (file: message)
    evaluation: Evaluation | None = None  # None when nothing on the sheet could be scored
    report: str | None = None  # the course report's path relative to the summary


@dataclass(frozen=True)
class CourseRow:
    name: str
    participants: int
    paired: int
    mean_pre: float | None
    mean_post: float | None
    gain: float | None
    pass_rate: float | None  # % of post papers at or above the pass mark

    def csv_cells(self) -> list[str]:
        return [self.name, str(self.participants), str(self.paired),
                *("" if v is None else number(v, 1) for v in (self.mean_pre, self.mean_post, self.gain,
                                                                 self.pass_rate))]


@dataclass(frozen=True)
class Share:
    """Answers to a module's (or one objective's) questions, pooled over every course, per paper."""
    bank: str
    objective: str | None
    text: str
    pre: tuple[int, int]  # (correct, answered)
    post: tuple[int, int]

    @staticmethod
    def percent(pair: tuple[int, int]) -> float | None:
        return 100 * pair[0] / pair[1] if pair[1] else None

    @property
    def pre_percent(self) -> float | None:
        return self.percent(self.pre)

    @property
    def post_percent(self) -> float | None:
        return self.percent(self.post)


@dataclass(frozen=True)
class Missed:
    qid: str
    prompt: str
    correct: int
    answered: int

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.answered


@dataclass(frozen=True)
class Summary:
    rows: list[CourseRow]
    total: CourseRow
    modules: list[Share]
    objectives: list[Share]
    missed: list[Missed]
    missed_from: str  # "post" or "all"
    courses: list[Course]


def course_row(name: str, evaluation: Evaluation | None) -> CourseRow:
    if evaluation is None:
        return CourseRow(name, 0, 0, None, None, None, None)
    rate = 100 * evaluation.passed_post / evaluation.took_post if evaluation.took_post else None
    return CourseRow(name, len(evaluation.participants), evaluation.paired, evaluation.mean_pre,
                     evaluation.mean_post, evaluation.mean_gain, rate)


def total_row(courses: list[Course]) -> CourseRow:
    """Every participant of every course counted once (not a mean of course means)."""
    people = [p for c in courses if c.evaluation for p in c.evaluation.participants]
    marks = {c.evaluation.pass_mark for c in courses if c.evaluation}
    posts = [(p.post, c.evaluation.pass_mark) for c in courses if c.evaluation for p in c.evaluation.participants
             if p.post is not None]
    gains = [p.gain for p in people if p.gain is not None]
    rate = 100 * sum(post >= mark for post, mark in posts) / len(posts) if posts and marks else None
    return CourseRow("Tổng cộng", len(people), len(gains), mean([p.pre for p in people if p.pre is not None]),
                     mean([post for post, _ in posts]), mean(gains), rate)


def _shares(courses: list[Course], questions: dict[str, Scored], objectives: dict) -> tuple[list[Share], list[Share]]:
    tally: dict[tuple[str, str | None], dict[str, list[int]]] = {}
    for course in courses:
        for sheet in course.sheets:
            for qid, correct in sheet.answers.items():
                scored = questions[qid]
                keys = [(scored.bank.id, None)] + ([(scored.bank.id, scored.objective)] if scored.objective else [])
                for key in keys:
                    pair = tally.setdefault(key, {"pre": [0, 0], "post": [0, 0]})[sheet.paper]
                    pair[0] += correct
                    pair[1] += 1

    def share(key) -> Share:
        bank, objective = key
        text = objectives.get((bank, objective), "") if objective else ""
        return Share(bank, objective, text, tuple(tally[key]["pre"]), tuple(tally[key]["post"]))

    keys = sorted(tally, key=lambda k: (k[0], k[1] or ""))
    return [share(k) for k in keys if k[1] is None], [share(k) for k in keys if k[1] is not None]


def _missed(courses: list[Course], questions: dict[str, Scored]) -> tuple[list[Missed], str]:
    posts = any(s.paper == "post" for c in courses for s in c.sheets)
    tally: dict[str, list[int]] = {}
    for course in courses:
        for sheet in course.sheets:
            if posts and sheet.paper != "post":
                continue
            for qid, correct in sheet.answers.items():
                pair = tally.setdefault(qid, [0, 0])
                pair[0] += correct
                pair[1] += 1
    wrong = [Missed(qid, prompt_of(questions[qid]), c, n) for qid, (c, n) in tally.items() if c < n]
    return sorted(wrong, key=lambda m: (m.percent, -m.answered, m.qid))[:MISSED], "post" if posts else "all"


def summarize(courses: list[Course], questions: dict[str, Scored], objectives: dict) -> Summary:
    modules, per_objective = _shares(courses, questions, objectives)
    missed, missed_from = _missed(courses, questions)
    return Summary([course_row(c.name, c.evaluation) for c in courses], total_row(courses), modules, per_objective,
                   missed, missed_from, courses)


def courses_chart(summary: Summary) -> str | None:
    rows = [r for r in summary.rows if r.participants]
    if not rows:
        return None
    figure, axis = plt.subplots(figsize=(7, max(2.0, 0.45 * len(rows) + 1.2)))
    places = range(len(rows))
    axis.barh([i - 0.2 for i in places], [r.mean_pre or 0 for r in rows], height=0.4, label="Đầu khóa",
              color="#90a4ae")
    axis.barh([i + 0.2 for i in places], [r.mean_post or 0 for r in rows], height=0.4, label="Cuối khóa",
              color="#2e7d32")
    axis.set_yticks(list(places), [r.name for r in rows])
    axis.invert_yaxis()
    axis.set_xlim(0, 100)
    axis.set_xlabel("Điểm trung bình (%)")
    axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8)
    axis.set_title("Điểm trung bình đầu và cuối khóa, từng khóa")
    return svg(figure)


def render_summary(summary: Summary, *, title: str = "Tổng hợp kết quả các khóa tập huấn") -> str:
    chart = courses_chart(summary)
    return render(TEMPLATES, "summary.html", title=title, summary=summary, chart=Markup(chart) if chart else None)


def write_csv(summary: Summary, path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for row in [*summary.rows, summary.total]:
            writer.writerow(row.csv_cells())
    return path
