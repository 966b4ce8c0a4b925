"""One printed book: cover, table of contents with page numbers, chapters with a running head.

Chromium prints it twice: the first PDF tells on which page each chapter and page starts (the named
destinations of the table of contents' links), the second prints those numbers in the table of contents.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from hoagiai.documents import render
from hoagiai.documents import stylesheet as read_css
from hoagiai.errors import UserError
from hoagiai.pdf.chromium import print_to_pdf

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Entry:
    """A table-of-contents line: a printed page (article) or a block inside a chapter."""
    anchor: str
    title: str


@dataclass
class Chapter:
    title: str
    body: str  # HTML
    entries: list[Entry] = field(default_factory=list)
    new_sheet_per_entry: bool = False  # e.g. forms: each starts on its own sheet


@dataclass
class Book:
    title: str
    subtitle: str
    cover_lines: list[str]
    chapters: list[Chapter]
    lang: str = "vi"
    toc_title: str = "Mục lục"
    footer: str | None = None  # printed at the foot of every page, the cover included (e.g. a translation notice)


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    seconds: float


def stylesheet() -> str:
    """The print stylesheet of the handbooks and the course pack."""
    return read_css(TEMPLATES, "print.css")


def render_html(book: Book, pages: dict[str, int] | None) -> str:
    """The book as one HTML document; `pages` maps anchors to page numbers (None: placeholders)."""

    def number(anchor: str) -> str:
        return str(pages[anchor]) if pages else "000"  # same width in both passes: the layout stays put

    return render(TEMPLATES, "book.html", locale=book.lang, book=book, number=number)


def anchors(book: Book) -> list[str]:
    return [f"ch{n}" for n in range(1, len(book.chapters) + 1)] + [e.anchor for ch in book.chapters
                                                                    for e in ch.entries]


def _destinations(pdf: Path, wanted: list[str]) -> dict[str, int]:
    reader = PdfReader(str(pdf))
    found = {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
             for name, dest in reader.named_destinations.items()}
    missing = [a for a in wanted if a not in found]
    if missing:
        raise UserError(f"{pdf.name}: chromium wrote no page for {', '.join(missing[:5])}")
    return {a: found[a] for a in wanted}


def print_book(book: Book, pdf: Path, *, keep_html: Path | None = None) -> Printed:
    """Render the book to `pdf` (two passes; a third only if the numbers moved the layout)."""
    started = time.monotonic()
    wanted = anchors(book)
    with tempfile.TemporaryDirectory(prefix="hoagiai-book-") as tmp:
        source = Path(tmp) / "book.html"
        draft = Path(tmp) / "draft.pdf"
        pages: dict[str, int] | None = None
        for _ in range(3):
            source.write_text(render_html(book, pages), encoding="utf-8")
            print_to_pdf(source, draft, timeout=600)
            found = _destinations(draft, wanted)
            if found == pages:
                break
            pages = found
        else:
            source.write_text(render_html(book, pages), encoding="utf-8")
            print_to_pdf(source, draft, timeout=600)
        if keep_html:
            keep_html.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        draft.replace(pdf)
    count = len(PdfReader(str(pdf)).pages)
    return Printed(pdf, count, time.monotonic() - started)
