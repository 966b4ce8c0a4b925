"""Citations in text: "Điều 24 Luật Hòa giải ở cơ sở", "khoản 2 Điều 12 Luật Hòa giải ở cơ sở",
"Điều 5 Nghị định 15/2014/NĐ-CP" → the document page's `#dieu-N` anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from hoagiai import htmltext
from hoagiai.content.register import Register
from hoagiai.i18n import t


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    doc_id: str
    article: int
    text: str


def article_pattern(register: Register) -> re.Pattern:
    """"Điều N <document name>": starts with a literal, so the regex engine skips ahead fast."""
    names = {name: doc.id for doc in register.values() for name in (doc.short, *doc.aliases)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"Điều (\d+) (?:của )?({alternatives})(?![\w/])")


_CLAUSE_BEFORE = re.compile(r"(?:điểm [a-zđ] )?khoản \d+ $")  # "khoản 2 " or "điểm a khoản 2 " right before


class Citations:
    def __init__(self, register: Register):
        self.register = register
        self.pattern = article_pattern(register)
        self.by_name = {name: doc.id for doc in register.values() for name in (doc.short, *doc.aliases)}

    def find(self, text: str) -> list[Citation]:
        found = []
        for m in self.pattern.finditer(text):
            clause = _CLAUSE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            start = clause.start() if clause else m.start()
            found.append(Citation(start, m.end(), self.by_name[m.group(2)], int(m.group(1)), text[start:m.end()]))
        return found

    def problem(self, citation: Citation) -> str | None:
        doc = self.register[citation.doc_id]
        if citation.article not in doc.articles:
            return (f'"{citation.text}": {doc.short} ({doc.number}) has no verified article '
                    f"{citation.article} in the register")
        return None


def cite_link(doc, article: int, text_html: str, href_for, locale: str = "vi") -> str:
    """A citation's link to the article on its document page (the article's title on hover), followed by the
    unverified marker when the register knows the article only from a secondary source."""
    title = f"{doc.short}, Điều {article}. {doc.articles[article]}"
    link = f'<a class="hg-cite" href="{escape(href_for(doc.href(article)))}" title="{escape(title)}">{text_html}</a>'
    if article in doc.secondary:
        link += (f' <em class="hg-unverified" title="{escape(t("unverified.secondary", locale))}">'
                 f'{escape(t("unverified.label", locale))}</em>')
    return link


_NOT_LINKED = htmltext.start_tags(["a", "code", "pre", "h[1-6]", "script", "style", "kbd", "samp", "title"])


def link_citations(html: str, citations: Citations, href_for, locale: str = "vi") -> tuple[str, list[str]]:
    """Wrap citations in links, never inside links, code, headings, comments or attributes; an article the
    register knows only from a secondary source gets the unverified marker after its link.
    Returns (html, problems)."""
    problems: list[str] = []
    found = [c for c in citations.find(html) if not htmltext.in_tag(html, c.start)]
    if not found:
        return html, problems
    not_linked = htmltext.outermost_spans(html, _NOT_LINKED)  # raises htmltext.Unmatched
    out, pos = [], 0
    for cit in found:
        if htmltext.inside(not_linked, cit.start):
            continue
        problem = citations.problem(cit)
        if problem:
            problems.append(problem)
            continue
        out.append(html[pos:cit.start])
        out.append(cite_link(citations.register[cit.doc_id], cit.article, cit.text, href_for, locale))
        pos = cit.end
    out.append(html[pos:])
    return "".join(out), problems
