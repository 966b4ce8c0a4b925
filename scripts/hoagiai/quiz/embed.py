"""Replace quiz markers in a page's Markdown with quiz HTML (called from the MkDocs hook)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from hoagiai import pages
from hoagiai.content.register import Register
from hoagiai.errors import Problem, UserError
from hoagiai.quiz.markers import find_markers
from hoagiai.quiz.model import Bank
from hoagiai.quiz.render import LinkFor, render_progress, render_quiz

DEFAULT_SITE_ID = "hoa-giai-co-so"


def page_url(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a docs-relative Markdown path ("a/b.md" -> "a/b/" or "a/b.html")."""
    stem = src.removesuffix(".md")
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if not use_directory_urls:
            return posixpath.join(folder, "index.html")
        return folder + "/" if folder else ""
    return stem + "/" if use_directory_urls else stem + ".html"


def relative_href(from_src: str, to_src: str, *, use_directory_urls: bool, anchor: str = "") -> str:
    """A link from one page to another, relative, so it works from file:// and under any sub-path."""
    here = posixpath.dirname(page_url(from_src, use_directory_urls)) or "."
    target = page_url(to_src, use_directory_urls)
    rel = posixpath.relpath(target or ".", here)
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def register_link_for(register: Register, *, page: str, use_directory_urls: bool, locale: str = "vi",
                      resolve: Callable[[str], str | None] | None = None) -> LinkFor:
    """link_for(doc, article) -> (href relative to `page`, "Điều N. Title (Luật …)").

    `resolve(docs_path)` lets a site generator supply its own relative URL (e.g. per language).
    """
    article_word = {"vi": "Điều", "en": "Article", "km": "មាត្រា"}.get(locale, "Điều")

    def link_for(doc_id: str, article: int | None) -> tuple[str, str]:
        document = register[doc_id]
        anchor = document.anchor(article) if article else ""
        href = resolve(document.page) if resolve else None
        if href is None:
            href = relative_href(page, document.page, use_directory_urls=use_directory_urls)
        href += f"#{anchor}" if anchor else ""
        if article:
            return href, f"{article_word} {article}. {document.articles[article]} ({document.short})"
        return href, document.short

    return link_for


def restore_blocks(html: str, stash: list[str] | None) -> str:
    """Put the stashed quiz blocks back into the page's HTML."""
    return pages.restore(html, "quiz", stash)


def embed_quizzes(markdown: str, *, page: str, line_offset: int, banks: dict[str, Bank], locale: str,
                  link_for: LinkFor, site_id: str = DEFAULT_SITE_ID,
                  href_for_bank: Callable[[str], str | None] | None = None,
                  stash: list[str] | None = None) -> str:
    """Markdown with every marker replaced; UserError naming page and line for bad markers.

    With `stash`, each block goes into the list and the Markdown gets `<!-- hg-quiz-block N -->` instead,
    for the caller to put back into the HTML (Markdown need not parse the large quiz HTML)."""
    markers, problems = find_markers(markdown, page=page, line_offset=line_offset)
    if not markers and not problems:
        return markdown
    lines = markdown.splitlines()
    seen: dict[str, int] = {}
    for marker in markers:
        if marker.bank is None:
            html = render_progress(banks, locale=locale, site_id=site_id, href_for=href_for_bank)
        elif marker.bank not in banks:
            problems.append(Problem(page, marker.line, 0, "", f"unknown quiz bank {marker.bank!r}"))
            continue
        elif marker.count and marker.count > len(banks[marker.bank].questions):
            problems.append(Problem(page, marker.line, 0, "", f"count={marker.count} but bank {marker.bank!r} "
                                    f"has only {len(banks[marker.bank].questions)} questions"))
            continue
        elif marker.bank in seen:
            problems.append(Problem(page, marker.line, 0, "", f"quiz bank {marker.bank!r} is already "
                                    f"embedded on this page (line {seen[marker.bank]})"))
            continue
        else:
            bank = banks[marker.bank]
            seen[marker.bank] = marker.line
            draw = marker.count if marker.count and marker.count < len(bank.questions) else None
            html = render_quiz(bank, locale=locale, link_for=link_for, site_id=site_id, count=draw)
        if stash is not None:
            html = pages.stash("quiz", stash, html)
        # Blank lines around keep Markdown from wrapping the block in a paragraph.
        lines[marker.index] = f"\n{html}\n"
    if problems:
        raise UserError(sorted(problems))
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")
