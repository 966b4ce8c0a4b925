"""Schedule arithmetic: lesson agenda steps packed into course sessions, in order, with breaks.

- No stretch of teaching longer than MAX_MINUTES_WITHOUT_BREAK (90): a lecture's own breaks (`kind: break`)
  count; where a stretch would run longer, a break of `break_minutes` (extra.course) is added before the step
  that would overrun. Never two breaks in a row: a lecture's break at the start or end of a session (lunch is a
  break) or that is not needed (the stretch from the previous break to the next one stays within the limit) is
  left out.
- Steps are never cut, and a role play's steps stay together (`kind: acting` and `kind: debrief` follow the step
  before them into the same session, with no break between); a lesson may continue in the next session.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hoagiai.course.config import CourseConfig
from hoagiai.errors import UserError
from hoagiai.lessons.model import MAX_MINUTES_WITHOUT_BREAK, Lesson

GLUED = ("acting", "debrief")  # steps that never start a session or follow a break: they belong to the step before


@dataclass(frozen=True)
class Unit:
    kind: str  # "pretest", "activity", "break" (a lecture's own) or "posttest"
    minutes: int
    activity: str
    method: str = ""
    lesson: Lesson | None = None
    index: int = 0  # position in the lesson's agenda (0 = first)
    step: str | None = None  # the agenda step's kind (lecture, acting, …)


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    kind: str  # a Unit kind, or "break"
    unit: Unit | None = None  # None for a break the schedule adds
    continued: bool = False  # the lesson started in an earlier session


@dataclass(frozen=True)
class SessionPlan:
    day: int  # 1-based
    number: int  # 1-based within the day
    start: int
    end: int  # as configured; the last slot may end earlier
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Schedule:
    days: int
    sessions: tuple[SessionPlan, ...]
    leftover: tuple[Unit, ...]
    needed_days: int
    teaching_minutes: int  # everything to teach (tests included, breaks excluded)
    capacity: int  # teaching minutes that `days` days hold with the breaks they need

    @property
    def fits(self) -> bool:
        return not self.leftover


def units_for(lessons: list[Lesson], config: CourseConfig) -> list[Unit]:
    units = []
    if config.pretest_minutes:
        units.append(Unit("pretest", config.pretest_minutes, "Kiểm tra đầu khóa", "Bài kiểm tra viết"))
    for lesson in lessons:
        units += [Unit("break" if item.kind == "break" else "activity", item.minutes, item.activity, item.method,
                       lesson, index, item.kind) for index, item in enumerate(lesson.agenda)]
    if config.posttest_minutes:
        units.append(Unit("posttest", config.posttest_minutes, "Kiểm tra cuối khóa", "Bài kiểm tra viết"))
    return units


def _groups(units: list[Unit]) -> list[list[Unit]]:
    """Units in the order taught; a role play's acting and debrief steps join the group of the step before."""
    groups: list[list[Unit]] = []
    for unit in units:
        if unit.step in GLUED and groups and groups[-1][-1].kind != "break":
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _where(unit: Unit) -> str:
    return f"{unit.lesson.path}: agenda[{unit.index + 1}]" if unit.lesson else unit.activity


def session_capacity(length: int, break_minutes: int) -> int:
    """The most teaching minutes a session of `length` holds with a break at least every 90 minutes."""
    for teaching in range(length, 0, -1):
        if teaching + break_minutes * max(0, math.ceil(teaching / MAX_MINUTES_WITHOUT_BREAK) - 1) <= length:
            return teaching
    return 0


def _check(groups: list[list[Unit]], config: CourseConfig) -> None:
    longest = max((s.end - s.start for s in config.sessions), default=0)
    for group in groups:
        minutes = sum(u.minutes for u in group)
        if group[0].kind != "break" and minutes > MAX_MINUTES_WITHOUT_BREAK:
            raise UserError(f"{_where(group[0])}: {minutes} minutes of teaching without a break (at most "
                            f"{MAX_MINUTES_WITHOUT_BREAK}){' with the role-play steps that follow it' if len(group) > 1 else ''}")
        if minutes > longest:
            raise UserError(f"{_where(group[0])}: {minutes} minutes is longer than a session (the longest is "
                            f"{longest} minutes)")


