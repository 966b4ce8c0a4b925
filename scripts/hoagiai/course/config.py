"""Course-day settings from `extra.course` in mkdocs.yml (all optional; defaults from CONVENTIONS)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hoagiai.errors import UserError
from hoagiai.siteconfig import load_mkdocs_yml

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
KEYS = ("sessions", "break_minutes", "pretest_minutes", "posttest_minutes")


@dataclass(frozen=True)
class Session:
    start: int  # minutes after midnight
    end: int


@dataclass(frozen=True)
class CourseConfig:
    sessions: tuple[Session, ...] = (Session(8 * 60, 11 * 60 + 30), Session(13 * 60 + 30, 17 * 60))
    break_minutes: int = 15  # one break in each session
    pretest_minutes: int = 15  # the pre-test opens the course, the post-test closes it (0: none)
    posttest_minutes: int = 15


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_clock(value, where: str) -> int:
    # PyYAML (YAML 1.1) reads an unquoted 13:30 as the base-60 number 810, which is minutes after midnight.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return value
    match = _CLOCK.match(str(value).strip())
    if not match:
        raise UserError(f"mkdocs.yml: {where}: {value!r} is not a time of day like \"08:00\"")
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_course_config(data) -> CourseConfig:
    """Validate `extra.course` (a mapping or None)."""
    if data is None:
        return CourseConfig()
    if not isinstance(data, dict):
        raise UserError("mkdocs.yml: extra.course: must be a mapping (sessions, break_minutes, …)")
    problems = [f"mkdocs.yml: extra.course.{key}: unknown key (allowed: {', '.join(KEYS)})"
                for key in data if key not in KEYS]
    if problems:
        raise UserError(problems)
    default = CourseConfig()
    values = {}
    for key in KEYS[1:]:
        value = data.get(key, getattr(default, key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise UserError(f"mkdocs.yml: extra.course.{key}: must be a whole number of minutes (0 or more)")
        values[key] = value
    sessions = default.sessions
    if "sessions" in data:
        raw = data["sessions"]
        if not isinstance(raw, list) or not raw:
            raise UserError("mkdocs.yml: extra.course.sessions: must be a list of {start: \"08:00\", end: \"11:30\"}")
        parsed = []
        for index, entry in enumerate(raw, 1):
            where = f"extra.course.sessions[{index}]"
            if not isinstance(entry, dict) or set(entry) != {"start", "end"}:
                raise UserError(f"mkdocs.yml: {where}: must be {{start: \"08:00\", end: \"11:30\"}}")
            start, end = _parse_clock(entry["start"], f"{where}.start"), _parse_clock(entry["end"], f"{where}.end")
            if end <= start:
                raise UserError(f"mkdocs.yml: {where}: ends ({clock(end)}) before it starts ({clock(start)})")
            if parsed and start < parsed[-1].end:
                raise UserError(f"mkdocs.yml: {where}: starts before the previous session ends")
            parsed.append(Session(start, end))
        sessions = tuple(parsed)
    for index, session in enumerate(sessions, 1):
        if session.end - session.start <= values["break_minutes"]:
            raise UserError(f"mkdocs.yml: extra.course.sessions[{index}]: shorter than its break")
    return CourseConfig(sessions=sessions, **values)


def load_course_config(root: Path) -> CourseConfig:
    extra = load_mkdocs_yml(root).get("extra") or {}
    return parse_course_config(extra.get("course") if isinstance(extra, dict) else None)
