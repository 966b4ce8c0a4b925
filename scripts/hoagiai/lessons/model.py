"""The lesson model: front matter of `docs/bai-giang-mau/mo-dun-NN[-slug].md`, checked like config.

Every problem is reported at once as `file:line:col: key: message`, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hoagiai import curriculum, yamlio
from hoagiai.errors import Problem, UserError
from hoagiai.source import Page, parse_markdown

LESSONS_DIR = Path("docs") / curriculum.LECTURES_DIR
REQUIRED = ("title", "audience", "module", "duration", "objectives", "materials", "preparation", "agenda")
AGENDA_KEYS = ("minutes", "activity", "method", "kind")
# What a step is, where the checks need to know: a break; a role play's acting and its debrief.
STEP_KINDS = ("break", "acting", "debrief", "lecture", "discussion", "exercise", "game", "test")
AUDIENCES = ("hoa-giai-vien", "tap-huan-vien", "can-bo-quan-ly")


@dataclass(frozen=True)
class AgendaItem:
    minutes: int
    activity: str
    method: str
    kind: str | None = None


@dataclass(frozen=True)
class Lesson:
    path: str  # as shown in messages, e.g. docs/bai-giang-mau/mo-dun-03.md
    title: str
    module: int
    duration: int
    audience: tuple[str, ...]
    objectives: tuple[str, ...]
    materials: tuple[str, ...]
    preparation: str
    agenda: tuple[AgendaItem, ...]
    quiz_objectives: tuple[str, ...] = ()  # ids of the module bank's objectives this lecture teaches

    @property
    def page(self) -> str:
        """The page's path under docs/, as in nav: `bai-giang-mau/mo-dun-03.md`."""
        return self.path.split("docs/", 1)[-1]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(_text(v) for v in value)


class _LessonChecker:
    """Checks one front matter mapping; positions come from ruamel's nodes when it is the positioned reading."""

    def __init__(self, file: str, meta: Any, offset: int):
        self.file, self.meta, self.offset = file, meta, offset
        self.problems: list[Problem] = []
        self.top = (offset + 1, 1)

    def bad(self, pos: yamlio.Pos, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, pos[0], pos[1], where, message))

    def key(self, key: str) -> yamlio.Pos:
        pos = yamlio.key_pos(self.meta, key, (0, 0))
        return yamlio.shift(pos, self.offset) if pos != (0, 0) else self.top

    def value(self, mapping: Any, key: str, fallback: yamlio.Pos) -> yamlio.Pos:
        pos = yamlio.value_pos(mapping, key, (0, 0))
        return yamlio.shift(pos, self.offset) if pos != (0, 0) else fallback

    def item(self, seq: Any, index: int, fallback: yamlio.Pos) -> yamlio.Pos:
        pos = yamlio.item_pos(seq, index, (0, 0))
        return yamlio.shift(pos, self.offset) if pos != (0, 0) else fallback

    def run(self) -> Lesson | None:
        meta = self.meta
        if not isinstance(meta, dict):
            self.bad(self.top, "", "front matter must be a mapping of keys (title: …, module: …)")
            return None
        for key in REQUIRED:
            if key not in meta or meta[key] in (None, "", []):
                self.bad(self.top, key, "missing (a lesson needs " + ", ".join(REQUIRED) + ")")
        at = lambda key: self.value(meta, key, self.key(key))
        if "title" in meta and meta["title"] and not _text(meta["title"]):
            self.bad(at("title"), "title", "must be text")
        audience = meta.get("audience")
        if audience and not (_text(audience) or _text_list(audience)):
            self.bad(at("audience"), "audience", "must be a list of audience ids, e.g. [tap-huan-vien]")
        elif audience:
            unknown = [a for a in ([audience] if isinstance(audience, str) else audience) if a not in AUDIENCES]
            if unknown:
                self.bad(at("audience"), "audience",
                         f"unknown {', '.join(map(repr, unknown))} (allowed: {', '.join(AUDIENCES)})")
        module = meta.get("module")
        named = curriculum.lecture_module(Path("docs") / curriculum.LECTURES_DIR / Path(self.file).name)
        if module is not None and (not _is_int(module) or not 1 <= module <= 99):
            self.bad(at("module"), "module", f"must be a module number from 1 to 99, not {module!r}")
        elif _is_int(module) and named is not None and named != module:
            self.bad(at("module"), "module", f"is {module} but the file name says module {named}")
        duration = meta.get("duration")
        if duration is not None and (not _is_int(duration) or duration <= 0):
            self.bad(at("duration"), "duration", f"must be a whole number of minutes above 0, not {duration!r}")
        for key, ok, hint in (("objectives", _text_list, "must be a list of texts (one objective per item)"),
                              ("materials", lambda v: _text(v) or _text_list(v), "must be a list of texts or one text"),
                              ("preparation", lambda v: _text(v) or _text_list(v), "must be a text or a list of texts")):
            if meta.get(key) and not ok(meta[key]):
                self.bad(at(key), key, hint)
        quiz_objectives = meta.get("quiz_objectives")
        if quiz_objectives is not None and not (isinstance(quiz_objectives, list)
                                                and all(_text(v) for v in quiz_objectives)):
            self.bad(at("quiz_objectives"), "quiz_objectives", "must be a list of objective ids, e.g. [mt1, mt3]")
            quiz_objectives = None
        items = self.agenda(meta.get("agenda"), duration, at)
        if self.problems:
            return None

        def as_tuple(value) -> tuple[str, ...]:
            return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)

        return Lesson(path=self.file, title=str(meta["title"]), module=module, duration=duration,
                      audience=as_tuple(audience), objectives=as_tuple(meta["objectives"]),
                      materials=as_tuple(meta["materials"]), preparation="\n".join(as_tuple(meta["preparation"])),
                      agenda=tuple(items), quiz_objectives=tuple(quiz_objectives or ()))

    def agenda(self, agenda: Any, duration: Any, at) -> list[AgendaItem]:
        items: list[AgendaItem] = []
        if not agenda:
            return items
        if not isinstance(agenda, list):
            self.bad(at("agenda"), "agenda", "must be a list of {minutes, activity, method}")
            return items
        here = at("agenda")
        for index, entry in enumerate(agenda, 1):
            where, pos = f"agenda[{index}]", self.item(agenda, index - 1, here)
            if not isinstance(entry, dict):
                self.bad(pos, where, "must be a mapping {minutes: …, activity: …, method: …}")
                continue
            for key in entry:
                if key not in AGENDA_KEYS:
                    self.bad(pos, f"{where}.{key}", f"unknown key (allowed: {', '.join(AGENDA_KEYS)})")
            minutes = entry.get("minutes")
            if not _is_int(minutes) or minutes <= 0:
                self.bad(self.value(entry, "minutes", pos), f"{where}.minutes", "missing" if minutes is None else
                         f"must be a whole number of minutes above 0, not {minutes!r}")
            for key in ("activity", "method"):
                if not _text(entry.get(key)):
                    self.bad(self.value(entry, key, pos), f"{where}.{key}",
                             "missing" if entry.get(key) is None else "must be text")
            kind = entry.get("kind")
            if kind is not None and kind not in STEP_KINDS:
                self.bad(self.value(entry, "kind", pos), f"{where}.kind",
                         f"unknown kind {kind!r} (allowed: {', '.join(STEP_KINDS)})")
            if _is_int(minutes) and minutes > 0:
                items.append(AgendaItem(minutes, str(entry.get("activity", "")), str(entry.get("method", "")),
                                        kind if kind in STEP_KINDS else None))
        if len(items) != len(agenda):
            return items
        if _is_int(duration) and sum(item.minutes for item in items) != duration:
            self.bad(here, "agenda", f"minutes sum to {sum(item.minutes for item in items)}, duration is {duration}")
        return items