def _teaching_until_break(groups: list[list[Unit]], start: int) -> int:
    """Teaching minutes from groups[start] to the next break group (or the end)."""
    total = 0
    for group in groups[start:]:
        if group[0].kind == "break":
            break
        total += sum(u.minutes for u in group)
    return total


def _pack(units: list[Unit], config: CourseConfig, days: int) -> tuple[list[SessionPlan], list[Unit]]:
    groups = _groups(units)
    _check(groups, config)
    plans: list[SessionPlan] = []
    started: set[int] = set()  # lessons (by id) already begun in an earlier session
    for day in range(1, days + 1):
        for number, session in enumerate(config.sessions, 1):
            slots: list[Slot] = []
            now, run, seen = session.start, 0, set()
            while groups:
                group = groups[0]
                if group[0].kind == "break":
                    # A lecture's own break: kept where it is needed, never next to another break.
                    needed = run > 0 and run + _teaching_until_break(groups, 1) > MAX_MINUTES_WITHOUT_BREAK
                    if needed and now + group[0].minutes <= session.end:
                        slots.append(Slot(now, now + group[0].minutes, "break", group[0]))
                        now, run = now + group[0].minutes, 0
                    groups.pop(0)
                    continue
                minutes = sum(u.minutes for u in group)
                pause = config.break_minutes if run and run + minutes > MAX_MINUTES_WITHOUT_BREAK else 0
                if now + pause + minutes > session.end:
                    break
                if pause:
                    slots.append(Slot(now, now + pause, "break"))
                    now, run = now + pause, 0
                for unit in group:
                    key = id(unit.lesson) if unit.lesson else None
                    continued = key is not None and key in started and key not in seen
                    if key is not None:
                        seen.add(key)
                    slots.append(Slot(now, now + unit.minutes, unit.kind, unit, continued))
                    now += unit.minutes
                run += minutes
                groups.pop(0)
            while slots and slots[-1].kind == "break":
                slots.pop()  # the session's end is a break already
            started |= seen
            if slots:
                plans.append(SessionPlan(day, number, session.start, session.end, tuple(slots)))
    return plans, [unit for group in groups for unit in group if unit.kind != "break"]


def build_schedule(lessons: list[Lesson], config: CourseConfig, days: int) -> Schedule:
    if days < 1:
        raise UserError("--days must be 1 or more")
    units = units_for(lessons, config)
    plans, leftover = _pack(units, config, days)
    needed = days
    if leftover:
        all_plans, _ = _pack(units, config, days + len(units))  # one unit per day at worst
        needed = max(plan.day for plan in all_plans)
    per_day = sum(session_capacity(s.end - s.start, config.break_minutes) for s in config.sessions)
    teaching = sum(u.minutes for u in units if u.kind != "break")
    return Schedule(days, tuple(plans), tuple(leftover), needed, teaching, per_day * days)


def require_fit(schedule: Schedule) -> None:
    """Raise a clear UserError when the lessons do not fit the days."""
    if schedule.fits:
        return
    first = schedule.leftover[0]
    name = f"{first.lesson.title}: {first.activity}" if first.lesson else first.activity
    minutes = sum(u.minutes for u in schedule.leftover)
    raise UserError(
        f"the lessons do not fit in {schedule.days} day(s): {len(schedule.leftover)} activity(ies) "
        f"({minutes} minutes) left over, from \"{name}\". The course needs {schedule.teaching_minutes} minutes of "
        f"teaching (tests included, breaks excluded); {schedule.days} day(s) hold at most {schedule.capacity} "
        f"with a break at least every {MAX_MINUTES_WITHOUT_BREAK} minutes. Use --days {schedule.needed_days}, "
        "or fewer modules.")
