"""Shared fixtures: the reference bank, the real register, source links."""

import pytest
from quiz_support import FIXTURES, ROOT

from hoagiai.content.register import load_register
from hoagiai.quiz.embed import register_link_for
from hoagiai.quiz.loader import load_banks


@pytest.fixture(scope="session")
def register():
    return load_register(ROOT / "data" / "legal-register.yml")


@pytest.fixture(scope="session")
def banks(register):
    return load_banks([FIXTURES / "banks" / "m01.yml"], root=ROOT, register=register)


@pytest.fixture(scope="session")
def link_for(register):
    return register_link_for(register, page="chuong-trinh/mo-dun-01/index.md", use_directory_urls=False)
