"""Heading ids: Vietnamese folded to ASCII ("Điều 24" → "dieu-24"), other scripts (Khmer) kept.

The default toc slugify is ASCII-only: it turns "Điều" into "ieu" and every Khmer heading into "_1", "_2".
"""

import re
import unicodedata
from functools import lru_cache

_SPLIT = re.compile(r"[^\w\u0300-\u036f\u1780-\u17ff\u19e0-\u19ff]+|_+")


@lru_cache(maxsize=16384)  # every build slugs the same headings in three languages
def fold(text: str) -> str:
    """NFC text without Latin diacritics and with đ→d; marks on other scripts (Khmer) are kept."""
    out: list[str] = []
    base_is_latin = False
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(ch):
            if base_is_latin:
                continue
        else:
            base_is_latin = ch.isascii()
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def slugify(value: str, separator: str = "-", **_options) -> str:
    words = [w for w in _SPLIT.split(fold(value).lower()) if w]
    return separator.join(words)
