"""Trainer-only notes (`!!! trainer`): collapsed on the site, expanded or left out in print."""

from __future__ import annotations

import re

_OPEN_NOTE = re.compile(r"^(\s*)!!!\s+trainer\b", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def collapse_trainer_notes(markdown: str) -> str:
    """Turn `!!! trainer` into `??? trainer` (a collapsed <details>) outside code fences.

    Authors write the plain form; the site shows trainer notes collapsed so learners reading a lecture are
    not distracted, while print (which opens every <details>) shows them in full.
    """
    if not _OPEN_NOTE.search(markdown):
        return markdown  # most pages: no note, no line walk
    out, in_code = [], False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            in_code = not in_code
        if not in_code:
            line = _OPEN_NOTE.sub(r"\1??? trainer", line)
        out.append(line)
    return "".join(out)
