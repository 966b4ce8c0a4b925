"""A fast walk over build-generated HTML: tags and the text between them (Python's HTMLParser is ~5×
slower, and this HTML is well-formed MkDocs output)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<[^>]*>", re.S)
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
