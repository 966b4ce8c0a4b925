"""Trainer-only notes (`!!! trainer`): collapsed on the site, expanded or left out in print."""

from __future__ import annotations

import re

from hoagiai.source import parse_markdown

_OPEN_NOTE = re.compile(r"^(\s*)!!!\s+trainer\b")


def collapse_trainer_notes(markdown: str) -> str:
    """Turn `!!! trainer` into `??? trainer` (a collapsed <details>) outside code fences.

    Authors write the plain form; the site shows trainer notes collapsed so learners reading a lecture are
    not distracted, while print (which opens every <details>) shows them in full.
    """
    if not re.search(r"!!!\s+trainer", markdown):
        return markdown  # most pages: no note, no parse
    page = parse_markdown(markdown, front_matter=False)
    lines = markdown.splitlines(keepends=True)
    for number, line in page.prose():
        lines[number - 1] = _OPEN_NOTE.sub(r"\1??? trainer", lines[number - 1])
    return "".join(lines)
