"""One printed book: cover, table of contents with page numbers, chapters with a running head.

Chromium prints it twice: the first PDF tells on which page each chapter and page starts (the named
destinations of the table of contents' links), the second prints those numbers in the table of contents.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path

from pypdf import PdfReader

from hoagiai.errors import UserError
from hoagiai.pdf.chromium import print_to_pdf


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


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    seconds: float


def stylesheet() -> str:
    return resources.files("hoagiai.pdf").joinpath("print.css").read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_html(book: Book, pages: dict[str, int] | None) -> str:
    """The book as one HTML document; `pages` maps anchors to page numbers (None: placeholders)."""
    running = "".join(
        f"@page ch{n} {{ @top-right {{ content: {_css_string(ch.title)}; }} }}\n.ch{n} {{ page: ch{n}; }}\n"
        for n, ch in enumerate(book.chapters, 1))
    running += f"@page toc {{ @top-right {{ content: {_css_string(book.toc_title)}; }} }}\n"
    running += f"@page {{ @top-left {{ content: {_css_string(book.title)}; }} }}\n"

    def number(anchor: str) -> str:
        return str(pages[anchor]) if pages else "000"  # same width in both passes: the layout stays put

    toc = []
    for n, chapter in enumerate(book.chapters, 1):
        lines = "".join(f'<li><a href="#{e.anchor}"><span class="t">{escape(e.title)}</span>'
                        f'<span class="n">{number(e.anchor)}</span></a></li>' for e in chapter.entries)
        toc.append(f'<li class="toc-chapter"><a href="#ch{n}"><span class="t">{escape(chapter.title)}</span>'
                   f'<span class="n">{number(f"ch{n}")}</span></a>'
                   + (f"<ol>{lines}</ol>" if lines else "") + "</li>")
    chapters = "".join(
        f'<section class="chapter ch{n}{" sheets" if ch.new_sheet_per_entry else ""}" id="ch{n}">'
        f'<p class="chapter-label">{escape(ch.title)}</p>{ch.body}</section>'
        for n, ch in enumerate(book.chapters, 1))
    cover = "".join(f"<p>{escape(line)}</p>" for line in book.cover_lines)
    return (f'<!doctype html><html lang="{book.lang}"><head><meta charset="utf-8"><title>{escape(book.title)}'
            f"</title><style>{stylesheet()}\n{running}</style></head><body>"
            f'<section class="cover"><h1 class="book-title">{escape(book.title)}</h1>'
            f'<p class="book-subtitle">{escape(book.subtitle)}</p><div class="cover-lines">{cover}</div></section>'
            f'<section class="toc"><h1 class="toc-title">{escape(book.toc_title)}</h1><ol>{"".join(toc)}</ol>'
            f"</section>{chapters}</body></html>\n")


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
