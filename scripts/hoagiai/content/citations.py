"""Citations in text: "Điều 24 Luật Hòa giải ở cơ sở", "khoản 2 Điều 12 Luật Hòa giải ở cơ sở",
"Điều 5 Nghị định 15/2014/NĐ-CP" → the document page's `#dieu-N` anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from hoagiai import htmltext
from hoagiai.content.register import Register


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    doc_id: str
    article: int
    text: str


def citation_pattern(register: Register) -> re.Pattern:
    names = {name: doc.id for doc in register.values() for name in (doc.short, *doc.aliases)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:(?:điểm [a-zđ] )?khoản \d+ )?Điều (\d+) (?:của )?({alternatives})(?![\w/])")


class Citations:
    def __init__(self, register: Register):
        self.register = register
        self.pattern = citation_pattern(register)
        self.by_name = {name: doc.id for doc in register.values() for name in (doc.short, *doc.aliases)}

    def find(self, text: str) -> list[Citation]:
        return [Citation(m.start(), m.end(), self.by_name[m.group(2)], int(m.group(1)), m.group(0))
                for m in self.pattern.finditer(text)]

    def problem(self, citation: Citation) -> str | None:
        doc = self.register[citation.doc_id]
        if citation.article not in doc.articles:
            return (f'"{citation.text}": {doc.short} ({doc.number}) has no verified article '
                    f"{citation.article} in the register")
        return None


_SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "samp", "title"}


def link_citations(html: str, citations: Citations, href_for) -> tuple[str, list[str]]:
    """Wrap citations in links, never inside links, code or headings. Returns (html, problems)."""
    problems: list[str] = []
    if not citations.pattern.search(html):  # most of the cost is the walk: skip pages without a citation
        return html, problems
    out: list[str] = []
    skip = 0
    for kind, name, raw in htmltext.tokens(html):
        if kind == "start" and name in _SKIP:
            skip += 1
        elif kind == "end" and name in _SKIP and skip:
            skip -= 1
        if kind != "text" or skip or "Điều " not in raw:
            out.append(raw)
            continue
        pos = 0
        for cit in citations.find(raw):
            problem = citations.problem(cit)
            if problem:
                problems.append(problem)
                continue
            doc = citations.register[cit.doc_id]
            title = f"{doc.short}, Điều {cit.article}. {doc.articles[cit.article]}"
            out.append(raw[pos:cit.start])
            out.append(f'<a class="hg-cite" href="{escape(href_for(doc.href(cit.article)))}" '
                       f'title="{escape(title)}">{raw[cit.start:cit.end]}</a>')
            pos = cit.end
        out.append(raw[pos:])
    return "".join(out), problems
