"""Keyboard only (Tab, Shift+Tab, Enter, Space): home → module → quiz → result, with a visible focus
ring on every element reached; 200% zoom on a phone without horizontal scrolling."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 60),
          href: e.getAttribute('href'), cls: e.className, type: e.type || '',
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          shadow: s.boxShadow !== 'none', visible: r.width > 0 && r.height > 0,
          inview: r.right > 0 && r.left < window.innerWidth};
}"""


def tab_to(page, predicate, *, limit=400, seen=None):
    """Press Tab until the focused element matches; every element reached must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUS)
        if f is None:
            continue
        if seen is not None:
            seen.append(f)
        if predicate(f):
            return f
    raise AssertionError("never reached by Tab")


def test_keyboard_walk_home_module_quiz_result(quality_served, watched):
    w = watched()
    page = w.page
    page.goto(quality_served.url)
    seen: list[dict] = []
    tab_to(page, lambda f: f["tag"] == "A" and (f["href"] or "").endswith("chuong-trinh/")
           and "hg-entry" in f["cls"], seen=seen)
    page.keyboard.press("Enter")
    page.wait_for_url("**/chuong-trinh/")
    tab_to(page, lambda f: f["tag"] == "A" and (f["href"] or "").rstrip("/").endswith("mo-dun-01")
           and "md-nav" not in f["cls"], seen=seen)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mo-dun-01/")
    # Every question: Tab to its first option, Space (radio/checkbox) or Arrow keys never needed; ordering
    # questions: type the position into each select; then Tab to "Kiểm tra" and press Enter.
    questions = page.locator(".hg-quiz .hg-q")
    for i in range(questions.count()):
        q = questions.nth(i)
        if not q.is_visible():
            continue
        qid = q.get_attribute("id")
        first = tab_to(page, lambda f, qid=qid: f["tag"] in ("INPUT", "SELECT")
                       and page.evaluate(f"document.activeElement.closest('#{qid}') !== null"), seen=seen)
        if first["tag"] == "SELECT":
            n = q.locator("select").count()
            for k in range(n):
                page.keyboard.press(str(k + 1))  # a select takes the typed option
                if k < n - 1:
                    page.keyboard.press("Tab")
        else:
            page.keyboard.press("Space")
        tab_to(page, lambda f: "hg-check" in f["cls"], seen=seen)
        page.keyboard.press("Enter")
        assert q.locator(".hg-status").inner_text().strip() != ""
    assert page.locator(".hg-quiz .hg-score").is_visible()
    assert "%" in page.locator(".hg-quiz .hg-score").inner_text()
    hidden_focus = [f for f in seen if f["visible"] and not (f["outline"] or f["shadow"])]
    assert hidden_focus == [], hidden_focus[:5]
    off_screen = [f for f in seen if not (f["visible"] and f["inview"])]  # e.g. the closed drawer's links
    assert off_screen == [], off_screen[:5]
    assert w.external == [] and w.page_errors == []


def test_phone_menu_and_search_open_and_close_by_keyboard(quality_served, watched):
    """Material opens its drawer and search with <label>s a keyboard never reaches; ours are buttons."""
    w = watched()
    page = w.page
    page.goto(quality_served.url + "chuong-trinh/mo-dun-02/")
    seen: list[dict] = []
    tab_to(page, lambda f: f["tag"] == "BUTTON" and page.evaluate(
        "document.activeElement.dataset.hgToggle === '__drawer'"), seen=seen)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert page.evaluate(FOCUS)["inview"] and page.evaluate("document.getElementById('__drawer').checked")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.hgToggle") == "__drawer"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and page.evaluate(
        "document.activeElement.dataset.hgToggle === '__search'"), seen=seen)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("to hoa giai")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.hgToggle") == "__search"
    assert page.evaluate("!document.getElementById('__search').checked && document.querySelector('.md-search').inert")
    assert [f for f in seen if not f["inview"]] == []
    assert w.page_errors == []


ZOOM_PAGES = ["", "en/", "km/", "chuong-trinh/", "chuong-trinh/mo-dun-01/", "chuong-trinh/mo-dun-06/",
              "chuong-trinh/mo-dun-01/nguyen-tac-hoa-giai/", "van-ban/luat-35-2013/", "van-ban/nd-15-2014/",
              "tinh-huong/tinh-huong-01/", "thuat-ngu/", "hoi-dap/", "tu-kiem-tra/", "tien-do/", "bieu-mau/so-theo-doi/",
              "bai-giang-mau/mo-dun-01/", "km/thuat-ngu/", "km/chuong-trinh/mo-dun-03/tien-hanh-hoa-giai/",
              "en/chuong-trinh/mo-dun-01/", "khong-co-trang-nay/"]


def test_200_percent_zoom_on_a_phone_needs_no_sideways_scrolling(quality_served, watched):
    # A 360 px phone at 200% zoom lays pages out in 180 CSS px (WCAG 1.4.4 resize text, 1.4.10 reflow);
    # wide tables may scroll inside their own box (focusable), the page itself must not.
    w = watched(viewport={"width": 180, "height": 400}, device_scale_factor=2)
    too_wide = {}
    for path in ZOOM_PAGES:
        w.page.goto(quality_served.url + path)
        w.page.wait_for_load_state("load")
        width = w.page.evaluate("document.documentElement.scrollWidth")
        if width > 180:
            too_wide[path] = width
    assert too_wide == {}
