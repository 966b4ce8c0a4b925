"""The lesson model: front matter of `docs/bai-giang-mau/mo-dun-NN[-slug].md`, checked like config.

Every problem is reported at once as `file: key: message`, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hoagiai.errors import Problem, UserError
from hoagiai.frontmatter import load_yaml

LESSONS_DIR = Path("docs/bai-giang-mau")
LESSON_NAME = re.compile(r"^mo-dun-(\d{2})(-[a-z0-9-]+)?\.md$")  # translations (x.en.md) do not match
REQUIRED = ("title", "audience", "module", "duration", "objectives", "materials", "preparation", "agenda")
AGENDA_KEYS = ("minutes", "activity", "method")
AUDIENCES = ("hoa-giai-vien", "tap-huan-vien", "can-bo-quan-ly")


@dataclass(frozen=True)
class AgendaItem:
    minutes: int
    activity: str
    method: str


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

    @property
    def page(self) -> str:
        """The page's path under docs/, as in nav: `bai-giang-mau/mo-dun-03.md`."""
        return self.path.split("docs/", 1)[-1]


def split_front_matter(text: str) -> tuple[str | None, int]:
    """(front matter text, line number of its first line) or (None, 0)."""
    if not text.startswith("---\n"):
        return None, 0
    end = text.find("\n---", 3)
    if end < 0:
        return None, 0
    return text[4:end + 1], 2


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(_text(v) for v in value)


def check_lesson_text(text: str, file: str) -> tuple[Lesson | None, list[Problem]]:
    """Check one lesson's Markdown text; return the lesson (None if it has problems) and every problem."""
    problems: list[Problem] = []

    def bad(where: str, message: str, line: int = 0) -> None:
        problems.append(Problem(file, line, 0, where, message))

    raw, first_line = split_front_matter(text)
    if raw is None:
        bad("", "no YAML front matter (--- … --- at the top of the file)", 1)
        return None, problems
    try:
        meta = load_yaml(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        bad("", f"front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}",
            mark.line + first_line if mark else 1)
        return None, problems
    if not isinstance(meta, dict):
        bad("", "front matter must be a mapping of keys (title: …, module: …)", first_line)
        return None, problems

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            bad(key, "missing (a lesson needs " + ", ".join(REQUIRED) + ")")
    if "title" in meta and meta["title"] and not _text(meta["title"]):
        bad("title", "must be text")
    audience = meta.get("audience")
    if audience and not (_text(audience) or _text_list(audience)):
        bad("audience", "must be a list of audience ids, e.g. [tap-huan-vien]")
    elif audience:
        unknown = [a for a in ([audience] if isinstance(audience, str) else audience) if a not in AUDIENCES]
        if unknown:
            bad("audience", f"unknown {', '.join(map(repr, unknown))} (allowed: {', '.join(AUDIENCES)})")
    module = meta.get("module")
    if module is not None and (not _is_int(module) or not 1 <= module <= 99):
        bad("module", f"must be a module number from 1 to 99, not {module!r}")
    elif _is_int(module) and (m := LESSON_NAME.match(Path(file).name)) and int(m.group(1)) != module:
        bad("module", f"is {module} but the file name says module {int(m.group(1))}")
    duration = meta.get("duration")
    if duration is not None and (not _is_int(duration) or duration <= 0):
        bad("duration", f"must be a whole number of minutes above 0, not {duration!r}")
    objectives = meta.get("objectives")
    if objectives and not _text_list(objectives):
        bad("objectives", "must be a list of texts (one objective per item)")
    materials = meta.get("materials")
    if materials and not (_text(materials) or _text_list(materials)):
        bad("materials", "must be a list of texts or one text")
    preparation = meta.get("preparation")
    if preparation and not (_text(preparation) or _text_list(preparation)):
        bad("preparation", "must be a text or a list of texts")

    agenda = meta.get("agenda")
    items: list[AgendaItem] = []
    if agenda and not isinstance(agenda, list):
        bad("agenda", "must be a list of {minutes, activity, method}")
    elif agenda:
        for index, entry in enumerate(agenda, 1):
            where = f"agenda[{index}]"
            if not isinstance(entry, dict):
                bad(where, "must be a mapping {minutes: …, activity: …, method: …}")
                continue
            for key in entry:
                if key not in AGENDA_KEYS:
                    bad(f"{where}.{key}", f"unknown key (allowed: {', '.join(AGENDA_KEYS)})")
            minutes = entry.get("minutes")
            if not _is_int(minutes) or minutes <= 0:
                bad(f"{where}.minutes", "missing" if minutes is None else
                    f"must be a whole number of minutes above 0, not {minutes!r}")
            for key in ("activity", "method"):
                if not _text(entry.get(key)):
                    bad(f"{where}.{key}", "missing" if entry.get(key) is None else "must be text")
            if _is_int(minutes) and minutes > 0:
                items.append(AgendaItem(minutes, str(entry.get("activity", "")), str(entry.get("method", ""))))
        if len(items) == len(agenda) and _is_int(duration):
            total = sum(item.minutes for item in items)
            if total != duration:
                bad("agenda", f"minutes sum to {total}, duration is {duration}")

    if problems:
        return None, problems

    def as_tuple(value) -> tuple[str, ...]:
        return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)

    return Lesson(path=file, title=str(meta["title"]), module=module, duration=duration,
                  audience=as_tuple(audience), objectives=as_tuple(objectives), materials=as_tuple(materials),
                  preparation="\n".join(as_tuple(preparation)), agenda=tuple(items)), []


def lesson_paths(root: Path) -> list[Path]:
    return sorted(p for p in (Path(root) / LESSONS_DIR).glob("mo-dun-*.md") if LESSON_NAME.match(p.name))


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
            missing.append(f"module {module}: no lecture in {LESSONS_DIR.as_posix()}/ (expected mo-dun-{module:02d}.md)")
        chosen += found
    if missing:
        raise UserError(missing)
    return chosen
