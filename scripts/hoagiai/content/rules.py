"""Content rules as data (`data/content-rules.yml`): errors that were found and fixed once must not come back.

A rule looks for its `pattern` in each unit of text (a sentence; an item: a list item, a table row or a
paragraph; a paragraph: a block between blank lines, a list counts as one; a section: from a heading to the next).
With `and`, it looks only at units where that second pattern occurs too; with `needs`, the unit must also
hold that pattern, or the rule fires. Without `needs`, `pattern` and `and` together are the error. Units come from the Markdown pages (prose only, through the one source reader) and from
the quiz banks (each text value). Every finding is `file:line: rule-id: message (source)`.
Each rule carries an example that must fire and its fixed form that must pass (tests/unit/test_rules.py).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hoagiai import yamlio
from hoagiai.errors import Problem, UserError, shown_path
from hoagiai.source import read_page

RULES_PATH = Path("data/content-rules.yml")
UNITS = ("sentence", "item", "paragraph", "section")
KEYS = {"id": True, "pattern": True, "and": False, "needs": False, "unit": False,
        "files": True, "exclude": False, "message": True, "source": True, "example": True}
_FLAGS = re.IGNORECASE | re.MULTILINE
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]|\|)\s")  # a list item or a table row starts a unit of its own
_BREAK = re.compile(r"^\s*(?:#|!!!|\?\?\?|===|<!--|```|~~~)")  # headings, containers, comments end a unit
_HEADING = re.compile(r"^#{1,6}\s")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”')\]]*\s+(?=[\"“(\[]?[^\W\d_])")


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern
    files: tuple[str, ...]
    message: str
    source: str
    unit: str = "sentence"
    also: re.Pattern | None = None  # `and:`
    needs: re.Pattern | None = None
    exclude: tuple[str, ...] = ()
    fires: str = ""
    passes: str = ""

    def applies_to(self, rel: str) -> bool:
        return any(fnmatch.fnmatch(rel, g) for g in self.files) and not any(fnmatch.fnmatch(rel, g) for g in self.exclude)

    def fires_on(self, unit: str) -> re.Match | None:
        m = self.pattern.search(unit)
        if not m or (self.also and not self.also.search(unit)) or (self.needs and self.needs.search(unit)):
            return None
        return m


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a unit: a sentence ends at . ! ? … before the next one's first letter."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


@dataclass
class Unit:
    lines: list[tuple[int, str]]  # (file line, text)

    @property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines)

    def line_at(self, offset: int) -> int:
        pos = 0
        for line, text in self.lines:
            pos += len(text.strip()) + 1
            if offset < pos:
                return line
        return self.lines[-1][0]


def markdown_units(path: Path, kind: str) -> list[Unit]:
    """A page's prose (front matter and fenced code left out) cut into units of one kind."""
    units: list[Unit] = []
    current: Unit | None = None
    for number, line in read_page(path).prose():
        if kind == "section":
            if current is None or _HEADING.match(line):
                current = Unit([])
                units.append(current)
            if line.strip():
                current.lines.append((number, line))
            continue
        if not line.strip() or _BREAK.match(line):
            current = None
            continue
        if current is None or (kind != "paragraph" and _ITEM.match(line)):
            current = Unit([])
            units.append(current)
        current.lines.append((number, line))
    return [u for u in units if u.lines]


def bank_units(path: Path) -> list[Unit]:
    """Each text of a quiz bank (prompts, options, explanations, cases; every language) as a unit."""
    data, problems = yamlio.load_positions(path.read_text(encoding="utf-8"), path.as_posix())
    if problems:
        return []  # `hoagiai quiz check` reports the syntax error
    units: list[Unit] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                if isinstance(value, str):
                    units.append(Unit([(yamlio.value_pos(node, key, (1, 1))[0], " ".join(value.split()))]))
                else:
                    stack.append(value)
        elif isinstance(node, CommentedSeq):
            stack.extend(node)
    return units


