"""The search's data files, checked with `file:line` messages: data/search-synonyms.yml (two-way groups and
one-way mappings from the words mediators type to the words the pages use) and data/search-suggestions.yml
(what an empty search box offers, per language)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hoagiai import yamlio
from hoagiai.curriculum import LOCALES
from hoagiai.errors import Problem, UserError
from hoagiai.search.text import fold, tokens

SYNONYMS = Path("data/search-synonyms.yml")
SUGGESTIONS = Path("data/search-suggestions.yml")
SUGGESTIONS_PER_LANGUAGE = (8, 12)


@dataclass
class SearchData:
    groups: list[list[str]] = field(default_factory=list)        # folded phrases, two-way
    mappings: list[tuple[str, str]] = field(default_factory=list)  # (typed, lower case with accents; folded site phrase)
    never: list[tuple[str, str]] = field(default_factory=list)     # folded phrases that must never be linked
    suggestions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lang -> [(label, query)]


def load(root: Path | str = ".") -> SearchData:
    """Both files; raises UserError listing every problem (a missing file is no problem: no data)."""
    data, problems = _read(Path(root))
    if problems:
        raise UserError(problems)
    return data


def problems(root: Path | str = ".") -> list[Problem]:
    """Every problem of both files (`hoagiai check`)."""
    return _read(Path(root))[1]


def _read(root: Path) -> tuple[SearchData, list[Problem]]:
    data, found = SearchData(), []
    for rel, reader in ((SYNONYMS, _synonyms), (SUGGESTIONS, _suggestions)):
        path = root / rel
        if path.exists():
            found += reader(path.read_text(encoding="utf-8"), rel.as_posix(), data)
    return data, sorted(found)


def _line(node, key) -> int:
    """1-based line of an item (list index or mapping key) of a positioned node, 0 when unknown."""
    pos = yamlio.item_pos(node, key, (0, 0)) if isinstance(node, list) else yamlio.key_pos(node, key, (0, 0))
    return pos[0]


def _phrase(value) -> str | None:
    """A non-empty NFC string, stripped; None otherwise."""
    if not isinstance(value, str) or not value.strip() or unicodedata.normalize("NFC", value) != value:
        return None
    return " ".join(value.split())


def _synonyms(text: str, file: str, data: SearchData) -> list[Problem]:
    doc, problems = yamlio.load_positions(text, file)
    if problems or doc is None:
        return problems
    if not isinstance(doc, CommentedSeq):
        return [Problem(file, 1, 0, "", "expected a list of groups ([a, b]), mappings ({typed, site}) and never: [a, b]")]
    bad = "must be a non-empty NFC string (no phrase may be empty; write Vietnamese in NFC)"
    for i, item in enumerate(doc):
        line, where = _line(doc, i), f"[{i}]"
        if isinstance(item, CommentedSeq):
            phrases = [_phrase(p) for p in item]
            if len(phrases) < 2 or None in phrases:
                problems.append(Problem(file, line, 0, where, f"a group needs two or more phrases; each {bad}"))
                continue
            folded = [fold(p) for p in phrases]
            for a in folded:
                for b in folded:
                    if a != b and f" {a} " in f" {b} ":
                        problems.append(Problem(file, line, 0, where, f"'{a}' is part of '{b}' in the same group"))
            data.groups.append(folded)
        elif isinstance(item, CommentedMap) and set(item) == {"never"}:
            pair = item["never"]
            phrases = [_phrase(p) for p in pair] if isinstance(pair, list) else []
            if len(phrases) != 2 or None in phrases:
                problems.append(Problem(file, line, 0, f"{where}.never", f"expected two phrases; each {bad}"))
                continue
            data.never.append((fold(phrases[0]), fold(phrases[1])))
        elif isinstance(item, CommentedMap):
            unknown = set(item) - {"typed", "site"}
            if unknown or "typed" not in item or "site" not in item:
                problems.append(Problem(file, line, 0, where, "a mapping has exactly `typed:` (a phrase or a list) "
                                                              "and `site:` (one phrase)"))
                continue
            typed = item["typed"] if isinstance(item["typed"], list) else [item["typed"]]
            typed_phrases, site = [_phrase(p) for p in typed], _phrase(item["site"])
            if not typed_phrases or None in typed_phrases or site is None:
                problems.append(Problem(file, _line(item, "typed"), 0, where, f"`typed:` and `site:`: each {bad}"))
                continue
            for phrase in typed_phrases:
                if fold(phrase) == fold(site):
                    problems.append(Problem(file, _line(item, "typed"), 0, f"{where}.typed",
                                            f"'{phrase}' maps to itself"))
                elif not tokens(phrase) or not tokens(site):
                    problems.append(Problem(file, _line(item, "typed"), 0, f"{where}.typed",
                                            "a phrase needs a letter or digit"))
                else:
                    data.mappings.append((phrase.lower(), fold(site)))
        else:
            problems.append(Problem(file, line, 0, where, "expected a group [a, b], a mapping {typed, site} or never: [a, b]"))
    problems += _links_never_made(data, file)
    return problems


def _links_never_made(data: SearchData, file: str) -> list[Problem]:
    """Words with different legal meanings (cấp dưỡng ≠ phụng dưỡng) are never linked by a group or mapping."""
    links = [(a, b) for group in data.groups for a in group for b in group if a != b]
    links += [(fold(typed), site) for typed, site in data.mappings]
    out = []
    for a, b in data.never:
        for x, y in links:
            if {x, y} == {a, b}:
                out.append(Problem(file, 0, 0, "", f"'{x}' and '{y}' are linked, but the file says never: [{a}, {b}]"))
    return sorted(set(out))


def _suggestions(text: str, file: str, data: SearchData) -> list[Problem]:
    doc, problems = yamlio.load_positions(text, file)
    if problems or doc is None:
        return problems
    if not isinstance(doc, CommentedMap):
        return [Problem(file, 1, 0, "", f"expected one list per language: {', '.join(LOCALES)}")]
    low, high = SUGGESTIONS_PER_LANGUAGE
    for lang in set(doc) - set(LOCALES):
        problems.append(Problem(file, _line(doc, lang), 0, str(lang), f"unknown language (expected {', '.join(LOCALES)})"))
    for lang in LOCALES:
        items = doc.get(lang)
        if not isinstance(items, CommentedSeq):
            problems.append(Problem(file, _line(doc, lang) if lang in doc else 1, 0, lang,
                                    f"expected a list of {low}-{high} suggestions"))
            continue
        if not low <= len(items) <= high:
            problems.append(Problem(file, _line(doc, lang), 0, lang, f"{len(items)} suggestions; expected {low}-{high}"))
        out = []
        for i, item in enumerate(items):
            label = query = None
            if isinstance(item, str):
                label = query = _phrase(item)
            elif isinstance(item, CommentedMap) and set(item) <= {"label", "q"} and "label" in item:
                label, query = _phrase(item["label"]), _phrase(item.get("q", item["label"]))
            if label is None or query is None:
                problems.append(Problem(file, _line(items, i), 0, f"{lang}[{i}]",
                                        "expected a phrase, or {label: shown, q: searched}; each a non-empty NFC string"))
            else:
                out.append((label, query))
        data.suggestions[lang] = out
    return problems
