"""`lang` on text in another language (WCAG 3.1.2): find and mark runs of another script in page HTML.

- On Vietnamese and English pages, Khmer-script runs (the glossary's Khmer column, language names)
  must sit inside an element with `lang="km"`: `mark_foreign_runs` wraps each unmarked run in
  `<span lang="km">`.
- On Khmer pages, Latin runs that contain a letter only Vietnamese uses (ă â đ ê ô ơ ư or a tone mark:
  "Điều 2", "Luật Hòa giải ở cơ sở") are wrapped in `<span lang="vi">`. Plain ASCII runs are left alone
  (English or Vietnamese cannot be told apart without diacritics).

Pure functions on text (the build's `on_post_page` hook marks every page); `unmarked_runs` is the check.
Text inside <script>, <style>, <code>, <pre>, <svg>, <math> and attribute values is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hoagiai import htmltext

KHMER = "\u1780-\u17FF\u19E0-\u19FF"
_KHMER_RUN = re.compile(rf"[{KHMER}](?:[{KHMER}\s\u200b\u200c\u200d()/,.;:!?\-–—]*[{KHMER}])?")
_LATIN_WORD = r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]+"
_LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?:[\s,;:/\-–—0-9]+{_LATIN_WORD})*(?:\s+[0-9]+(?:/[0-9A-Za-z\u0110\u0111-]+)*)?")
# Letters Vietnamese uses and English does not: ă â đ ê ô ơ ư and any tone mark (NFD combining marks).
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")

_SKIP = {"script", "style", "code", "pre", "svg", "math", "textarea", "kbd", "samp", "title"}
_LANG_ATTR = re.compile(r"""(?<![\w-])lang\s*=\s*(["']?)([A-Za-z-]+)\1""")


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


_ANY_KHMER = re.compile(f"[{KHMER}]")
_VI_LETTER = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")
_SKIP_START = htmltext.start_tags(_SKIP)
_LANG_VALUE = re.compile(r"""lang\s*=\s*(["']?)([A-Za-z-]+)\1""")  # starts with a literal: a fast scan


def _lang_segments(html: str, page_lang: str, skipped: list[tuple[int, int]]):
    """(start, end, lang) covering the whole HTML: the language every stretch inherits."""
    elements = []
    for m in _LANG_VALUE.finditer(html):
        if m.start() == 0 or not html[m.start() - 1].isspace():
            continue  # hreflang=, data-lang=
        span = htmltext.element_with(html, m.start())
        if span is None or htmltext.inside(skipped, span[0]):
            continue  # text, or inside a script or a comment: not an element's attribute
        elements.append((*span, m.group(2)))
    stack, pos = [(0, len(html), page_lang)], 0
    for start, end, lang in elements:
        while stack[-1][1] <= start:
            yield pos, stack[-1][1], stack[-1][2]
            pos = stack.pop()[1]
        if end > stack[-1][1]:
            raise htmltext.Unmatched("elements overlap")
        yield pos, start, stack[-1][2]
        pos = start
        stack.append((start, end, lang))
    while stack:
        yield pos, stack[-1][1], stack[-1][2]
        pos = stack.pop()[1]


def mark_foreign_runs(html: str, page_lang: str) -> str:
    """Wrap every run of another script that is not already inside an element of that language.

    Only text holding a letter of the other script is looked at: on a Khmer stretch, text with a Vietnamese
    letter; elsewhere, text with a Khmer letter (a full walk costs ~10× more on every Khmer page)."""
    try:
        skipped = htmltext.outermost_spans(html, _SKIP_START)
        segments = list(_lang_segments(html, page_lang, skipped))
        out, done = [], 0
        for seg_start, seg_end, lang in segments:
            other_script = _VI_LETTER if lang.split("-")[0] == "km" else _ANY_KHMER
            pos = seg_start
            while (m := other_script.search(html, pos, seg_end)) is not None:
                if htmltext.in_tag(html, m.start()):  # an attribute value
                    pos = html.find(">", m.start()) + 1 or seg_end
                    continue
                if skip_end := htmltext.inside(skipped, m.start()):
                    pos = skip_end
                    continue
                text_start, text_end = html.rfind(">", 0, m.start()) + 1, html.find("<", m.start())
                text_end = len(html) if text_end < 0 else text_end
                out.append(html[done:text_start])
                out.append(_mark_text(html[text_start:text_end], lang))
                done = pos = text_end
    except htmltext.Unmatched:
        return _mark_by_walk(html, page_lang)
    out.append(html[done:])
    return "".join(out)


def _mark_text(text: str, lang: str) -> str:
    pos, parts = 0, []
    for start, end, run_lang in _runs(text, lang):
        if (lang or "").split("-")[0] == run_lang:
            continue
        parts += [text[pos:start], f'<span lang="{run_lang}">', text[start:end], "</span>"]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _mark_by_walk(html: str, page_lang: str) -> str:
    """The same marking by a walk over every tag (for HTML whose elements do not match up)."""
    return "".join(token if kind == "tag" or skip else _mark_text(token, lang)
                   for kind, token, lang, skip in _walk(html, page_lang))


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
