"""forms.js and forms.css: small (≤ 8 KB gzipped, decimal), no network, no eval, no HTML written from strings."""

import re
from pathlib import Path

from hoagiai.forms import assets_gzipped_bytes

ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "forms"
JS = (ASSETS / "forms.js").read_text(encoding="utf-8")
CSS = (ASSETS / "forms.css").read_text(encoding="utf-8")


def test_js_and_css_fit_in_8_kb_gzipped():
    size = assets_gzipped_bytes(ASSETS.parents[2])
    assert 0 < size <= 8000, size


def test_no_eval_no_network_no_html_from_strings():
    assert not re.search(r"\beval\(|new Function|innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write", JS)
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|sendBeacon|WebSocket|import\(", JS + CSS)
    assert not re.search(r"setAttribute\(\s*['\"]on", JS)


def test_one_deadline_implementation():
    """The 6-month computation lives in forms.js only (the tests call it there)."""
    assert JS.count("function deadline(") == 1
    assert "W.hgForms = { deadline: deadline };" in JS
