"""Schedule arithmetic: lesson agenda items packed into course sessions, in order, with one break each.

Agenda items are never cut; a lesson may continue in the next session at an item boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoagiai.course.config import CourseConfig, clock
from hoagiai.errors import UserError
from hoagiai.lessons.model import Lesson


@dataclass(frozen=True)
class Unit:
    kind: str  # "pretest", "activity" or "posttest"
    minutes: int
    activity: str
    method: str = ""
    lesson: Lesson | None = None
    index: int = 0  # position in the lesson's agenda (0 = first)


@dataclass(frozen=True)
class Slot:
    start: int
    end: int
    kind: str  # a Unit kind, or "break"
    unit: Unit | None = None
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
    teaching_minutes: int  # everything to place (tests included)
    capacity: int  # teaching minutes available in `days` days (breaks excluded)

    @property
    def fits(self) -> bool:
        return not self.leftover


def units_for(lessons: list[Lesson], config: CourseConfig) -> list[Unit]:
    units = []
    if config.pretest_minutes:
        units.append(Unit("pretest", config.pretest_minutes, "Kiểm tra đầu khóa", "Bài kiểm tra viết"))
    for lesson in lessons:
        units += [Unit("activity", item.minutes, item.activity, item.method, lesson, index)
                  for index, item in enumerate(lesson.agenda)]
    if config.posttest_minutes:
        units.append(Unit("posttest", config.posttest_minutes, "Kiểm tra cuối khóa", "Bài kiểm tra viết"))
    return units


def _break_after(taken: list[Unit], capacity: int) -> int | None:
    """How many units go before the break: the boundary nearest the middle of the session."""
    if len(taken) < 2:
        return None
    cumulative, best, best_gap = 0, 1, None
    for count, unit in enumerate(taken[:-1], 1):
        cumulative += unit.minutes
        gap = abs(cumulative - capacity / 2)
        if best_gap is None or gap < best_gap:
            best, best_gap = count, gap
    return best


def _pack(units: list[Unit], config: CourseConfig, days: int) -> tuple[list[SessionPlan], list[Unit]]:
    queue = list(units)
    plans: list[SessionPlan] = []
    started: set[int] = set()  # lessons (by id) already begun in an earlier session
    for day in range(1, days + 1):
        for number, session in enumerate(config.sessions, 1):
            capacity = session.end - session.start - config.break_minutes
            if queue and queue[0].minutes > capacity:
                unit = queue[0]
                where = f"{unit.lesson.path}: agenda[{unit.index + 1}]" if unit.lesson else unit.activity
                raise UserError(f"{where}: {unit.minutes} minutes is longer than a session "
                                f"({capacity} teaching minutes from {clock(session.start)} to {clock(session.end)} "
                                f"less a {config.break_minutes}-minute break)")
            taken: list[Unit] = []
            while queue and sum(u.minutes for u in taken) + queue[0].minutes <= capacity:
                taken.append(queue.pop(0))
            if not taken:
                continue
            pause = _break_after(taken, capacity)
            slots, now, seen = [], session.start, set()
            for count, unit in enumerate(taken):
                if count == pause and config.break_minutes:
                    slots.append(Slot(now, now + config.break_minutes, "break"))
                    now += config.break_minutes
                key = id(unit.lesson) if unit.lesson else None
                continued = key is not None and key in started and key not in seen
                if key is not None:
                    seen.add(key)
                slots.append(Slot(now, now + unit.minutes, unit.kind, unit, continued))
                now += unit.minutes
            started |= seen
            plans.append(SessionPlan(day, number, session.start, session.end, tuple(slots)))
    return plans, queue


def build_schedule(lessons: list[Lesson], config: CourseConfig, days: int) -> Schedule:
    if days < 1:
        raise UserError("--days must be 1 or more")
    units = units_for(lessons, config)
    plans, leftover = _pack(units, config, days)
    needed = days
    if leftover:
        all_plans, _ = _pack(units, config, days + len(units))  # one unit per day at worst
        needed = max(plan.day for plan in all_plans)
    per_day = sum(s.end - s.start - config.break_minutes for s in config.sessions)
    return Schedule(days, tuple(plans), tuple(leftover), needed, sum(u.minutes for u in units), per_day * days)


def require_fit(schedule: Schedule) -> None:
    """Raise a clear UserError when the lessons do not fit the days."""
    if schedule.fits:
        return
    first = schedule.leftover[0]
    name = f"{first.lesson.title}: {first.activity}" if first.lesson else first.activity
    minutes = sum(u.minutes for u in schedule.leftover)
    raise UserError(
        f"the lessons do not fit in {schedule.days} day(s): {len(schedule.leftover)} activity(ies) "
        f"({minutes} minutes) left over, from \"{name}\". The course needs {schedule.teaching_minutes} minutes "
        f"(tests included); {schedule.days} day(s) hold {schedule.capacity} (breaks excluded). "
        f"Use --days {schedule.needed_days}, or fewer modules.")
