"""Paths and the standalone page builder shared by the quiz tests (imported as a plain module)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
ASSETS = ROOT / "docs" / "assets" / "quiz"
GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, actual: str) -> None:
    """`actual` must equal golden/<name>; UPDATE_GOLDEN=1 rewrites the file (then review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: rerun with UPDATE_GOLDEN=1 and review"

def standalone_page(folder: Path, body: str, *, lang: str = "vi", name: str = "page.html") -> Path:
    """A page as the offline site would serve it: shared quiz.js/quiz.css beside it, no network."""
    folder.mkdir(parents=True, exist_ok=True)
    for asset in ("quiz.js", "quiz.css"):
        shutil.copy(ASSETS / asset, folder / asset)
    page = folder / name
    page.write_text(
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="hoagiai-site-id" content="test-site"><title>Quiz</title>'
        '<link rel="stylesheet" href="quiz.css"><script src="quiz.js" defer></script></head>'
        f'<body><header class="md-header"></header><main id="main" class="md-main">'
        f'<div class="md-content"><article class="md-content__inner">{body}</article></div></main></body></html>',
        encoding="utf-8")
    return page
