"""Search in Chromium: folding, ranking, language scope, highlighting, offline; the benchmark queries."""

import re
import unicodedata

import pytest

from hoagiai.search import bench
from hoagiai.search.text import fold

pytestmark = [pytest.mark.browser, pytest.mark.slow]



def first_urls(page, query, n=5):
    return page.evaluate("q => window.hgSearchReady().then(s => s.run(q)).then(r => r.slice(0, %d).map(p => p.url))" % n,
                         query)


def test_python_and_browser_fold_text_the_same_way(base_url, visit):
    v = visit()
    v.page.goto(base_url)
    samples = ["HÒA GIẢI", "hoà giải", unicodedata.normalize("NFD", "Đất đai, thỏa thuận"), "ភូមិ និង សិទ្ធិ", "Ưu tiên"]
    assert v.page.evaluate("s => window.hgSearchReady().then(api => s.map(api.fold))", samples) == [
        fold(s) for s in samples]


def test_spellings_of_the_same_words_give_the_same_results(base_url, visit):
    v = visit()
    v.page.goto(base_url)
    spellings = ["hoa giai thanh", "hòa giải thành", "hoà giải thành", "HÒA GIẢI THÀNH",
                 unicodedata.normalize("NFD", "hòa giải thành")]
    results = [first_urls(v.page, q, 1000) for q in spellings]  # the same pages (exact accents order them)
    assert results[0] and all(set(r) == set(results[0]) for r in results)


def test_exact_accented_word_ranks_above_folded_collisions(base_url, visit):
    v = visit()
    v.page.goto(base_url)
    texts = v.page.evaluate("""async q => { const api = await window.hgSearchReady(), r = await api.run(q);
        return Promise.all(r.slice(0, 10).map(x => api.textOf(x))); }""", "đặt câu hỏi")
    exact = ["đặt" in re.findall(r"\w+", text.lower()) for text in texts]
    assert exact[:2] == [True, True]
    assert exact == sorted(exact, reverse=True)  # every "đặt" result above every "đất"/"đạt" one


def test_results_show_and_mark_the_original_accented_words(base_url, visit, search_ui):
    v = visit()
    v.page.goto(base_url)
    items = search_ui(v.page, "hoa giai thanh")
    marks = items.first.locator("mark").all_inner_texts()
    assert any(m.lower() in ("hòa", "giải", "thành") for m in marks)
    assert v.external == [] and v.page_errors == []


def test_clicking_a_result_highlights_the_words_on_the_target_page(base_url, visit, search_ui):
    v = visit()
    v.page.goto(base_url)
    with v.page.expect_navigation():
        search_ui(v.page, "vit an lua").first.locator("a").first.click()
    v.page.wait_for_selector(".md-content article mark")
    assert "?h=" in v.page.url
    marks = v.page.locator(".md-content article mark").all_inner_texts()
    assert "Vịt" in marks or "vịt" in marks


def test_results_stay_in_the_readers_language(base_url, visit):
    v = visit()
    v.page.goto(base_url + "en/")
    urls = first_urls(v.page, "hoa giai", 50)
    assert urls and all(u.startswith("en/") for u in urls)
    v.page.goto(base_url + "km/")
    urls = first_urls(v.page, "hoa giai", 50)
    assert urls and all(u.startswith("km/") for u in urls)


def test_material_search_internals_are_not_used(base_url, visit, search_ui):
    """We replaced Material's lunr search; if an upgrade starts it again (worker, index), fail loudly."""
    v = visit()
    requests = []
    v.page.on("request", lambda r: requests.append(r.url))
    v.page.goto(base_url)
    search_ui(v.page, "hòa giải")
    assert not [u for u in requests if "search_index" in u or "/workers/" in u or "lunr" in u]
    assert v.page.evaluate("JSON.parse(document.getElementById('__config').textContent).search") is None
    assert v.page.locator("[data-md-component=search]").count() == 0


def test_search_works_offline_from_file(offline_site, visit, search_ui):
    v = visit(offline=True)
    v.page.goto((offline_site / "index.html").as_uri())
    items = search_ui(v.page, "bo nhau")
    assert items.count() > 0
    href = items.first.locator("a").first.get_attribute("href")
    assert ".html" in href
    assert v.page_errors == [] and v.external == []


def test_benchmark_queries_hit_at_1_and_3(site, browser, root):
    queries = bench.load(root / bench.QUERIES)
    assert len(queries) >= 40
    results = bench.run(site, queries, browser)
    misses = [f"{r.lang} {r.query!r}: expected {r.expect}, got {r.urls[:3]}" for r in results
              if r.rank is None or r.rank > 3]
    assert misses == []
    for lang, figures in bench.summary(results).items():
        assert figures["hit@1"] >= 0.9, (lang, figures)


