"""One YAML reading: the fast libyaml path means exactly what ruamel (YAML 1.2) reads, on any scalar and on
every real data file; front matter scalars that MkDocs (YAML 1.1) reads differently are named."""

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from hoagiai import yamlio
from hoagiai.source import read_page

ROOT = Path(__file__).resolve().parents[2]
TRICKY = ["010", "0o10", "0x1F", "0b101", "1:20", "190:20:30", "yes", "no", "on", "off", "Yes", "NO", "y", "n",
          "true", "False", "~", "null", "1e3", "1E3", "1.5e3", ".5", "-.5", "+.5e-3", "1_000", "0_7", ".inf",
          "-.Inf", ".nan", "2024-01-31", "2024-1-1 1:02:03", "2001-12-14t21:59:43.10-05:00", "+1", "-0", "08",
          "09.5", "1.", "12e4567890ab", "123e45678901", "0123456789ab", "mt1", "a: b"]


def ruamel(text: str):
    return YAML(typ="safe", pure=True).load(text)


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("scalar", TRICKY)
def test_tricky_scalars_read_as_ruamel_reads_them(scalar):
    text = f"v: {scalar}\n"
    try:
        expected = ruamel(text)
    except Exception:  # noqa: BLE001 — ruamel refuses it: the fast reading must refuse it too
        with pytest.raises(Exception):  # noqa: B017
            yamlio.load_fast(text)
        return
    assert same(yamlio.load_fast(text)["v"], expected["v"])


plain = st.text(alphabet="0123456789abcdefoxyesnulrtEIN.+-_:~ ", min_size=1, max_size=12).map(str.strip).filter(bool)


@settings(max_examples=400, deadline=None)
@given(plain)
def test_any_plain_scalar_reads_the_same(scalar):
    text = f"v: {scalar}\n"
    try:
        expected = ruamel(text)["v"]
    except Exception:  # noqa: BLE001 — not a valid plain scalar for either reading
        return
    try:
        got = yamlio.load_fast(text)["v"]
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"{scalar!r}: ruamel reads {expected!r}, the fast path fails: {exc}")
    assert same(got, expected), f"{scalar!r}: fast {got!r} ≠ ruamel {expected!r}"


def data_files():
    yield from sorted((ROOT / "quizzes").glob("*.yml"))
    yield from sorted((ROOT / "data").glob("*.yml"))


@pytest.mark.parametrize("path", list(data_files()), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_reads_the_same(path):
    text = path.read_text(encoding="utf-8")
    assert yamlio.load_fast(text) == ruamel(text)


def test_every_lesson_front_matter_reads_the_same():
    for path in sorted((ROOT / "docs" / "bai-giang-mau").glob("mo-dun-*.md")):
        page = read_page(path)
        assert yamlio.load_fast(page.meta_text) == ruamel(page.meta_text), path.name


def test_front_matter_scalars_mkdocs_reads_differently_are_named():
    text = "title: x\nreview: yes\nmodule: 010\nat: 1:20\nn: 1e3\nok: '010'\ndate: 2026-11-26\nsize: 1_000\n"
    assert [str(p) for p in yamlio.ambiguous_scalars(text, "docs/x.md", line_offset=1)] == [
        "docs/x.md:3:9: 'yes' means True to MkDocs (YAML 1.1) but 'yes' to hoagiai (YAML 1.2): quote it (\"yes\")",
        "docs/x.md:4:9: '010' means 8 to MkDocs (YAML 1.1) but 10 to hoagiai (YAML 1.2): quote it (\"010\")",
        "docs/x.md:5:5: '1:20' means 80 to MkDocs (YAML 1.1) but '1:20' to hoagiai (YAML 1.2): quote it (\"1:20\")",
        "docs/x.md:6:4: '1e3' means '1e3' to MkDocs (YAML 1.1) but 1000.0 to hoagiai (YAML 1.2): quote it (\"1e3\")",
    ]


def test_positions_and_syntax_errors():
    data, problems = yamlio.load_positions("a:\n  b: [1, 2\n", "x.yml")
    assert data is None and problems[0].file == "x.yml" and problems[0].line == 3
    data, problems = yamlio.load_positions("a:\n  - {k: 1}\n", "x.yml")
    assert problems == [] and yamlio.item_pos(data["a"], 0, (0, 0)) == (2, 5)
