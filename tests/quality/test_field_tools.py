"""Field tools in a browser (issue 17). The checker "Có hòa giải được không?" is walked along every path to every
outcome, in vi, en and km, behind nginx with the generated CSP and from the unzipped offline copy (file://):
the question shown, focus on each new heading, the outcome announced in the live region, Back and Start again,
no request and nothing stored while answering, axe on every state. Without JavaScript the same page reads as a
numbered checklist. The pocket cards print as four A6 cards on one A4 sheet. Both reach the mediator's handbook
and the service worker's file list."""

from __future__ import annotations

import subprocess

import pytest
from quality_support import Watched, record

from hoagiai.content.register import load_register
from hoagiai.quality import axe
from hoagiai.triage.model import load_tree
from hoagiai.triage.render import UI

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHECKER = {"vi": "cong-cu/co-hoa-giai-duoc-khong/", "en": "en/cong-cu/co-hoa-giai-duoc-khong/",
           "km": "km/cong-cu/co-hoa-giai-duoc-khong/"}
CARDS = {"vi": "cong-cu/the-bo-tui/", "en": "en/cong-cu/the-bo-tui/", "km": "km/cong-cu/the-bo-tui/"}
MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.fixture(scope="module")
def tree(root):
    return load_tree(root, load_register(root / "data" / "legal-register.yml"))


def text(value: dict, locale: str) -> str:
    return value.get(locale) or value["vi"]


