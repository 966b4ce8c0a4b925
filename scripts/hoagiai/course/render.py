"""The schedule as HTML from a template: a table per day, each lecture's quiz objectives, the materials (used in
lich-hoc.html and in the trainer pack). Dates in Vietnamese by Babel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from hoagiai.course.config import CourseConfig, clock
from hoagiai.course.schedule import Schedule, SessionPlan
from hoagiai.curriculum import bank_id
from hoagiai.documents import date, render
from hoagiai.lessons.model import MAX_MINUTES_WITHOUT_BREAK, Lesson

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class QuizObjective:
    bank: str
    id: str
    text: str


@dataclass(frozen=True)
class Day:
    label: str
    sessions: list[SessionPlan]


def day_label(day: int, start: dt.date | None) -> str:
    if start is None:
        return f"Ngày {day}"
    return f"Ngày {day}: {date(start + dt.timedelta(days=day - 1), 'EEEE, dd/MM/yyyy')}"


def quiz_objectives(lessons: list[Lesson], texts: dict[tuple[str, str], str]) -> dict[str, list[QuizObjective]]:
    """lesson path -> the module bank's objectives it teaches, with their text (module overview)."""
    return {lesson.path: [QuizObjective(bank_id(lesson.module), oid, texts.get((bank_id(lesson.module), oid), ""))
                          for oid in lesson.quiz_objectives] for lesson in lessons}


def schedule_html(schedule: Schedule, lessons: list[Lesson], config: CourseConfig, start: dt.date | None, *,
                  objectives: dict[tuple[str, str], str] | None = None, standalone: bool = False,
                  title: str = "", book_css: str = "") -> str:
    days = [Day(day_label(day, start), [p for p in schedule.sessions if p.day == day])
            for day in range(1, schedule.days + 1)]
    return render(TEMPLATES, "schedule.html", schedule=schedule, config=config, days=days, lessons=lessons,
                  modules=", ".join(str(m) for m in dict.fromkeys(lesson.module for lesson in lessons)),
                  sessions=", ".join(f"{clock(s.start)}–{clock(s.end)}" for s in config.sessions),
                  max_run=MAX_MINUTES_WITHOUT_BREAK, clock=clock,
                  objectives=quiz_objectives(lessons, objectives or {}),
                  materials=list(dict.fromkeys(m for lesson in lessons for m in lesson.materials)),
                  standalone=standalone, title=title, book_css=Markup(book_css))
