"""Find quiz markers in Markdown: `<!-- quiz m03 -->`, `<!-- quiz m03 count=10 -->`, `<!-- quiz-progress -->`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoagiai.errors import Problem
from hoagiai.source import parse_markdown

QUIZ_RE = re.compile(r"^\s{0,3}<!--\s*quiz\s+(?P<bank>[a-z0-9-]+)(?:\s+count=(?P<count>[1-9][0-9]*))?\s*-->\s*$")
PROGRESS_RE = re.compile(r"^\s{0,3}<!--\s*quiz-progress\s*-->\s*$")
LOOKS_LIKE_MARKER = re.compile(r"^\s*<!--\s*quiz\b")


@dataclass(frozen=True)
class Marker:
    index: int  # 0-based line index in the Markdown given
    line: int  # line number in the source file (front matter included)
    bank: str | None  # None for the progress marker
    count: int | None = None


def front_matter_line_offset(source: str, markdown: str | None = None) -> int:
    """Lines of `source` (the page file) that come before `markdown` (the page body a generator hands us).

    MkDocs drops the front matter and the blank lines after it; when `markdown` is not a plain tail of
    `source` (another hook changed it), count the front matter the same way.
    """
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return parse_markdown(source).body_start - 1  # 0 without front matter


def find_markers(markdown: str, *, page: str, line_offset: int = 0) -> tuple[list[Marker], list[Problem]]:
    """Markers outside fenced code blocks, and problems for malformed ones."""
    markers: list[Marker] = []
    problems: list[Problem] = []
    for number, text in parse_markdown(markdown, front_matter=False).prose():  # fenced markers are examples
        index, line = number - 1, number + line_offset
        if match := QUIZ_RE.match(text):
            count = int(match["count"]) if match["count"] else None
            markers.append(Marker(index, line, match["bank"], count))
        elif PROGRESS_RE.match(text):
            markers.append(Marker(index, line, None))
        elif LOOKS_LIKE_MARKER.match(text):
            problems.append(Problem(page, line, 0, "", f"malformed quiz marker {text.strip()!r} "
                                    "(write <!-- quiz m03 --> or <!-- quiz m03 count=10 --> on its own line)"))
    return markers, problems
