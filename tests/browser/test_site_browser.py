"""The built site in Debian Chromium: home, navigation, languages, search, 404, offline zip from file://."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]



def switch_language(page, hreflang):
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f'a.md-select__link[hreflang="{hreflang}"]')


def test_home_has_three_entry_points_on_a_phone(base_url, visit):
    v = visit()
    v.page.goto(base_url)
    entries = v.page.locator("a.hg-entry")
    assert entries.count() == 3
    for i in range(3):
        assert entries.nth(i).is_visible()
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 360
    assert v.external == [] and v.page_errors == []


def test_navigation_from_home_to_the_program(base_url, visit):
    v = visit()
    v.page.goto(base_url)
    with v.page.expect_navigation():
        v.page.locator("a.hg-entry").first.click()
    assert v.page.url.endswith("/chuong-trinh/")
    assert v.page.locator("h1").first.is_visible()
    assert v.external == [] and v.page_errors == []


def test_language_switch_keeps_the_page(base_url, visit):
    v = visit(viewport={"width": 1280, "height": 900})
    v.page.goto(base_url + "van-ban/luat-35-2013/")
    switch_language(v.page, "en")
    assert v.page.url.endswith("/en/van-ban/luat-35-2013/")
    switch_language(v.page, "km")
    assert v.page.url.endswith("/km/van-ban/luat-35-2013/")
    assert v.page.evaluate("document.documentElement.lang") == "km"
    assert v.external == [] and v.page_errors == []


def test_fallback_page_shows_notice_and_marks_vietnamese(base_url, visit):
    v = visit()
    v.page.goto(base_url + "en/hoi-dap/")
    assert v.page.locator(".hg-fallback").is_visible()
    assert v.page.locator('div[lang="vi"] h1').count() == 1


def test_search_returns_a_hit(base_url, visit, search_ui):
    v = visit()
    v.page.goto(base_url)
    assert search_ui(v.page, "hòa giải thành").count() > 0
    assert v.external == [] and v.page_errors == []


@pytest.mark.parametrize("path, title", [("khong-co-trang-nay/", "Không tìm thấy trang"),
                                         ("en/no-such-page/", "Page not found"),
                                         ("km/no-such-page/", "រកមិនឃើញទំព័រ")])
def test_404_in_the_readers_language(base_url, visit, path, title):
    v = visit()
    response = v.page.goto(base_url + path)
    assert response.status == 404
    assert v.page.locator("h1").first.inner_text() == title
    assert v.external == []


def test_offline_zip_works_from_file_after_moving_the_folder(offline_site, visit, search_ui):
    v = visit(offline=True)
    v.page.goto((offline_site / "index.html").as_uri())
    assert v.page.locator("a.hg-entry").count() == 3
    with v.page.expect_navigation():
        v.page.locator("a.hg-entry").first.click()
    assert v.page.url.endswith("chuong-trinh/index.html")
    v.page.goto((offline_site / "van-ban" / "luat-35-2013.html").as_uri())
    v.page.set_viewport_size({"width": 1280, "height": 900})
    switch_language(v.page, "en")
    assert v.page.url.endswith("/en/van-ban/luat-35-2013.html")
    switch_language(v.page, "vi")
    assert search_ui(v.page, "hòa giải").count() > 0
    assert v.page_errors == []
    assert v.external == []


def test_pages_print_without_navigation_and_show_link_addresses(base_url, visit):
    v = visit()
    v.page.goto(base_url + "gui-cau-hoi/")
    v.page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert v.page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    external = v.page.locator('.md-typeset a[href^="http"]')
    if external.count():
        after = external.first.evaluate("e => getComputedStyle(e, '::after').content")
        assert "http" in after
