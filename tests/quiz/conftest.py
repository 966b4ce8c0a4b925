"""Shared fixtures: the reference bank, the real register, a standalone quiz page builder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hoagiai.content.register import load_register
from hoagiai.quiz.embed import register_link_for
from hoagiai.quiz.loader import load_banks

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
ASSETS = ROOT / "docs" / "assets" / "quiz"


@pytest.fixture(scope="session")
def register():
    return load_register(ROOT / "data" / "legal-register.yml")


@pytest.fixture(scope="session")
def banks(register):
    return load_banks([FIXTURES / "banks" / "m01.yml"], root=ROOT, register=register)


@pytest.fixture(scope="session")
def link_for(register):
    return register_link_for(register, page="chuong-trinh/mo-dun-01/index.md", use_directory_urls=False)


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
        f'<body><main id="main">{body}</main></body></html>', encoding="utf-8")
    return page