def test_an_en_or_km_index_merged_with_the_vi_one_is_the_whole_index(base_url, visit):
    """build_shared_index + search.js merge() give exactly what build_index over every section gives."""
    from hoagiai.search.data import SearchData
    from hoagiai.search.index import Section, build_index, build_shared_index

    def page(url, title, *parts):
        return [Section(url, title, "", [f"Mở đầu {title} đất"])] + [
            Section(f"{url}#{i}", title, heading, [f"{heading} nội dung {i} đặt"], level=3 if "?" in heading else 2)
            for i, heading in enumerate(parts)]

    vi = page("", "Trang chủ", "Bắt đầu") + page("a/", "Hòa giải", "Bước 1", "Bước 2") + page("b/", "Vịt ăn lúa")
    vi += page("hoi-dap/", "Hỏi đáp", "Nhóm", "Câu hỏi một?", "Câu hỏi hai?")  # FAQ: questions are docs
    en = (page("en/", "Home", "Start")                      # translated
          + page("en/a/", "Hòa giải", "Bước 1", "Bước 2")   # shown in Vietnamese: refers to vi
          + page("en/b/", "Ducks", "Story dat")             # translated ("dat" only written as itself here)
          + page("en/only/", "English only")                # no vi page
          + [s.at("en/") for s in page("hoi-dap/", "Hỏi đáp", "Nhóm", "Câu hỏi một?", "Câu hỏi hai?")])
    data = SearchData(groups=[["vit", "vịt"]], suggestions={"en": [("Ducks", "vịt")]})
    shared, _ = build_shared_index(en, vi, "en/", data, "en")
    assert [step[0] for step in shared["plan"]] == [0, 1, 0, 1] and len(shared["pages"]) == 3
    whole, _ = build_index(en, data, "en")
    v = visit()
    v.page.goto(base_url)
    merged, decoded = v.page.evaluate("""([own, vi, whole]) => window.hgSearchReady().then(api =>
        [api.merge(api.decode(own), api.decode(vi)), api.decode(whole)])""",
                                      [shared, build_index(vi, data, "vi")[0], whole])
    decoded.pop("plan")  # undefined: an index of its own
    for page_row in decoded["pages"]:  # a page shown in Vietnamese keeps the Vietnamese text file
        if page_row["url"] in ("en/a/", "en/hoi-dap/"):
            page_row["text"] = "vi/" + page_row["text"].removeprefix("en/")
    assert merged == {**decoded, "prefix": "en/"} and len(merged["docs"]) == 7


def test_every_page_of_a_language_is_in_its_merged_index(site, base_url, visit):
    for lang in ("en", "km"):
        pages = {p.relative_to(site).parent.as_posix() + "/" for p in (site / lang).rglob("index.html")}
        v = visit()
        v.page.goto(f"{base_url}{lang}/")
        urls = v.page.evaluate("() => window.hgSearchReady().then(api => api.load()).then(i => i.pages.map(p => p.url))")
        assert set(urls) == pages and len(pages) > 100, lang


def test_search_code_loads_only_when_the_reader_opens_search(base_url, visit, search_ui):
    v = visit()
    requests = []
    v.page.on("request", lambda r: requests.append(r.url))
    v.page.goto(base_url + "chuong-trinh/mo-dun-01/")
    v.page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/search/" in u or u.endswith("search.js")]  # not on every page
    assert search_ui(v.page, "hoa giai").count() > 0  # opened and typed at once: results still come
    assert any(u.endswith("assets/js/search.js") for u in requests)


def test_arriving_from_a_result_marks_whole_words_when_the_page_has_them(base_url, visit):
    v = visit()
    v.page.goto(base_url + "van-ban/luat-35-2013/?h=hoa+giai")
    v.page.wait_for_selector(".md-content article mark")
    marks = {m.lower() for m in v.page.locator(".md-content article mark").all_inner_texts()}
    assert {"hòa", "giải"} <= marks and "hoạt" not in marks  # "hoạt động" holds no searched word
    v.page.goto(base_url + "van-ban/luat-35-2013/?h=quye")  # a prefix that is no word marks the words it starts
    v.page.wait_for_selector(".md-content article mark")
    assert {"quyền", "quyết"} <= {m.lower() for m in v.page.locator(".md-content article mark").all_inner_texts()}
