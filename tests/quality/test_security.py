"""Privacy and security beyond the page walk: no inline event handlers in our templates or the built
pages, bank text escaped end to end (a `<script>` in a bank shows as text and never runs), the service
worker scoped to the site's sub-path."""

from __future__ import annotations

import re
import shutil

import pytest
from quality_support import ROOT

from hoagiai.quality import links

HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_no_inline_event_handlers_in_our_templates_and_scripts():
    found = []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HANDLER.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.slow
def test_no_inline_event_handlers_in_the_built_pages(site, offline_site):
    assert links.inline_handlers(site) == []
    assert links.inline_handlers(offline_site) == []


def test_inline_handler_finder(tmp_path):
    (tmp_path / "a.html").write_text('<p>Write onclick= in text</p><button onclick="x()">b</button>'
                                     '<img src=x onerror=alert(1)><script>if (a <b) { el.onload = f; }</script>'
                                     '<a href="x" data-on="1">ok</a>', encoding="utf-8")
    assert links.inline_handlers(tmp_path) == ["a.html: onclick=", "a.html: onerror="]


@pytest.mark.browser
def test_script_in_a_bank_renders_as_text(browser, tmp_path):
    from hoagiai.content.register import load_register
    from hoagiai.quiz.embed import register_link_for
    from hoagiai.quiz.loader import load_banks
    from hoagiai.quiz.render import render_quiz

    register = load_register(ROOT / "data" / "legal-register.yml")
    banks = load_banks([ROOT / "tests" / "quiz" / "fixtures" / "banks" / "m01.yml"], root=ROOT, register=register)
    html = render_quiz(banks["m01"], locale="vi", site_id="t",
                       link_for=register_link_for(register, page="x.md", use_directory_urls=False))
    for asset in ("quiz.js", "quiz.css"):
        shutil.copy(ROOT / "docs" / "assets" / "quiz" / asset, tmp_path / asset)
    page_file = tmp_path / "page.html"
    page_file.write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>q</title>'
                         '<link rel="stylesheet" href="quiz.css"><script src="quiz.js" defer></script></head>'
                         f"<body>{html}</body></html>", encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
        page.check("#q-m01-q01-c")  # the option whose text holds the <script>
        page.click("#q-m01-q01 .hg-check")
        assert "<script>alert(1)</script>" in page.inner_text("label[for=q-m01-q01-c]")
        assert page.locator(".hg-quiz script").count() == 0
        assert dialogs == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_service_worker_is_scoped_to_the_subpath(quality_served, watched):
    w = watched(service_workers="allow")
    for path in ("", "en/hoi-dap/", "km/"):
        w.page.goto(quality_served.url + path)
        scope = w.page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == quality_served.url, path
    outside = quality_served.url.replace("/hoa-giai-co-so/", "/")
    assert w.page.evaluate("u => navigator.serviceWorker.getRegistration(u).then(r => !!r)", outside) is False
    assert w.page.evaluate("u => navigator.serviceWorker.getRegistration(u).then(r => !!r)",
                           quality_served.url + "km/tu-kiem-tra/") is True
