"""Translations (`page.en.md`, `page.km.md` next to `page.md`): parity with the Vietnamese source
(heading anchors, quiz markers, images, links), staleness (`source_hash`), review state, reports."""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hoagiai.curriculum import TRANSLATED_LOCALES
from hoagiai.errors import Problem
from hoagiai.source import Page, is_translation, read_page

MARKER = "<!-- translations-pending -->"
_QUIZ = re.compile(r"<!--\s*quiz\b[^>]*-->")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?:<([^>]+)>|([^)\s]+))")


def source_hash(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:12]


def _items(pattern: re.Pattern, page: Page) -> list[str]:
    found = []
    for _, line in page.prose():
        for m in pattern.finditer(line):
            found.append(next(g for g in m.groups() if g) if m.groups() else m.group(0))
    return found


def _internal(links: list[str]) -> list[str]:
    return sorted(link.split("#")[0] for link in links
                  if not re.match(r"[a-z]+:", link) and link.split("#")[0].endswith(".md"))


@dataclass
class Translation:
    source: Path
    path: Path
    lang: str
    page: Page

    @property
    def meta(self) -> dict:
        return self.page.meta

    @property
    def pending(self) -> bool:
        return self.meta.get("review") == "pending"


def translations(docs: Path) -> list[Translation]:
    out = []
    for lang in TRANSLATED_LOCALES:
        for path in sorted(docs.rglob(f"*.{lang}.md")):
            source = path.with_name(path.name.removesuffix(f".{lang}.md") + ".md")
            out.append(Translation(source, path, lang, read_page(path)))
    return out


def check(docs: Path, root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for tr in translations(docs):
        rel = str(tr.path.relative_to(root))
        if not tr.source.exists():
            problems.append(Problem(rel, 1, 0, "", f"no Vietnamese source {tr.source.name}"))
            continue
        src, text = read_page(tr.source), tr.page
        missing = [a for a in src.anchors() if a not in text.anchors()]
        if missing:
            problems.append(Problem(rel, 1, 0, "headings", "missing heading anchors of the source: " +
                                    ", ".join(f"#{a}" for a in missing[:8]) + (" …" if len(missing) > 8 else "")))
        for what, pattern in (("quiz markers", _QUIZ), ("images", _IMAGE)):
            if sorted(_items(pattern, src)) != sorted(_items(pattern, text)):
                problems.append(Problem(rel, 1, 0, what, f"differ from {tr.source.name}"))
        lost = sorted(set(_internal(_items(_LINK, src))) - set(_internal(_items(_LINK, text))))
        if lost:
            problems.append(Problem(rel, 1, 0, "links", "links of the source missing: " + ", ".join(lost[:6])))
        recorded = str(tr.meta.get("source_hash", ""))
        if not recorded:
            problems.append(Problem(rel, 1, 0, "front matter", "missing source_hash (the vi text it was made from)"))
        if tr.lang == "km" and not tr.pending and tr.meta.get("review") != "done":
            problems.append(Problem(rel, 1, 0, "front matter", "Khmer page without `review: pending` (or `done`)"))
    return problems


def report(docs: Path) -> dict:
    """Per language: translated, stale, falling back, awaiting review."""
    sources = [p for p in docs.rglob("*.md") if not is_translation(p)]
    out = {}
    trs = translations(docs)
    for lang in TRANSLATED_LOCALES:
        mine = [t for t in trs if t.lang == lang and t.source.exists()]
        stale = [t for t in mine if str(t.meta.get("source_hash")) != source_hash(t.source.read_text(encoding="utf-8"))]
        out[lang] = {
            "pages": len(sources), "translated": len(mine), "falling_back": len(sources) - len(mine),
            "stale": sorted(str(t.path.relative_to(docs)) for t in stale),
            "awaiting_review": sorted(str(t.path.relative_to(docs)) for t in mine if t.pending),
        }
    return out


def pending_table(docs: Path, page_src: str) -> str:
    """Markdown list of pages awaiting native review, for the `<!-- translations-pending -->` marker."""
    here = posixpath.dirname(page_src)
    rows = ["| Trang | Ngôn ngữ | Bản tiếng Việt |", "|---|---|---|"]
    for tr in translations(docs):
        if not tr.pending:
            continue
        rel = tr.path.relative_to(docs).as_posix()
        vi = tr.source.relative_to(docs).as_posix()
        title = tr.meta.get("title", rel)
        rows.append(f"| {title} (`{rel}`) | {tr.lang} | [{vi}]({posixpath.relpath(vi, here or '.')}) |")
    return "\n".join(rows) if len(rows) > 2 else "Không có trang nào đang chờ rà soát."


def fill(markdown: str, docs: Path, page_src: str) -> str:
    return markdown.replace(MARKER, pending_table(docs, page_src)) if MARKER in markdown else markdown
