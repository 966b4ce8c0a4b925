"""Build one search index per language from the pages' content HTML."""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hoagiai import htmltext
from hoagiai.yamlio import load_fast

_MARKS = re.compile(r"[\u0300-\u036f]")
# Latin/digit tokens after folding. Khmer runs are left to the browser's segmenter (same one as queries).
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Mirror of search.js fold(): NFD, drop U+0300–U+036F marks, đ→d, lower case, NFC."""
    text = _MARKS.sub("", unicodedata.normalize("NFD", text)).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", text.lower())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


@dataclass
class Section:
    url: str       # site-relative, with #anchor for sub-sections
    title: str     # page title
    heading: str   # section heading ("" for the page's top part)
    text: list[str] = field(default_factory=list)

    def at(self, page_url: str) -> Section:
        """The same section on the page at page_url (sections are built with url "" or "#anchor")."""
        return Section(page_url + self.url, self.title, self.heading, self.text)


_EXCLUDED = htmltext.start_tags(["script", "style", "nav", "svg"])
_EXCLUDED_BY_ATTRIBUTE = ("data-search-exclude", 'class="headerlink"')
_HEADING = re.compile(r"<h([1-3])\b([^>]*)>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]*)"')


def _searchable(content_html: str) -> str:
    """The HTML without comments, scripts, navigation, icons and what is marked data-search-exclude."""
    spans = htmltext.outermost_spans(content_html, _EXCLUDED)
    for attribute in _EXCLUDED_BY_ATTRIBUTE:
        spans += htmltext.spans_of_tags_with(content_html, attribute)
    kept, pos = [], 0
    for start, end in sorted(spans):
        if end > pos:  # a span inside one already dropped adds nothing
            kept.append(content_html[pos:max(pos, start)])
            pos = end
    kept.append(content_html[pos:])
    return "".join(kept)


def page_sections(content_html: str, url: str, title: str, description: str = "") -> list[Section]:
    """Split content HTML into sections at h2–h3 headings with an id (an h1's text is the page title)."""
    html = _searchable(content_html)
    sections = [Section(url, title, "", [description + " "])]
    pos = 0
    for m in _HEADING.finditer(html):
        sections[-1].text.append(htmltext.strip_tags(html[pos:m.start()]))
        heading_id = (_ID.search(m.group(2)) or [None, ""])[1]
        if m.group(1) != "1" and heading_id:
            heading = " ".join(html_lib.unescape(htmltext.strip_tags(m.group(3))).split())
            sections.append(Section(f"{url}#{heading_id}", title, heading))
        pos = m.end()
    sections[-1].text.append(htmltext.strip_tags(html[pos:]))
    for sec in sections:
        sec.text = [html_lib.unescape("".join(sec.text))]
    return [s for s in sections if s.heading or s.text[0].strip() or s is sections[0]]


def load_synonyms(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    groups = load_fast(path.read_text(encoding="utf-8")) or []
    return [[fold(p) for p in group] for group in groups]


def build_index(sections: list[Section], synonyms: list[list[str]]) -> dict:
    """{"s": [[url, title, heading, text]], "v": {token: [section ids]}, "y": synonym groups}."""
    rows, vocab = [], defaultdict(list)
    for i, sec in enumerate(sections):
        text = _joined(tuple(sec.text))
        rows.append([sec.url, sec.title, sec.heading, text])
        for tok in _section_tokens("" if sec.heading else sec.title, sec.heading, text):
            vocab[tok].append(i)
    return {"s": rows, "v": dict(sorted(vocab.items())), "y": synonyms}


@cache  # fallback pages repeat the same sections in every language
def _joined(parts: tuple[str, ...]) -> str:
    return " ".join("".join(parts).split())


@cache
def _section_tokens(title: str, heading: str, text: str) -> frozenset[str]:
    return frozenset(tokens(f"{title} {heading} {text}"))


def build_shared_index(sections: list[Section], vi_sections: list[Section], prefix: str,
                       synonyms: list[list[str]]) -> dict:
    """The index of a language whose pages are mostly Vietnamese pages shown as fallback: it holds its own
    sections only, and refers to the Vietnamese index for a page whose sections are the Vietnamese page's
    ("m": [[0 own or 1 Vietnamese, first section id, count], ...] in page order; "p": the URL prefix of
    this language). search.js merges the two into the index `build_index(sections)` would give."""
    vi_pages = {url: (first, block) for url, first, block in _pages(vi_sections)}
    own, plan = [], []
    for url, _, block in _pages(sections):
        first, vi_block = vi_pages.get(url.removeprefix(prefix), (0, []))
        if url.startswith(prefix) and _same_sections(block, vi_block, prefix):
            step = [1, first, len(block)]
        else:
            step = [0, len(own), len(block)]
            own += block
        if plan and plan[-1][0] == step[0] and plan[-1][1] + plan[-1][2] == step[1]:
            plan[-1][2] += step[2]  # one step for a run of consecutive sections
        else:
            plan.append(step)
    return {**build_index(own, synonyms), "m": plan, "p": prefix}


def _pages(sections: list[Section]):
    """(page URL, id of its first section, its sections): a page's sections are consecutive."""
    first = 0
    for i in range(1, len(sections) + 1):
        if i == len(sections) or sections[i].url.split("#")[0] != sections[first].url.split("#")[0]:
            yield sections[first].url.split("#")[0], first, sections[first:i]
            first = i


def _same_sections(block: list[Section], vi_block: list[Section], prefix: str) -> bool:
    return len(block) == len(vi_block) and all(
        a.url == prefix + b.url and (a.title, a.heading, a.text) == (b.title, b.heading, b.text)
        for a, b in zip(block, vi_block))


def write_index(path: Path, index: dict, lang: str) -> None:
    """A .js file (not .json) so it also loads from file://, where fetch/XHR are blocked. One global per
    language: a Khmer or English page loads its own index and the Vietnamese one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f'(window.HG_SEARCH=window.HG_SEARCH||{{}})["{lang}"]={data};\n', encoding="utf-8")
