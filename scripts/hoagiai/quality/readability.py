"""Reading level of the Vietnamese pages: mean sentence length per page, pages above a threshold.

Vietnamese writes one syllable per space-separated token, so lengths are counted in syllables (tokens
with at least one letter or digit). Plain-language guidance for readers with little schooling: keep
sentences short; above a mean of 20 syllables (about 12–14 English words) a page is listed for a second
look (measured 2026-11-26: median 13.8 over 125 pages, highest 20.3).
A report, not a gate: `hoagiai check --report` shows it.

What counts as text: paragraphs, list items, admonition bodies, blockquotes. Left out: front matter,
headings, tables, code, HTML tags and comments (quiz markers), link targets, images, trainer-only notes
are kept (trainers read them too). A sentence ends at . ! ? … (followed by a space or the end), at the
end of a paragraph, list item or table-free block.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from hoagiai.source import is_translation, parse_markdown

THRESHOLD = 20.0  # mean syllables per sentence above which a page is listed

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_ATTR_LIST = re.compile(r"\{[:#.][^}]*\}|\{ *[#.][^}]*\}|\{ *data-[^}]*\}")
_PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\S+.*$")
_END = re.compile(r"(?<=[.!?…])[\"”'»)]*\s+")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass
class PageReading:
    path: str
    sentences: int
    syllables: int
    longest: int
    longest_text: str = ""

    @property
    def mean(self) -> float:
        return round(self.syllables / self.sentences, 1) if self.sentences else 0.0


@dataclass
class Report:
    threshold: float
    pages: list[PageReading] = field(default_factory=list)

    @property
    def above(self) -> list[PageReading]:
        return sorted((p for p in self.pages if p.mean > self.threshold), key=lambda p: -p.mean)

    def as_dict(self) -> dict:
        means = [p.mean for p in self.pages if p.sentences]
        return {
            "threshold": self.threshold,
            "unit": "syllables per sentence",
            "pages": len(self.pages),
            "median_of_means": round(statistics.median(means), 1) if means else 0,
            "above": [{"path": p.path, "mean": p.mean, "sentences": p.sentences, "longest": p.longest}
                      for p in self.above],
            "per_page": {p.path: p.mean for p in self.pages},
        }

    def as_text(self) -> str:
        d = self.as_dict()
        lines = [(f"Reading level (vi pages): median {d['median_of_means']} syllables per sentence over "
                  f"{d['pages']} pages; {len(d['above'])} above {self.threshold:g}:")]
        for p in self.above:
            lines.append(f"  {p.path}: {p.mean} ({p.sentences} sentences, longest {p.longest}: "
                         f"{p.longest_text[:80]}…)")
        return "\n".join(lines)


def plain_blocks(markdown: str) -> list[str]:
    """The prose blocks of a Markdown page (paragraphs, list items, admonition bodies), as plain text."""
    text = _COMMENT.sub("", parse_markdown(markdown.replace("\r\n", "\n")).prose_text)
    blocks, current = [], []

    def flush():
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith(("#", "|", "---", "***", "___", "[^", "*[")) or _ADMONITION.match(raw):
            flush()
            continue
        if _BLOCK_START.match(raw):
            flush()
            line = _BLOCK_START.sub("", raw).strip()
        line = line.lstrip("> ").strip()
        current.append(line)
    flush()
    out = []
    for block in blocks:
        block = _IMAGE.sub("", block)
        block = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", block)
        block = _TAG.sub(" ", block)
        block = _ATTR_LIST.sub("", block)
        block = _PLACEHOLDER.sub("X", block)
        block = re.sub(r"[*_`]+", "", block)
        block = re.sub(r"\s+", " ", block).strip()
        if block:
            out.append(block)
    return out


def sentences(markdown: str) -> list[str]:
    out = []
    for block in plain_blocks(markdown):
        out += [s.strip() for s in _END.split(block) if _WORD.search(s)]
    return out


def syllables(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def page_reading(markdown: str, path: str = "") -> PageReading:
    sents = sentences(markdown)
    lengths = [syllables(s) for s in sents]
    longest = max(range(len(sents)), key=lengths.__getitem__) if sents else None
    return PageReading(path, len(sents), sum(lengths), lengths[longest] if sents else 0,
                       sents[longest] if sents else "")


def is_vietnamese_source(path: Path) -> bool:
    """docs/x.md, not docs/x.en.md / docs/x.km.md (static-i18n suffix structure)."""
    return path.suffix == ".md" and not is_translation(path)


def report(docs: Path, *, threshold: float = THRESHOLD, root: Path | None = None) -> Report:
    """Mean sentence length of every Vietnamese page under `docs` (paths shown relative to `root`)."""
    docs = Path(docs)
    root = Path(root) if root else docs.parent
    result = Report(threshold)
    for path in sorted(docs.rglob("*.md")):
        if is_vietnamese_source(path):
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            result.pages.append(page_reading(path.read_text(encoding="utf-8"), rel))
    return result
