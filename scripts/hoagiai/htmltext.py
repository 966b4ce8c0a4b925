"""A fast walk over build-generated HTML: tags and the text between them (Python's HTMLParser is ~5×
slower, and this HTML is well-formed MkDocs output)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<[^>]*>", re.DOTALL)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def tokens(html: str) -> Iterator[tuple[str, str, str]]:
    """(kind, name, raw) with kind "text", "start", "end" or "other" (comments, doctype, void tags)."""
    pos = 0
    for m in _TOKEN.finditer(html):
        if m.start() > pos:
            yield "text", "", html[pos:m.start()]
        raw, closing, name = m.group(0), m.group(1), m.group(2)
        if not name:
            yield "other", "", raw
        else:
            name = name.lower()
            if closing:
                yield "end", name, raw
            elif raw.endswith("/>") or name in VOID:
                yield "other", name, raw
            else:
                yield "start", name, raw
        pos = m.end()
    if pos < len(html):
        yield "text", "", html[pos:]


# Element spans: where an element ends, found by matching its name only. Cheaper than a walk when a few
# elements matter (the lang marking, citation links, search sections), valid for well-formed HTML.

RAW_TEXT = {"script", "style", "textarea", "title"}  # their content runs to the first closing tag


class Unmatched(Exception):
    """An element whose closing tag is missing (or elements that overlap)."""


@functools.lru_cache(maxsize=64)
def _same_name(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)


def element_end(html: str, name: str, tag_end: int) -> int:
    """Where the element whose start tag (`name`) ends at `tag_end` ends, after its closing tag."""
    name = name.lower()
    if name in VOID or html[tag_end - 2] == "/":
        return tag_end
    if name in RAW_TEXT:
        close = html.find(f"</{name}", tag_end)
        if close < 0:
            raise Unmatched(f"<{name}> is never closed")
        return html.index(">", close) + 1
    depth = 1
    for m in _same_name(name).finditer(html, tag_end):
        depth += -1 if m.group(1) else (0 if m.group(0).endswith("/>") else 1)
        if depth == 0:
            return m.end()
    raise Unmatched(f"<{name}> is never closed")


def start_tags(names) -> re.Pattern:
    """Comments and start tags of these elements (group 1: the name; None for a comment)."""
    return re.compile(rf"<!--.*?-->|<({'|'.join(names)})\b[^>]*>", re.DOTALL | re.IGNORECASE)


def outermost_spans(html: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of every comment and element `pattern` (from start_tags) finds, nested ones left out."""
    spans, pos = [], 0
    while m := pattern.search(html, pos):
        end = element_end(html, m.group(1), m.end()) if m.group(1) else m.end()
        spans.append((m.start(), end))
        pos = end
    return spans


def inside(spans: list[tuple[int, int]], pos: int) -> int:
    """The end of the span (sorted, not overlapping) holding `pos`, or 0."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return spans[i][1] if i >= 0 and spans[i][0] <= pos < spans[i][1] else 0


def in_tag(html: str, pos: int) -> bool:
    """Is `pos` inside a tag (an attribute value) rather than in text?"""
    return html.rfind("<", 0, pos) > html.rfind(">", 0, pos)


_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def element_with(html: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the element whose start tag holds `pos` (an attribute), or None when `pos` is text."""
    tag_start = html.rfind("<", 0, pos)
    name = _NAME.match(html, tag_start)
    if not name or not in_tag(html, pos):
        return None
    return tag_start, element_end(html, name.group(1), html.index(">", pos) + 1)


def spans_of_tags_with(html: str, attribute: str) -> list[tuple[int, int]]:
    """(start, end) of every element whose start tag holds the text `attribute` (in order)."""
    spans, pos = [], 0
    while (at := html.find(attribute, pos)) >= 0:
        pos = at + len(attribute)
        if span := element_with(html, at):
            spans.append(span)
    return spans


def strip_tags(html: str) -> str:
    """The text between the tags, joined as it is (entities kept)."""
    return _TOKEN.sub("", html)