def check_lesson_page(page: Page) -> tuple[Lesson | None, list[Problem]]:
    """Check one lesson's front matter; return the lesson (None if it has problems) and every problem."""
    if not page.has_front_matter:
        return None, [Problem(page.file, 1, 0, "", "no YAML front matter (--- … --- at the top of the file)")]
    syntax = [p for p in page.meta_problems if "not valid YAML" in p.message]
    if syntax:
        return None, syntax

    def check(meta):
        checker = _LessonChecker(page.file, meta, offset=1)
        return checker.run(), checker.problems

    lesson, problems = yamlio.checked(page.meta_text, page.file, check, line_offset=1)
    return lesson, sorted(set(problems) | set(page.meta_problems))


def check_lesson_text(text: str, file: str) -> tuple[Lesson | None, list[Problem]]:
    return check_lesson_page(parse_markdown(text, file))


def lesson_paths(root: Path) -> list[Path]:
    return sorted(p for p in (Path(root) / LESSONS_DIR).glob("mo-dun-*.md") if curriculum.lecture_module(p))


def load_lessons(root: Path, paths: list[Path] | None = None) -> list[Lesson]:
    """Every lesson (default: all in docs/bai-giang-mau/), raising UserError with all problems found."""
    root = Path(root)
    lessons: list[Lesson] = []
    problems: list[Problem] = []
    for path in paths if paths is not None else lesson_paths(root):
        path = Path(path)
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = path.as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, 0, 0, "", f"cannot read the lesson: {exc}"))
            continue
        lesson, found = check_lesson_text(text, shown)
        problems += found
        if lesson:
            lessons.append(lesson)
    if problems:
        raise UserError(problems)
    return lessons


def lessons_for_modules(root: Path, modules: list[int]) -> list[Lesson]:
    """The lessons of each module, in the order asked (a module may have several lectures)."""
    lessons = load_lessons(root)
    chosen: list[Lesson] = []
    missing = []
    for module in modules:
        found = sorted((lesson for lesson in lessons if lesson.module == module), key=lambda ls: ls.path)
        if not found:
            missing.append(f"module {module}: no lecture in {LESSONS_DIR.as_posix()}/ "
                           f"(expected {Path(curriculum.lecture(module)).name})")
        chosen += found
    if missing:
        raise UserError(missing)
    return chosen
