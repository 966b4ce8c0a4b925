"""Form markers in Markdown: `<!-- form <form-id> -->` on its own line, where the fillable form goes."""

from __future__ import annotations

import re
from collections.abc import Callable

from hoagiai import pages
from hoagiai.errors import Problem, UserError
from hoagiai.forms.model import FormSet
from hoagiai.source import parse_markdown

MARKER = re.compile(r"^\s{0,3}<!--\s*form\s+(?P<id>[a-z0-9-]+)\s*-->\s*$")
LOOKS_LIKE = re.compile(r"^\s*<!--\s*form\b")


def embed_forms(markdown: str, *, page: str, src_uri: str, forms: FormSet, line_offset: int,
                render: Callable[[str], str], stash: list[str]) -> str:
    """Markdown with each marker replaced by `<!-- hg-form-block N -->` (the HTML waits in `stash`, put back
    after Markdown by `restore_blocks`); UserError naming page and line for a bad or misplaced marker."""
    if "<!-- form" not in markdown:
        return markdown
    lines = markdown.splitlines()
    problems = []
    for number, text in parse_markdown(markdown, front_matter=False).prose():
        line = number + line_offset
        if match := MARKER.match(text):
            form = forms.forms.get(match["id"])
            if form is None:
                problems.append(Problem(page, line, 0, "", f"unknown form {match['id']!r} (data/forms/)"))
            elif form.page != src_uri:
                problems.append(Problem(page, line, 0, "", f"form {form.id!r} belongs on docs/{form.page}"))
            elif stash:
                problems.append(Problem(page, line, 0, "", "one form per page"))
            else:
                lines[number - 1] = f"\n{pages.stash('form', stash, render(form.id))}\n"
        elif LOOKS_LIKE.match(text):
            problems.append(Problem(page, line, 0, "", f"malformed form marker {text.strip()!r} "
                                    "(write <!-- form van-ban-hoa-giai-thanh --> on its own line)"))
    if problems:
        raise UserError(problems)
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def restore_blocks(html: str, stash: list[str] | None) -> str:
    return pages.restore(html, "form", stash)

