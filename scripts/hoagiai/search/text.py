"""Folding and tokens, the same in Python and in docs/assets/js/search.js (fold(), tokens())."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile(r"[\u0300-\u036f]")
# Latin/digit tokens after folding. Khmer runs are left to the browser's segmenter (same one as queries).
_TOKEN = re.compile(r"[a-z0-9]+")
KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+")
WORD = re.compile(r"[^\W_]+")  # search.js: /[\p{L}\p{M}\p{N}]+/u on NFC text


@lru_cache(maxsize=65536)  # the index folds the same words again and again
def fold(text: str) -> str:
    """Mirror of search.js fold(): NFD, drop U+0300–U+036F marks, đ→d, lower case, NFC."""
    text = _MARKS.sub("", unicodedata.normalize("NFD", text)).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", text.lower())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def accented_words(text: str) -> set[tuple[str, str]]:
    """(folded token, spelling as written in lower case NFC) of each Latin word, once: "Đất" → ("dat", "đất")."""
    out = set()
    for word in set(WORD.findall(unicodedata.normalize("NFC", text).lower())):
        folded = fold(word)
        if _TOKEN.fullmatch(folded):
            out.add((folded, word))
    return out
