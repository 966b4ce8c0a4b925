"""Course-day settings from `extra.course` in mkdocs.yml (all optional; defaults from CONVENTIONS)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hoagiai import yamlio
from hoagiai.errors import Problem, UserError
from hoagiai.siteconfig import CONFIG_FILE, load_mkdocs_yml

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
KEYS = ("sessions", "break_minutes", "pretest_minutes", "posttest_minutes")


@dataclass(frozen=True)
class Session:
    start: int  # minutes after midnight
    end: int


@dataclass(frozen=True)
class CourseConfig:
    sessions: tuple[Session, ...] = (Session(8 * 60, 11 * 60 + 30), Session(13 * 60 + 30, 17 * 60))
    break_minutes: int = 15  # a break the schedule adds where 90 minutes of teaching would pass without one
    pretest_minutes: int = 15  # the pre-test opens the course, the post-test closes it (0: none)
    posttest_minutes: int = 15


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class _ConfigChecker:
    """Checks `extra.course`, collecting every problem with its line in mkdocs.yml."""

    def __init__(self, node):
        self.node = node
        self.problems: list[Problem] = []

    def bad(self, mapping, key, where: str, message: str) -> None:
        line, col = yamlio.value_pos(mapping, key, yamlio.pos_of(mapping, (0, 0))) if key is not None \
            else yamlio.pos_of(mapping, (0, 0))
        self.problems.append(Problem(CONFIG_FILE, line, col, where, message))

    def clock(self, entry, key: str, where: str) -> int | None:
        match = _CLOCK.match(str(entry.get(key, "")).strip())
        if not match:
            self.bad(entry, key, where, f"{entry.get(key)!r} is not a time of day like \"08:00\"")
            return None
        return int(match.group(1)) * 60 + int(match.group(2))

    def run(self) -> CourseConfig:
        data, default = self.node, CourseConfig()
        if data is None:
            return default
        if not isinstance(data, dict):
            self.problems.append(Problem(CONFIG_FILE, 0, 0, "extra.course", "must be a mapping (sessions, break_minutes, …)"))
            return default
        for key in data:
            if key not in KEYS:
                line, col = yamlio.key_pos(data, key, (0, 0))
                self.problems.append(Problem(CONFIG_FILE, line, col, f"extra.course.{key}",
                                             f"unknown key (allowed: {', '.join(KEYS)})"))
        values = {}
        for key in KEYS[1:]:
            value = data.get(key, getattr(default, key))
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                self.bad(data, key, f"extra.course.{key}", "must be a whole number of minutes (0 or more)")
                value = getattr(default, key)
            values[key] = value
        sessions = default.sessions
        if "sessions" in data:
            sessions = self.sessions(data["sessions"], data)
        for index, session in enumerate(sessions, 1):
            if session.end - session.start <= values["break_minutes"]:
                self.bad(data, "sessions", f"extra.course.sessions[{index}]", "shorter than its break")
        return CourseConfig(sessions=sessions, **values)

    def sessions(self, raw, data) -> tuple[Session, ...]:
        if not isinstance(raw, list) or not raw:
            self.bad(data, "sessions", "extra.course.sessions", 'must be a list of {start: "08:00", end: "11:30"}')
            return CourseConfig().sessions
        parsed: list[Session] = []
        for index, entry in enumerate(raw, 1):
            where = f"extra.course.sessions[{index}]"
            if not isinstance(entry, dict) or set(entry) != {"start", "end"}:
                line, col = yamlio.item_pos(raw, index - 1, (0, 0))
                self.problems.append(Problem(CONFIG_FILE, line, col, where, 'must be {start: "08:00", end: "11:30"}'))
                continue
            start, end = self.clock(entry, "start", f"{where}.start"), self.clock(entry, "end", f"{where}.end")
            if start is None or end is None:
                continue
            if end <= start:
                self.bad(entry, None, where, f"ends ({clock(end)}) before it starts ({clock(start)})")
            elif parsed and start < parsed[-1].end:
                self.bad(entry, None, where, "starts before the previous session ends")
            else:
                parsed.append(Session(start, end))
        return tuple(parsed) or CourseConfig().sessions


def parse_course_config(data) -> CourseConfig:
    """Validate `extra.course` (a mapping or None); UserError lists every problem."""
    checker = _ConfigChecker(data)
    config = checker.run()
    if checker.problems:
        raise UserError(sorted(checker.problems))
    return config


def load_course_config(root: Path) -> CourseConfig:
    extra = load_mkdocs_yml(root).get("extra") or {}
    return parse_course_config(extra.get("course") if isinstance(extra, dict) else None)
