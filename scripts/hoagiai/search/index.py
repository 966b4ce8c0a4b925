"""Build one search index per language from the pages' content HTML."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

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


_HEADING = {"h1", "h2", "h3"}
_SKIP = {"script", "style", "nav", "svg"}


class _Sections(HTMLParser):
    """Split content HTML into sections at h1–h3, dropping anything under data-search-exclude."""

    def __init__(self, url: str, title: str):
        super().__init__(convert_charrefs=True)
        self.url, self.title = url, title
        self.sections = [Section(url, title, "")]
        self.stack: list[tuple[str, bool]] = []  # (tag, excluded?)
        self.heading: list[str] | None = None
        self.heading_id = ""

    @property
    def excluded(self) -> bool:
        return any(ex for _, ex in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        void = tag in ("br", "img", "input", "hr", "meta", "link", "wbr", "source")
        exclude = tag in _SKIP or "data-search-exclude" in attrs or "headerlink" in (attrs.get("class") or "")
        if tag in _HEADING and not self.excluded:
            self.heading, self.heading_id = [], attrs.get("id", "")
        if not void:
            self.stack.append((tag, exclude))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in _HEADING and self.heading is not None:
            text = " ".join("".join(self.heading).split())
            if tag == "h1" or not self.heading_id:
                self.sections[0].heading = self.sections[0].heading or ""
            else:
                self.sections.append(Section(f"{self.url}#{self.heading_id}", self.title, text))
            self.heading = None

    def handle_data(self, data):
        if self.excluded:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.sections[-1].text.append(data)


def page_sections(content_html: str, url: str, title: str, description: str = "") -> list[Section]:
    parser = _Sections(url, title)
    parser.sections[0].text.append(description + " ")
    parser.feed(content_html)
    parser.close()
    return [s for s in parser.sections if s.heading or "".join(s.text).strip() or s is parser.sections[0]]


def load_synonyms(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    groups = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [[fold(p) for p in group] for group in groups]


def build_index(sections: list[Section], synonyms: list[list[str]]) -> dict:
    """{"s": [[url, title, heading, text]], "v": {token: [section ids]}, "y": synonym groups}."""
    rows, vocab = [], {}
    for i, sec in enumerate(sections):
        text = " ".join("".join(sec.text).split())
        rows.append([sec.url, sec.title, sec.heading, text])
        for tok in set(tokens(f"{sec.title if not sec.heading else ''} {sec.heading} {text}")):
            vocab.setdefault(tok, []).append(i)
    return {"s": rows, "v": dict(sorted(vocab.items())), "y": synonyms}


def write_index(path: Path, index: dict) -> None:
    """A .js file (not .json) so it also loads from file://, where fetch/XHR are blocked."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"window.HG_SEARCH_INDEX={data};\n", encoding="utf-8")
