"""Citations in text: "Điều 24 Luật Hòa giải ở cơ sở", "khoản 2 Điều 12 Luật Hòa giải ở cơ sở",
"Điều 5 Nghị định 15/2014/NĐ-CP" → the document page's `#dieu-N` anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from html import escape

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


class _Linker(HTMLParser):
    def __init__(self, citations: Citations, href_for, problems: list[str]):
        super().__init__(convert_charrefs=False)
        self.citations, self.href_for, self.problems = citations, href_for, problems
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip:
            self.out.append(data)
            return
        pos = 0
        for cit in self.citations.find(data):
            problem = self.citations.problem(cit)
            if problem:
                self.problems.append(problem)
                continue
            doc = self.citations.register[cit.doc_id]
            title = f"{doc.short}, Điều {cit.article}. {doc.articles[cit.article]}"
            self.out.append(data[pos:cit.start])
            self.out.append(f'<a class="hg-cite" href="{escape(self.href_for(doc.href(cit.article)))}" '
                            f'title="{escape(title)}">{data[cit.start:cit.end]}</a>')
            pos = cit.end
        self.out.append(data[pos:])

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


def link_citations(html: str, citations: Citations, href_for) -> tuple[str, list[str]]:
    """Wrap citations in links, never inside links, code or headings. Returns (html, problems)."""
    problems: list[str] = []
    parser = _Linker(citations, href_for, problems)
    parser.feed(html)
    parser.close()
    return "".join(parser.out), problems
