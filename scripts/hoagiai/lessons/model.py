"""The lesson model: front matter of `docs/bai-giang-mau/mo-dun-NN[-slug].md`, checked like config.

Every problem is reported at once as `file:line:col: key: message`, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hoagiai import curriculum, yamlio
from hoagiai.errors import Problem, UserError, shown_path
from hoagiai.quiz.model import objective_of
from hoagiai.source import Page, parse_markdown

LESSONS_DIR = Path("docs") / curriculum.LECTURES_DIR
REQUIRED = ("title", "audience", "module", "duration", "objectives", "materials", "preparation", "agenda")
AGENDA_KEYS = ("minutes", "activity", "method", "kind")
# What a step is, where the checks need to know: a break; a role play's acting and its debrief.
STEP_KINDS = ("break", "acting", "debrief", "lecture", "discussion", "exercise", "game", "test")
AUDIENCES = ("hoa-giai-vien", "tap-huan-vien", "can-bo-quan-ly")
MAX_MINUTES_WITHOUT_BREAK = 90


@dataclass(frozen=True)
class ModuleObjectives:
    """What `quiz_objectives` of a module's lectures may name: the overview's objective ids, and which of them
    have at least one question in the module's bank."""
    overview: str  # docs/chuong-trinh/mo-dun-03/index.md, for messages
    bank: str  # quizzes/m03.yml, for messages ("" when the module has no bank)
    ids: tuple[str, ...]
    asked: frozenset[str]


def objective_catalog(root: Path, banks: Mapping[str, Any]) -> dict[int, ModuleObjectives]:
    """module number -> its objectives (from the overview's front matter) and those the bank asks about
    (`objective:` on a question; a scenario's sub-questions inherit the scenario's)."""
    catalog = {}
    for module in curriculum.modules(Path(root) / "docs"):
        bank = banks.get(module.bank)
        asked = frozenset(objective_of(q, top) for q, top in bank.scored_questions()) - {None} if bank \
            else frozenset()
        catalog[module.number] = ModuleObjectives(f"docs/{module.overview}", bank.path if bank else "",
                                                  tuple(o.id for o in module.objectives), asked)
    return catalog


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

    def __init__(self, file: str, meta: Any, offset: int, catalog: Mapping[int, ModuleObjectives] | None = None):
        self.file, self.meta, self.offset, self.catalog = file, meta, offset, catalog
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
        elif quiz_objectives is not None and _is_int(module):
            self.quiz_objectives(quiz_objectives, module, at("quiz_objectives"))
        items = self.agenda(meta.get("agenda"), duration, at)
        if self.problems:
            return None

        def as_tuple(value) -> tuple[str, ...]:
            return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)

        return Lesson(path=self.file, title=str(meta["title"]), module=module, duration=duration,
                      audience=as_tuple(audience), objectives=as_tuple(meta["objectives"]),
                      materials=as_tuple(meta["materials"]), preparation="\n".join(as_tuple(meta["preparation"])),
                      agenda=tuple(items), quiz_objectives=tuple(quiz_objectives or ()))

    def quiz_objectives(self, ids: list, module: int, here: yamlio.Pos) -> None:
        """Each id names an objective of the module (its overview's front matter) that its bank asks about."""
        if not ids:
            self.bad(here, "quiz_objectives", "is empty: name the module objectives this lecture teaches, "
                                              "e.g. [mt1, mt3]")
        if self.catalog is None:
            return  # checking the front matter alone (no curriculum at hand)
        known = self.catalog.get(module)
        seen: set[str] = set()
        for index, raw in enumerate(ids):
            objective, pos = str(raw).strip(), self.item(ids, index, here)
            where = f"quiz_objectives[{index + 1}]"
            if objective in seen:
                self.bad(pos, where, f"{objective!r} is listed twice")
            elif known is None or objective not in known.ids:
                listed = f"{known.overview} lists {', '.join(known.ids) or 'none'}" if known else \
                    f"module {module} has no folder {curriculum.folder(module)}/"
                self.bad(pos, where, f"{objective!r} is not an objective of module {module} ({listed})")
            elif not known.bank:
                self.bad(pos, where, f"{objective!r}: module {module} has no quiz bank "
                                     f"(quizzes/{curriculum.bank_id(module)}.yml)")
            elif objective not in known.asked:
                self.bad(pos, where, f"{objective!r} has no question in {known.bank} (add a question with "
                                     f"`objective: {objective}`, or leave the id out)")
            seen.add(objective)

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
        self.breaks(items, agenda, here)
        self.debriefs(items, agenda, here)
        return items

    def breaks(self, items: list[AgendaItem], agenda: list, here: yamlio.Pos) -> None:
        """No run of steps longer than MAX_MINUTES_WITHOUT_BREAK without a `kind: break` step."""
        run, first = 0, 0
        for index, item in enumerate(items):
            if item.kind == "break":
                run, first = 0, index + 1
                continue
            run += item.minutes
            if run > MAX_MINUTES_WITHOUT_BREAK:
                self.bad(self.item(agenda, index, here), f"agenda[{first + 1}–{index + 1}]",
                         f"{run} minutes without a break (at most {MAX_MINUTES_WITHOUT_BREAK}): add a step with "
                         "`kind: break`")
                run, first = 0, index + 1  # one message per run

    def debriefs(self, items: list[AgendaItem], agenda: list, here: yamlio.Pos) -> None:
        """A role play's debrief lasts at least as long as its acting (the trainer's guide's rule)."""
        for index, item in enumerate(items):
            if item.kind != "acting":
                continue
            following = items[index + 1:]
            stop = next((i for i, later in enumerate(following) if later.kind == "acting"), len(following))
            debrief = next((index + 1 + i for i, later in enumerate(following[:stop]) if later.kind == "debrief"), None)
            pos = self.item(agenda, index, here)
            if debrief is None:
                self.bad(pos, f"agenda[{index + 1}]", "a role play (`kind: acting`) needs a debrief after it "
                                                      "(`kind: debrief`)")
            elif items[debrief].minutes < item.minutes:
                self.bad(self.item(agenda, debrief, here), f"agenda[{debrief + 1}]",
                         f"the debrief ({items[debrief].minutes} minutes) is shorter than the role play it follows "
                         f"(agenda[{index + 1}], {item.minutes} minutes): give it at least as long")


