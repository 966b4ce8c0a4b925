"""Numbers for `hoagiai bench`: quiz asset weight and build-time cost of rendering every quiz."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from hoagiai.content.register import Register
from hoagiai.quiz.embed import register_link_for
from hoagiai.quiz.model import Bank
from hoagiai.quiz.render import render_quiz

ASSETS = Path("docs/assets/quiz")


def assets_gzipped_bytes(root: Path | str = ".") -> int:
    """quiz.js + quiz.css, each gzipped at level 9 (what a web server sends)."""
    folder = Path(root) / ASSETS
    return sum(len(gzip.compress((folder / name).read_bytes(), 9)) for name in ("quiz.js", "quiz.css"))


def render_all_seconds(banks: dict[str, Bank], register: Register, *, locales=("vi", "en", "km"),
                       repeat: int = 3) -> float:
    """Best of `repeat` runs rendering every bank in every locale (the build's quiz cost)."""
    link_for = register_link_for(register, page="index.md", use_directory_urls=True)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for bank in banks.values():
            for locale in locales:
                render_quiz(bank, locale=locale, link_for=link_for, site_id="bench")
        best = min(best, time.perf_counter() - start)
    return best