def state(page) -> str | None:
    return page.get_attribute(".hg-triage__stage", "data-hg-at")


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {cls: e.className || '', text: (e.textContent || '').trim(), tag: e.tagName}; }""")


def walk_every_path(page, url: str, tree, locale: str, axe_options: dict | None = None) -> dict:
    """Answer along every path (Start again between paths, the page loaded once); check each screen; run axe
    on each distinct state (on the content: the header's scroll-driven fade is the site audit's business)."""
    problems: list[str] = []
    violations: list[str] = []
    requests: list[str] = []
    seen: set[str] = set()
    result_word = UI["result"][locale]

    def audit(label: str) -> None:
        if label not in seen:
            seen.add(label)
            violations.extend(str(v) for v in axe.run(page, f"{locale} {label}", context=".md-content",
                                                       options=axe_options))

    page.goto(url)
    page.wait_for_load_state("networkidle")  # the favicon comes late: not an answer's doing
    storage = page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]")
    page.on("request", lambda r: requests.append(r.url))
    for outcome_id, paths in tree.paths().items():
        for path in paths:
            if page.locator(".hg-triage__restart").count():
                page.locator(".hg-triage__restart").click()
            for step, (question_id, answer) in enumerate(path):
                question = tree.questions[question_id]
                if state(page) != f"hg-t-{question_id}":
                    problems.append(f"{locale} {path}: shows {state(page)} instead of {question_id}")
                    break
                if step and focused(page)["text"] != text(question.text, locale):
                    problems.append(f"{locale} {question_id}: focus is on {focused(page)}")
                choices = page.locator(".hg-triage__choice")
                labels = [text(a.label, locale) for a in question.answers]
                if choices.all_inner_texts() != labels:
                    problems.append(f"{locale} {question_id}: buttons {choices.all_inner_texts()} != {labels}")
                audit(question_id)
                choices.nth(answer).click()
            outcome = tree.outcomes[outcome_id]
            title = text(outcome.title, locale)
            if state(page) != f"hg-t-{outcome_id}":
                problems.append(f"{locale} {path}: ends at {state(page)}, not {outcome_id}")
            if focused(page)["text"] != title or "hg-triage__title" not in focused(page)["cls"]:
                problems.append(f"{locale} {outcome_id}: focus is on {focused(page)}")
            announced = page.inner_text(".hg-triage__status")
            if announced != f"{result_word}: {title}":
                problems.append(f"{locale} {outcome_id}: live region says {announced!r}")
            if page.locator(".hg-triage__result .hg-triage__basis, .hg-triage__result .hg-unverified").count() == 0:
                problems.append(f"{locale} {outcome_id}: no legal basis and no unverified note shown")
            audit(outcome_id)
    if requests:
        problems.append(f"{locale}: requests while answering: {requests[:3]}")
    if page.evaluate("() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort()]") != storage:
        problems.append(f"{locale}: something was stored while answering")
    return {"problems": problems, "violations": violations, "states": len(seen)}


@pytest.fixture(scope="module")
def walked(browser, quality_served, offline_site, tree):
    web, offline = Watched(browser), Watched(browser, offline=True)
    try:
        results = {locale: walk_every_path(web.page, quality_served.url + CHECKER[locale], tree, locale)
                   for locale in CHECKER}
        file_url = offline_site.as_uri() + "/cong-cu/co-hoa-giai-duoc-khong.html"
        # From file:// axe cannot re-fetch stylesheets (CORS): no preload, as in the site-wide audit.
        results["offline vi"] = walk_every_path(offline.page, file_url, tree, "vi",
                                                {**axe.DEFAULT_OPTIONS, "preload": False})
        web.collect_csp()
        offline.collect_csp()
        results["watch"] = {"external": web.external + offline.external, "csp": web.csp + offline.csp,
                            "page_errors": web.page_errors + offline.page_errors,
                            "console_errors": web.console_errors + offline.console_errors}
    finally:
        web.close()
        offline.close()
    states = sum(r["states"] for k, r in results.items() if k != "watch")
    record("field-tools", results, f"checker: every path walked in vi/en/km + offline; axe on {states} states")
    return results


@pytest.mark.parametrize("where", ["vi", "en", "km", "offline vi"])
def test_every_outcome_is_reached_with_focus_and_announcement(walked, where, tree):
    assert walked[where]["problems"] == []
    assert walked[where]["states"] == len(tree.questions) + len(tree.outcomes)


@pytest.mark.parametrize("where", ["vi", "en", "km", "offline vi"])
def test_axe_zero_violations_on_every_state(walked, where):
    assert walked[where]["violations"] == []


def test_no_request_elsewhere_no_csp_violation_no_error(walked):
    assert walked["watch"] == {"external": [], "csp": [], "page_errors": [], "console_errors": []}


def test_back_and_start_again_by_keyboard(browser, quality_served, tree):
    w = Watched(browser)
    try:
        page = w.page
        page.goto(quality_served.url + CHECKER["vi"])
        assert page.locator(".hg-triage__checklist").is_hidden()
        assert page.locator(".hg-triage__back").count() == 0  # nothing to go back to on the first question
        page.locator(".hg-triage__choice").nth(1).focus()
        page.keyboard.press("Enter")  # "Không": to question 2
        second = tree.questions["bao-luc-gia-dinh"]
        assert state(page) == "hg-t-bao-luc-gia-dinh" and focused(page)["text"] == second.text["vi"]
        assert page.inner_text(".hg-triage__step") == "Câu 2"
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # the first choice: "Có" → the domestic-violence outcome
        assert state(page) == "hg-t-o-bao-luc-gia-dinh"
        page.locator(".hg-triage__back").click()
        assert state(page) == "hg-t-bao-luc-gia-dinh" and focused(page)["text"] == second.text["vi"]
        page.locator(".hg-triage__restart").click()
        assert state(page) == "hg-t-nguy-hiem" and page.inner_text(".hg-triage__step") == "Câu 1"
        assert page.inner_text(".hg-triage__status") == ""
    finally:
        w.close()


def test_without_javascript_the_page_is_a_numbered_checklist(browser, quality_served, tree):
    w = Watched(browser, java_script_enabled=False)
    try:
        page = w.page
        page.goto(quality_served.url + CHECKER["vi"])
        assert page.locator(".hg-triage__stage").is_hidden()
        questions = page.locator("ol.hg-triage__questions > li")
        assert questions.count() == len(tree.questions)
        assert all(questions.nth(i).is_visible() for i in range(questions.count()))
        assert page.locator(".hg-triage__outcome").count() == len(tree.outcomes)
        for q in tree.questions.values():  # every answer is a link to the next question or to the outcome
            hrefs = page.locator(f"#hg-t-{q.id} .hg-triage__answers a").evaluate_all("as => as.map(a => a.hash)")
            assert hrefs == [f"#hg-t-{a.next}" for a in q.answers]
        page.locator("#hg-t-nguy-hiem .hg-triage__answers a").first.click()
        assert page.url.endswith("#hg-t-o-nguy-hiem")
        assert page.locator("#hg-t-o-nguy-hiem").is_visible()
        assert page.locator('#hg-t-o-nguy-hiem a[href="tel:113"]').is_visible()
    finally:
        w.close()
    # axe needs JavaScript itself: the same state, with only the checker's script kept from loading.
    w = Watched(browser)
    try:
        w.context.route("**/assets/tools/triage.js", lambda route: route.abort())
        w.page.goto(quality_served.url + CHECKER["vi"])
        assert w.page.locator(".hg-triage__checklist").is_visible()
        assert [str(v) for v in axe.run(w.page, "checklist without JavaScript")] == []
    finally:
        w.close()


@pytest.mark.parametrize("locale", ["vi", "en", "km"])
def test_pocket_cards_print_as_four_a6_cards_on_one_a4_sheet(browser, quality_served, locale, tmp_path):
    from pypdf import PdfReader

    w = Watched(browser)
    try:
        page = w.page
        page.goto(quality_served.url + CARDS[locale])
        assert [str(v) for v in axe.run(page, f"pocket cards {locale}")] == []
        page.emulate_media(media="print")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.hg-card')].map(c => {
            const r = c.getBoundingClientRect();
            return {x: r.x, y: r.y, w: r.width, h: r.height, overflow: c.scrollHeight > c.clientHeight + 1}; })""")
        assert len(boxes) == 4
        for box, (col, row) in zip(boxes, [(0, 0), (1, 0), (0, 1), (1, 1)]):
            assert abs(box["w"] - 105 * MM) < 1 and abs(box["h"] - 148.2 * MM) < 1, box
            assert abs(box["x"] - col * 105 * MM) < 1 and abs(box["y"] - row * 148.2 * MM) < 1, box
            assert not box["overflow"], (locale, box)  # large type, and still nothing cut off
        assert page.locator("h1").first.is_hidden()  # on paper: the cards and nothing else
        pdf = tmp_path / f"cards-{locale}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        w.close()
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
    # The title of each card is in its quarter of the sheet (pdftotext crops at 72 dpi: 1 px = 1 pt).
    quarters = []
    for x, y in [(0, 0), (298, 0), (0, 421), (298, 421)]:
        quarters.append(subprocess.run(["pdftotext", "-enc", "UTF-8", "-r", "72", "-x", str(x), "-y", str(y),
                                        "-W", "297", "-H", "420", str(pdf), "-"],
                                       capture_output=True, text=True, check=True).stdout)
    assert all("113" not in q for i, q in enumerate(quarters) if i != 1) and "113" in quarters[1]
    assert [q.lstrip().startswith(("1", "១")) for q in quarters[:1]] == [True]
    # Cut lines: the middle column and the middle row of the sheet are dashed (dark and light pixels).
    image = tmp_path / f"cards-{locale}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(image)], check=True)
    from PIL import Image

    sheet = Image.open(f"{image}.png").convert("L")
    middle_column = [min(sheet.getpixel((x, y)) for x in range(sheet.width // 2 - 1, sheet.width // 2 + 2))
                     for y in range(sheet.height)]
    middle_row = [min(sheet.getpixel((x, y)) for y in range(sheet.height // 2 - 1, sheet.height // 2 + 2))
                  for x in range(sheet.width)]
    for line in (middle_column, middle_row):
        dark = sum(v < 160 for v in line) / len(line)
        assert 0.2 < dark < 0.9, dark


def test_the_tools_reach_the_mediators_handbook_and_the_service_worker(root, site):
    from hoagiai.pdf.handbooks import MEDIATOR_PDF, handbook_books

    book = handbook_books(root, site)[MEDIATOR_PDF]
    chapter = next(c for c in book.chapters if c.title == "Công cụ hòa giải")
    assert "Đèn đỏ: dừng lại, báo ngay" in chapter.body and "Lúc này có ai đang gặp nguy hiểm không?" in chapter.body
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert all(f'"assets/tools/{name}"' in sw for name in ("triage.js", "triage.css", "cards.css"))
