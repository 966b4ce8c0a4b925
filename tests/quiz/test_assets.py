"""The shared quiz.js/quiz.css: small, dependency-free, CSP-friendly, all UI languages present."""

import gzip
import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "quiz"
JS = (ASSETS / "quiz.js").read_text(encoding="utf-8")
CSS = (ASSETS / "quiz.css").read_text(encoding="utf-8")


def test_js_and_css_fit_in_10_kb_gzipped():
    size = len(gzip.compress(JS.encode(), 9)) + len(gzip.compress(CSS.encode(), 9))
    assert size <= 10 * 1024, size


def test_no_eval_no_network_no_inline_handlers():
    assert not re.search(r"\beval\(|new Function|innerHTML|document\.write", JS)
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|import\(", JS + CSS)
    assert not re.search(r"setAttribute\(\s*['\"]on", JS)


def test_ui_strings_in_every_language():
    blocks = re.findall(r"\n    (vi|en|km): \{(.*?)\n    \}", JS, re.DOTALL)
    keys = {lang: set(re.findall(r"(\w+): \"", body)) for lang, body in blocks}
    assert set(keys) == {"vi", "en", "km"}
    assert keys["vi"] == keys["en"] == keys["km"]


def test_progress_survives_storage_failures():
    assert JS.count("try {") >= 3 and "catch (e)" in JS


def test_bench_numbers(banks, register):
    from hoagiai.quiz.bench import assets_gzipped_bytes, render_all_seconds

    assert 0 < assets_gzipped_bytes(ASSETS.parents[2]) <= 10 * 1024
    assert 0 < render_all_seconds(banks, register, repeat=1) < 5
