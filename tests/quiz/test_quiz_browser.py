"""quiz.js in Debian chromium through Playwright, on standalone pages opened from file:// (no server,
no network): answers, keyboard, persistence, moved folder, no-JS fallback, Khmer UI, swapped-in page."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from quiz_support import standalone_page

from hoagiai.quiz.render import render_progress, render_quiz

pytestmark = pytest.mark.browser  # `browser`: the session's Debian chromium (tests/conftest.py)


@pytest.fixture()
def context(browser):
    context = browser.new_context()
    context.route("http*://**", lambda route: route.abort())  # prove there is no network use
    yield context
    context.close()


@pytest.fixture()
def errors():
    return []


def open_page(context, path: Path, errors: list):
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector(".hg-quiz[data-hg], .hg-progress[data-hg]", state="attached")
    return page


@pytest.fixture()
def quiz_html(banks, link_for):
    return render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="test-site")


def answer(page, qid: str, option: str):
    page.check(f"#q-{qid}-{option}")
    page.click(f"#q-{qid} .hg-check")


def status(page, qid: str) -> str:
    return page.inner_text(f"#q-{qid} .hg-status")


def test_right_and_wrong_answers(context, errors, quiz_html, tmp_path):
    page = open_page(context, standalone_page(tmp_path / "site", quiz_html), errors)
    assert not page.is_visible("#q-m01-q01 .hg-answer")  # the answer waits for a check
    answer(page, "m01-q01", "a")
    assert status(page, "m01-q01") == "Đúng rồi!"
    assert page.is_visible("#q-m01-q01 .hg-answer .hg-expl")
    assert page.is_visible("#q-m01-q01 .hg-src a")

    answer(page, "m01-q02", "b")
    assert status(page, "m01-q02").startswith("Chưa đúng")
    assert page.inner_text("#q-m01-q02 .hg-opt.is-bad .hg-ofb") == "Hòa giải viên không xử phạt."
    assert page.locator("#q-m01-q02 .hg-opt.is-ok").count() == 2
    assert page.is_disabled("#q-m01-q02-a")

    page.click("#q-m01-q02 .hg-retry")
    assert status(page, "m01-q02") == "" and not page.is_disabled("#q-m01-q02-a")
    assert not page.is_visible("#q-m01-q02 .hg-answer")
    page.check("#q-m01-q02-a")
    page.check("#q-m01-q02-c")
    page.click("#q-m01-q02 .hg-check")
    assert status(page, "m01-q02") == "Đúng rồi!"
    assert errors == []


def finish_quiz(page, wrong_ordering: bool = False):
    answer(page, "m01-q01", "a")
    answer(page, "m01-q02", "b")  # wrong
    answer(page, "m01-q03", "a")
    order = ["c", "b", "a"] if wrong_ordering else ["a", "b", "c"]
    for position, item in enumerate(order, start=1):
        page.select_option(f"#q-m01-q04-{item}", str(position))
    page.click("#q-m01-q04 .hg-check")
    answer(page, "m01-s01-q1", "a")
    answer(page, "m01-s01-q2", "a")


def test_score_pass_mark_review_and_progress_page(context, errors, banks, quiz_html, tmp_path):
    folder = tmp_path / "site"
    page = open_page(context, standalone_page(folder, quiz_html), errors)
    assert not page.is_visible(".hg-foot")
    finish_quiz(page)
    assert page.inner_text(".hg-score") == "Kết quả: đúng 5/6 câu (83%). Đạt (cần 60%)."
    page.click(".hg-foot .hg-review")
    assert not page.is_visible("#q-m01-q01") and page.is_visible("#q-m01-q02")
    page.click(".hg-foot .hg-review")
    assert page.is_visible("#q-m01-q01")

    progress = standalone_page(folder, render_progress(banks, locale="vi", site_id="test-site"), name="tien-do.html")
    page.goto(progress.as_uri())
    assert page.inner_text('tr[data-bank="m01"] .hg-best') == "83% ✓ đạt"
    assert not page.is_visible(".hg-nojs")
    page.click(".hg-reset")
    assert page.inner_text('tr[data-bank="m01"] .hg-best') == "Chưa làm"
    assert page.inner_text(".hg-progress .hg-status") == "Đã xóa tiến độ trên máy này."
    assert errors == []


def test_reset_clears_only_the_quiz_keys(context, errors, banks, tmp_path):
    """Form drafts and other settings share the site prefix: "Xóa tiến độ" must leave them alone."""
    page = open_page(context, standalone_page(tmp_path / "site", render_progress(banks, locale="vi",
                                                                                  site_id="test-site")), errors)
    keep = {"hg:test-site:form:van-ban-hoa-giai-thanh": '{"v":1,"drafts":[]}', "hg:test-site:textsize": "2",
            "hg:other-site:best:m01": '{"p":90}', "hg:test-site:best:m01-old": "{}"}
    gone = {"hg:test-site:best:m01": '{"p":83}', "hg:test-site:m01:m01-q01:abc123": '{"ok":1}',
            "hg:test-site:m01:m01-q02:def456": '{"ok":0}'}
    page.evaluate("items => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))", {**keep, **gone})
    page.click(".hg-reset")
    left = page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")
    assert left == keep
    assert errors == []


def test_best_score_keeps_the_best_attempt(context, errors, quiz_html, tmp_path):
    page = open_page(context, standalone_page(tmp_path / "site", quiz_html), errors)
    finish_quiz(page)
    page.click(".hg-foot .hg-again")
    assert not page.is_visible(".hg-foot") and not page.is_visible("#q-m01-q01 .hg-answer")
    finish_quiz(page, wrong_ordering=True)
    assert "67%" in page.inner_text(".hg-score")
    best = page.evaluate("JSON.parse(localStorage.getItem('hg:test-site:best:m01')).p")
    assert best == 83


def test_keyboard_only(context, errors, quiz_html, tmp_path):
    page = open_page(context, standalone_page(tmp_path / "site", quiz_html), errors)
    page.keyboard.press("Tab")  # first radio of question 1
    focused = page.evaluate("document.activeElement.name")
    assert focused == "q-m01-q01"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the group's next stop: the Check button
    assert page.evaluate("document.activeElement.className").find("hg-check") >= 0
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Enter")
    assert status(page, "m01-q01") in ("Đúng rồi!", "Chưa đúng. Xem giải thích bên dưới.")
    assert "hg-retry" in page.evaluate("document.activeElement.className")  # focus is not lost
    assert page.get_attribute("#q-m01-q01 .hg-status", "aria-live") == "polite"
    page.keyboard.press("Enter")  # retry
    assert page.evaluate("document.activeElement.name") == "q-m01-q01"


def test_persistence_across_reload_and_moved_folder(context, errors, banks, link_for, quiz_html, tmp_path):
    first = standalone_page(tmp_path / "unzipped-1" / "site", quiz_html)
    page = open_page(context, first, errors)
    answer(page, "m01-q01", "a")
    page.reload()
    page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
    assert page.is_visible("#q-m01-q01 .hg-before")
    assert not page.is_visible("#q-m01-q02 .hg-before")

    # Re-unzipped elsewhere: a different file:// path, same site id -> progress stays.
    moved = tmp_path / "Downloads" / "hoa-giai-offline"
    shutil.copytree(first.parent, moved)
    page.goto((moved / "page.html").as_uri())
    page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
    assert page.is_visible("#q-m01-q01 .hg-before")

    # An edited question gets a new hash and does not inherit the old answer.
    bank = banks["m01"]
    edited_q = replace(bank.questions[0], prompt={"vi": "Luật có hiệu lực từ ngày nào (đã sửa)?"})
    edited = replace(bank, questions=(edited_q, *bank.questions[1:]))
    page.goto(standalone_page(tmp_path / "edited", render_quiz(edited, locale="vi", link_for=link_for,
                                                                site_id="test-site")).as_uri())
    page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
    assert not page.is_visible("#q-m01-q01 .hg-before")
    assert errors == []


def test_corrupt_or_full_storage_never_breaks_the_page(context, errors, banks, quiz_html, tmp_path):
    folder = tmp_path / "site"
    page = open_page(context, standalone_page(folder, quiz_html), errors)
    page.evaluate("() => localStorage.setItem('hg:test-site:best:m01', '{not json')")
    page.reload()
    page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
    page.evaluate("""() => {
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    }""")
    finish_quiz(page)
    assert "5/6" in page.inner_text(".hg-score")
    progress = standalone_page(folder, render_progress(banks, locale="vi", site_id="test-site"), name="p.html")
    page.goto(progress.as_uri())
    page.wait_for_selector(".hg-progress[data-hg]", state="attached")
    assert page.inner_text('tr[data-bank="m01"] .hg-best') == "Chưa làm"
    assert errors == []


def test_count_draws_questions_per_attempt(context, errors, banks, link_for, tmp_path):
    html = render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="test-site", count=2)
    page = open_page(context, standalone_page(tmp_path / "site", html), errors)
    draws = set()
    for _ in range(8):
        visible = page.eval_on_selector_all(".hg-unit", "us => us.filter(u => !u.hidden).map(u => u.dataset.unit)")
        assert len(visible) == 2
        draws.add(tuple(visible))
        numbers = page.eval_on_selector_all(".hg-unit:not([hidden]) .hg-num", "ns => ns.map(n => n.textContent)")
        assert numbers[0] == "Câu 1."
        page.evaluate("document.querySelector('.hg-again').click()")
    assert len(draws) > 1


def test_no_javascript_fallback(browser, quiz_html, tmp_path):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(standalone_page(tmp_path / "site", quiz_html).as_uri())
        assert page.locator(".hg-check").count() == 0
        assert page.is_visible("#q-m01-q04 legend") and page.is_visible("#q-m01-s01-q2-a")
        assert not page.is_visible("#q-m01-q01 .hg-expl")
        page.click("#q-m01-q01 .hg-answer summary")
        assert page.is_visible("#q-m01-q01 .hg-expl")
        assert "(đúng)" in page.inner_text("#q-m01-q01 .hg-key")
    finally:
        context.close()


def test_khmer_ui_strings(context, errors, banks, link_for, tmp_path):
    html = render_quiz(banks["m01"], locale="km", link_for=link_for, site_id="test-site")
    page = open_page(context, standalone_page(tmp_path / "site", html, lang="km"), errors)
    assert page.inner_text("#q-m01-q01 .hg-check") == "ពិនិត្យ"
    page.click("#q-m01-q01 .hg-check")
    assert page.inner_text("#q-m01-q01 .hg-status") == "សូមជ្រើសរើសចម្លើយជាមុនសិន។"
    answer(page, "m01-q01", "a")
    assert page.inner_text("#q-m01-q01 .hg-status") == "ត្រឹមត្រូវ!"
    assert page.inner_text("#q-m01-q01 .hg-answer summary") == "មើលចម្លើយ និងការពន្យល់"
    assert errors == []


def test_swapped_in_page_initialises_once(context, errors, quiz_html, tmp_path):
    page = open_page(context, standalone_page(tmp_path / "site", quiz_html), errors)
    # Navigation without reload (as Material's instant mode does): new content replaces the page's content.
    page.evaluate("""html => {
        const main = document.querySelector('.md-content__inner');
        main.replaceChildren();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        main.append(...doc.body.childNodes);
    }""", quiz_html)
    page.wait_for_selector(".hg-quiz[data-hg] .hg-check", state="attached")
    assert page.locator("#q-m01-q01 .hg-check").count() == 1  # idempotent: set up exactly once
    answer(page, "m01-q01", "a")
    assert status(page, "m01-q01") == "Đúng rồi!"
    assert errors == []


def test_only_the_page_content_is_watched(context, errors, quiz_html, tmp_path):
    """Blocks appear only in the content; changes elsewhere (search results, drawer) are not watched."""
    page = open_page(context, standalone_page(tmp_path / "site", quiz_html), errors)
    page.evaluate("""html => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        document.querySelector('.md-header').append(...doc.body.cloneNode(true).childNodes);
        document.querySelector('.md-content__inner').append(...doc.body.childNodes);
    }""", quiz_html)
    page.wait_for_function("document.querySelectorAll('.md-content .hg-quiz[data-hg]').length === 2")
    assert page.locator(".md-header .hg-quiz[data-hg]").count() == 0
    assert errors == []


def test_usable_at_200_percent_zoom(browser, quiz_html, tmp_path):
    # 200% zoom on a 360 px phone = a 180 CSS px viewport at device scale 2.
    context = browser.new_context(viewport={"width": 180, "height": 640}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(standalone_page(tmp_path / "site", quiz_html).as_uri())
        page.wait_for_selector(".hg-quiz[data-hg]", state="attached")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        page.check("#q-m01-q01-a")
        page.click("#q-m01-q01 .hg-check")
        assert page.inner_text("#q-m01-q01 .hg-status") == "Đúng rồi!"
    finally:
        context.close()
