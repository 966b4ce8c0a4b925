"""One YAML reading for every data file: YAML 1.2 as ruamel reads it.

Data files (banks, register, tool data, lesson front matter, the course settings) mean the same thing
whichever path reads them:
- `load_fast`: libyaml with YAML 1.2 core-schema resolvers, about 20× faster than ruamel; a property test
  (tests/unit/test_yamlio.py) and every real data file prove it equal to ruamel's reading;
- `load_positions`: ruamel's round-trip loader, whose nodes know their line and column, for messages.
`checked` runs a checker on the fast reading and, only when it finds problems, again on the positioned one.

Page front matter is also read by MkDocs itself (PyYAML, YAML 1.1): `ambiguous_scalars` lists the plain
scalars on which the two readings disagree (`yes`, `010`, `1:20`, `1e3` …) so they can be quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import implicit_resolvers as _ruamel_resolvers

from hoagiai.errors import Problem

Pos = tuple[int, int]  # 1-based line and column
T = TypeVar("T")

# --- the fast reading: libyaml + YAML 1.2 core schema (as ruamel resolves it) --------------------------

class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml parser, YAML 1.2 core-schema resolution and construction (as ruamel's safe loader)."""


FastLoader.yaml_implicit_resolvers = {}
for _versions, _tag, _regex, _first in _ruamel_resolvers:  # ruamel's own YAML 1.2 patterns, in its order
    if (1, 2) in _versions:
        FastLoader.add_implicit_resolver(str(_tag), re.compile(_regex.pattern, _regex.flags), _first)


def _construct_int(loader, node) -> int:
    text = loader.construct_scalar(node).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if text.startswith("0b"):
        return sign * int(text[2:], 2)
    if text.startswith("0x"):
        return sign * int(text[2:], 16)
    if text.startswith("0o"):
        return sign * int(text[2:], 8)
    return sign * int(text)  # "010" is ten in YAML 1.2


def _construct_float(loader, node) -> float:
    text = loader.construct_scalar(node).replace("_", "").lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text.endswith("nan"):
        return float("nan")
    return float(text)


FastLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
FastLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_fast(text: str) -> Any:
    """Parse YAML 1.2 quickly (no positions). Raises yaml.YAMLError on a syntax error."""
    return yaml.load(text, Loader=FastLoader)


# --- the positioned reading: ruamel round-trip ----------------------------------------------------------

def load_positions(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """ruamel's reading, whose mappings and lists know where each key and item stands; a syntax error is
    returned as a problem with its position (`line_offset`: lines of the file before `text`)."""
    try:
        return YAML(typ="rt").load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = ": ".join(str(part) for part in (exc.context, exc.problem) if part)
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (line_offset or 0, 0)
        return None, [Problem(file, line, col, "", f"YAML syntax: {message or exc}")]
    except (YAMLError, ValueError, TypeError, RecursionError) as exc:  # e.g. a bad date or tag
        return None, [Problem(file, line_offset or 0, 0, "", f"YAML syntax: {exc}")]


def checked(text: str, file: str, check: Callable[[Any], tuple[T, list[Problem]]],
            line_offset: int = 0) -> tuple[T | None, list[Problem]]:
    """Run `check(data)` on the fast reading; when it reports problems (or the fast parser fails), run it
    again on the positioned reading so that every problem carries a line and column."""
    try:
        data = load_fast(text)
    except yaml.YAMLError:
        pass
    else:
        result, problems = check(data)
        if not problems:
            return result, []
    data, problems = load_positions(text, file, line_offset)
    if problems:
        return None, problems
    result, problems = check(data)
    return (None if problems else result), sorted(problems)


def pos_of(node: Any, fallback: Pos) -> Pos:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return lc.line + 1, lc.col + 1
    return fallback


def key_pos(mapping: Any, key: Any, fallback: Pos) -> Pos:
    try:
        line, col = mapping.lc.key(key)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return fallback


def value_pos(mapping: Any, key: Any, fallback: Pos) -> Pos:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return pos_of(value, fallback)
    try:
        line, col = mapping.lc.value(key)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return fallback


def item_pos(seq: Any, index: int, fallback: Pos) -> Pos:
    try:
        if isinstance(seq[index], (CommentedMap, CommentedSeq)):
            return pos_of(seq[index], fallback)
        line, col = seq.lc.item(index)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return fallback


def shift(pos: Pos, lines: int) -> Pos:
    return pos[0] + lines, pos[1]


# --- front matter read by MkDocs (YAML 1.1) -------------------------------------------------------------

def ambiguous_scalars(text: str, file: str, line_offset: int = 0) -> list[Problem]:
    """Plain scalars that YAML 1.1 (MkDocs) and YAML 1.2 (our tools) read differently, each with a hint."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # a syntax error is reported by whoever parses the text
    problems: list[Problem] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and not node.style:  # plain (libyaml: "", PyYAML: None)
            old, new = _both(node.value)
            if not (type(old) is type(new) and old == new):
                problems.append(Problem(
                    file, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1, "",
                    f"{node.value!r} means {old!r} to MkDocs (YAML 1.1) but {new!r} to hoagiai (YAML 1.2): "
                    f"quote it (\"{node.value}\")"))
    return sorted(problems)


@lru_cache(maxsize=4096)  # the same scalars (dates, audiences, modules) recur on every page
def _both(value: str) -> tuple[Any, Any]:
    """The value of one plain scalar in YAML 1.1 (PyYAML, as MkDocs) and in YAML 1.2 (ours)."""
    results = []
    for load in (lambda t: yaml.load(t, Loader=yaml.SafeLoader), load_fast):
        try:
            results.append(load(f"v: {value}")["v"])
        except (yaml.YAMLError, ValueError, TypeError):
            results.append(None)
    return results[0], results[1]
