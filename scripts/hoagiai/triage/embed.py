"""Where the checker goes in a page: the marker `<!-- triage -->` on its own line (outside fenced code).

Markdown gets a placeholder comment; the build puts the rendered checker there after Markdown has run, as it
does for quizzes (Markdown need not parse the HTML)."""

from __future__ import annotations

from hoagiai.source import parse_markdown
from hoagiai.triage.render import MARKER

PLACEHOLDER = "<!-- hg-triage-block -->"


def mark(markdown: str) -> tuple[str, bool]:
    """Markdown with each marker line replaced by the placeholder; whether there was one."""
    if MARKER not in markdown:
        return markdown, False
    lines = markdown.splitlines()
    found = False
    for number, line in parse_markdown(markdown, front_matter=False).prose():
        if line.strip() == MARKER:
            lines[number - 1] = f"\n{PLACEHOLDER}\n"  # blank lines: not wrapped in a paragraph
            found = True
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else ""), found


def restore(html: str, block: str) -> str:
    return html.replace(PLACEHOLDER, block)