def check_lesson_page(page: Page, catalog: Mapping[int, ModuleObjectives] | None = None
                      ) -> tuple[Lesson | None, list[Problem]]:
    """Check one lesson's front matter; return the lesson (None if it has problems) and every problem.
    With a `catalog` (objective_catalog), `quiz_objectives` are checked against the module and its bank."""
    if not page.has_front_matter:
        return None, [Problem(page.file, 1, 0, "", "no YAML front matter (--- … --- at the top of the file)")]
    syntax = [p for p in page.meta_problems if "not valid YAML" in p.message]
    if syntax:
        return None, syntax

    def check(meta):
        checker = _LessonChecker(page.file, meta, offset=1, catalog=catalog)
        return checker.run(), checker.problems

    lesson, problems = yamlio.checked(page.meta_text, page.file, check, line_offset=1)
    return lesson, sorted(set(problems) | set(page.meta_problems) | set(page.ambiguities))


def check_lesson_text(text: str, file: str, catalog: Mapping[int, ModuleObjectives] | None = None
                      ) -> tuple[Lesson | None, list[Problem]]:
    return check_lesson_page(parse_markdown(text, file), catalog)


def lesson_paths(root: Path) -> list[Path]:
    return sorted(p for p in (Path(root) / LESSONS_DIR).glob("mo-dun-*.md") if curriculum.lecture_module(p))


def load_lessons(root: Path, paths: list[Path] | None = None,
                 catalog: Mapping[int, ModuleObjectives] | None = None) -> list[Lesson]:
    """Every lesson (default: all in docs/bai-giang-mau/), raising UserError with all problems found."""
    root = Path(root)
    lessons: list[Lesson] = []
    problems: list[Problem] = []
    for path in paths if paths is not None else lesson_paths(root):
        path = Path(path)
        shown = shown_path(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, 0, 0, "", f"cannot read the lesson: {exc}"))
            continue
        lesson, found = check_lesson_text(text, shown, catalog)
        problems += found
        if lesson:
            lessons.append(lesson)
    if problems:
        raise UserError(problems)
    return lessons


def lessons_for_modules(root: Path, modules: list[int],
                        catalog: Mapping[int, ModuleObjectives] | None = None) -> list[Lesson]:
    """The lessons of each module, in the order asked (a module may have several lectures)."""
    lessons = load_lessons(root, catalog=catalog)
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