def findings(rule: Rule, units: list[Unit], rel: str) -> list[Problem]:
    out = []
    for unit in units:
        text = unit.text
        pieces = _sentences(text) if rule.unit == "sentence" else [(0, text)]
        for offset, piece in pieces:
            m = rule.fires_on(piece)
            if m:
                out.append(Problem(rel, unit.line_at(offset + m.start()), 0, rule.id,
                                   f"{rule.message} ({rule.source})"))
    return out


def check_rules(root: Path, rules: list[Rule], paths: list[Path] | None = None) -> list[Problem]:
    root = Path(root)
    files = paths or [*sorted((root / "docs").rglob("*.md")), *sorted((root / "quizzes").glob("*.yml"))]
    problems: list[Problem] = []
    for path in files:
        rel = shown_path(path, root)
        mine = [r for r in rules if r.applies_to(rel)]
        if not mine or not path.is_file():
            continue
        cache: dict[str, list[Unit]] = {}
        for rule in mine:
            kind = "item" if rule.unit == "sentence" else rule.unit
            if kind not in cache:
                cache[kind] = bank_units(path) if path.suffix == ".yml" else markdown_units(path, kind)
            problems += findings(rule, cache[kind], rel)
    return problems


def load_rules(root: Path) -> list[Rule]:
    path = Path(root) / RULES_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{RULES_PATH}: cannot read: {exc}") from None
    rules, problems = yamlio.checked(text, RULES_PATH.as_posix(), _check)
    if problems:
        raise UserError(problems)
    return rules


def _check(data) -> tuple[list[Rule], list[Problem]]:
    file = RULES_PATH.as_posix()
    problems: list[Problem] = []
    rules: list[Rule] = []
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(file, 1, 1, "", "top level must be a mapping with a 'rules' list")]
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        pos = yamlio.item_pos(entries, i, (1, 1))
        where = f"rules[{i}]"

        def bad(key: str | None, message: str) -> None:
            at = yamlio.value_pos(entry, key, pos) if key else pos
            problems.append(Problem(file, at[0], at[1], f"{where}.{key}" if key else where, message))

        if not isinstance(entry, dict):
            bad(None, "must be a mapping (id, pattern, files, message, source, example)")
            continue
        for key in entry:
            if key not in KEYS:
                bad(None, f"unknown key {key!r} (allowed: {', '.join(KEYS)})")
        for key, required in KEYS.items():
            if required and not entry.get(key):
                bad(None, f"missing {key}")
        compiled = {}
        for key in ("pattern", "and", "needs"):
            if entry.get(key) is not None:
                try:
                    compiled[key] = re.compile(str(entry[key]), _FLAGS)
                except re.error as exc:
                    bad(key, f"not a valid regular expression: {exc}")
        unit = entry.get("unit", "sentence")
        if unit not in UNITS:
            bad("unit", f"unknown unit {unit!r} (use {', '.join(UNITS)})")
        files, exclude = entry.get("files") or [], entry.get("exclude") or []
        if not isinstance(files, list) or not isinstance(exclude, list):
            bad("files", "files and exclude are lists of globs, e.g. ['docs/**/*.md', 'quizzes/*.yml']")
        example = entry.get("example")
        if not (isinstance(example, dict) and set(example) == {"fires", "passes"}):
            bad("example", "needs {fires: <a text the rule catches>, passes: <the fixed text>}")
            example = {}
        if entry.get("id") in seen:
            bad("id", f"duplicate id {entry.get('id')!r}")
        seen.add(entry.get("id"))
        if problems:
            continue
        rules.append(Rule(id=str(entry["id"]), pattern=compiled["pattern"], files=tuple(map(str, files)),
                          message=str(entry["message"]), source=str(entry["source"]), unit=unit,
                          also=compiled.get("and"), needs=compiled.get("needs"),
                          exclude=tuple(map(str, exclude)), fires=str(example["fires"]),
                          passes=str(example["passes"])))
    return rules, problems
