"""`lang` on text in another language (WCAG 3.1.2): find and mark runs of another script in page HTML.

- On Vietnamese and English pages, Khmer-script runs (the glossary's Khmer column, language names)
  must sit inside an element with `lang="km"`: `mark_foreign_runs` wraps each unmarked run in
  `<span lang="km">`.
- On Khmer pages, Latin runs that contain a letter only Vietnamese uses (ă â đ ê ô ơ ư or a tone mark:
  "Điều 2", "Luật Hòa giải ở cơ sở") are wrapped in `<span lang="vi">`. Plain ASCII runs are left alone
  (English or Vietnamese cannot be told apart without diacritics).

Pure functions on text (meant for the build's `on_page_content` hook); `unmarked_runs` is the check.
Text inside <script>, <style>, <code>, <pre>, <svg>, <math> and attribute values is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hoagiai import htmltext
from hoagiai.pages import FALLBACK_END

KHMER = "\u1780-\u17FF\u19E0-\u19FF"
_KHMER_RUN = re.compile(rf"[{KHMER}](?:[{KHMER}\s\u200b\u200c\u200d()/,.;:!?\-–—]*[{KHMER}])?")
_LATIN_WORD = r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]+"
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?:[\s,;:/\-–—0-9]+{_LATIN_WORD})*(?:\s+[0-9]+(?:/[0-9A-Za-z\u0110\u0111-]+)*)?")
# Letters Vietnamese uses and English does not: ă â đ ê ô ơ ư and any tone mark (NFD combining marks).
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")

_SKIP = {"script", "style", "code", "pre", "svg", "math", "textarea", "kbd", "samp", "title"}
_LANG_ATTR = re.compile(r"""\blang\s*=\s*(["']?)([A-Za-z-]+)\1""")


def is_vietnamese_word(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    return "đ" in word.lower() or any(ch in _VI_MARKS for ch in decomposed)


def _runs(text: str, page_lang: str) -> list[tuple[int, int, str]]:
    """(start, end, lang) of runs in `text` that belong to another language than `page_lang`."""
    if page_lang.startswith("km"):
        out = []
        for m in _LATIN_RUN.finditer(text):
            if any(is_vietnamese_word(w) for w in re.findall(_LATIN_WORD, m.group(0))):
                out.append((m.start(), m.end(), "vi"))
        return out
    return [(m.start(), m.end(), "km") for m in _KHMER_RUN.finditer(text)]


def _walk(html: str, page_lang: str):
    """Yield (kind, token, inherited_lang, skipped) over the HTML, tracking lang and skipped elements."""
    stack: list[tuple[str, str, bool]] = []  # (tag, effective lang, effective skip), kept per level
    for kind, name, raw in htmltext.tokens(html):
        if kind == "text":
            lang, skip = stack[-1][1:] if stack else (page_lang, False)
            yield "text", raw, lang, skip
            continue
        if kind == "end":
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        elif kind == "start":
            lang, skip = stack[-1][1:] if stack else (page_lang, False)
            lang_m = _LANG_ATTR.search(raw) if "lang" in raw else None
            stack.append((name, lang_m.group(2) if lang_m else lang, skip or name in _SKIP))
        yield "tag", raw, None, False


_FALLBACK_START, _FALLBACK_END = '<div lang="vi" data-hg-fallback>', FALLBACK_END
_ANY_KHMER = re.compile(f"[{KHMER}]+")
_MARKED_BEFORE = re.compile(r'lang="km"[^<>]*>\s*$')


_VI_LETTER = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")


def _nothing_to_mark(html: str, page_lang: str) -> bool:
    """Fast paths: a Khmer page part with no Vietnamese letter; a vi/en page whose every Khmer run sits
    right after a tag that says lang="km"."""
    if page_lang.startswith("km"):
        return not _VI_LETTER.search(html)
    return all(_MARKED_BEFORE.search(html, max(0, m.start() - 200), m.start())
               for m in _ANY_KHMER.finditer(html))


def mark_foreign_runs(html: str, page_lang: str) -> str:
    """Wrap every run of another script that is not already inside an element of that language."""
    if _nothing_to_mark(html, page_lang):
        return html
    head_end = html.find("</head>")
    if head_end > 0:  # the head holds only a title and attributes: nothing there is ever marked
        head_end += len("</head>")
        return html[:head_end] + mark_foreign_runs(html[head_end:], page_lang)
    # A fallback page's content is one block already marked lang="vi" (hoagiai.pages.wrap_lang): unless
    # it holds Khmer, only the page around it needs the walk.
    start, end = html.find(_FALLBACK_START), html.find(_FALLBACK_END)
    if 0 <= start < end and not _ANY_KHMER.search(html, start, end):  # Khmer inside still needs its lang
        end += len(_FALLBACK_END)
        return (mark_foreign_runs(html[:start], page_lang) + html[start:end]
                + mark_foreign_runs(html[end:], page_lang))
    out = []
    for kind, token, lang, skip in _walk(html, page_lang):
        if kind == "tag" or skip:
            out.append(token)
            continue
        pos, parts = 0, []
        for start, end, run_lang in _runs(token, lang):
            if (lang or "").split("-")[0] == run_lang:
                continue
            parts += [token[pos:start], f'<span lang="{run_lang}">', token[start:end], "</span>"]
            pos = end
        parts.append(token[pos:])
        out.append("".join(parts))
    return "".join(out)


@dataclass(frozen=True)
class Unmarked:
    lang: str  # the language the run is in
    text: str  # the run (shortened)

    def __str__(self) -> str:
        return f'{self.lang} text without lang="{self.lang}": {self.text}'


def unmarked_runs(html: str, page_lang: str) -> list[Unmarked]:
    """Runs of another script with no ancestor carrying their language (the check for the tests)."""
    found = []
    for kind, token, lang, skip in _walk(html, page_lang):
        if kind == "text" and not skip:
            for start, end, run_lang in _runs(token, lang):
                if (lang or "").split("-")[0] != run_lang:
                    found.append(Unmarked(run_lang, token[start:end][:60]))
    return found
