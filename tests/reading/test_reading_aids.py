"""Reading aids (issue 19) in Chromium: what "Nghe" reads and skips, one paragraph per utterance, the voice
chosen by the language of the text, the hint without a voice, pause / continue / stop, the speed and the text
size remembered, the share button and its copy-link fallback, keyboard, axe, print, file:// and the PWA.
Headless Chromium has no voices: tts_stub.js stands in for the phone's speech engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reading_support import PUBLIC_URL, VI

from hoagiai.publish import nginx, pwa
from hoagiai.quality import axe

pytestmark = [pytest.mark.browser]

CASE = "tinh-huong/tinh-huong-01/"
LECTURE = "bai-giang-mau/mo-dun-01/"
MODULE = "chuong-trinh/mo-dun-01/"
LAW = "van-ban/luat-35-2013/"
KM_READING = "km/chuong-trinh/mo-dun-03/tien-hanh-hoa-giai/"  # translated (review pending)
KM_FALLBACK = "km/tinh-huong/tinh-huong-01/"                 # shown in Vietnamese
SPEAK = ".hg-tools [data-hg-speak]"
KHMER = re.compile("[\u1780-\u17ff]")
SITE_ID = "hoagiai-baclieu"
SIZE_KEY, RATE_KEY = f"hg:{SITE_ID}:pref:textsize", f"hg:{SITE_ID}:pref:speech-rate"

# The page's text an independent way: every heading, paragraph and list item of the article that holds no
# other paragraph or item, without the permalink sign, outside the controls and the tag list.
EXPECTED = """() => Array.from(document.querySelectorAll('.md-content__inner :is(h1, h2, h3, p, li)'))
  .filter(e => !e.closest('.hg-tools, .hg-speak-one, nav') && !e.querySelector('p, li'))
  .map(e => { const c = e.cloneNode(true); c.querySelectorAll('.headerlink').forEach(x => x.remove());
              return c.textContent.replace(/\\s+/g, ' ').trim(); })
  .filter(Boolean)"""


def read_through(page, control=SPEAK) -> list[dict]:
    """Press a read-aloud control (the engine ends each utterance at once) and wait for the end."""
    page.locator(control).first.click()
    page.wait_for_function("__tts.spoken().length > 0 && !document.querySelector('.hg-player')", timeout=30_000)
    return page.evaluate("__tts.spoken()")


def texts(spoken) -> list[str]:
    return [s["text"] for s in spoken]


def test_controls_are_written_where_they_belong(site):
    def page(path):
        return (site / path / "index.html").read_text(encoding="utf-8")

    for path in [CASE, LECTURE, MODULE, LAW, KM_READING, KM_FALLBACK, "en/gioi-thieu/cach-su-dung/",
                 "dan-toc-thieu-so/tinh-huong-dtts-01/", "chuong-trinh/mo-dun-05/bao-luc-gia-dinh/"]:
        assert page(path).count("data-hg-speak>") == 1, path
    faq = page("hoi-dap/")
    answers = re.findall(r'<h3 id="([^"]+)"', faq)
    assert len(answers) >= 20 and re.findall(r'data-hg-speak="([^"]+)"', faq) == answers
    assert "data-hg-speak>" not in faq
    for path in ["", "tu-kiem-tra/", "tien-do/", "bieu-mau/so-theo-doi/", "thuat-ngu/", "gui-cau-hoi/"]:
        assert "data-hg-speak" not in page(path), path
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 300
    for p in pages:  # every page: one text-size control; no share button while the address is a placeholder
        html = p.read_text(encoding="utf-8")
        assert html.count("data-hg-textsize>") == 1 and "data-hg-share" not in html, p
    assert '<div class="hg-tools" lang="en"' in page("en/") and ">Listen</button>" in page("en/gioi-thieu/")
    assert ">ស្តាប់</button>" in page(KM_READING) and ">ស្តាប់ចម្លើយ</button>" in page("km/hoi-dap/")


def test_the_help_link_leads_to_the_how_to_section_in_every_language(site):
    for path in [CASE, "en/hoi-dap/", KM_READING]:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        href = re.search(r'data-help="([^"]+)"', html).group(1)
        target, anchor = href.split("#")
        help_page = (site / path / target / "index.html").resolve()
        assert anchor == "nghe-doc" and 'id="nghe-doc"' in help_page.read_text(encoding="utf-8"), path


def test_reads_the_article_in_order_one_paragraph_per_utterance(tts, base_url):
    v = tts(base_url + CASE, auto=1)
    expected = v.page.evaluate(EXPECTED)
    spoken = read_through(v.page)
    assert texts(spoken) == expected
    assert len(spoken) > 30 and spoken[0]["text"].startswith("Tình huống 1")
    assert {(s["voice"], s["lang"], s["rate"]) for s in spoken} == {(VI["name"], "vi_VN", 1)}
    assert v.external == [] and v.page_errors == []


def test_skips_navigation_trainer_notes_quiz_answers_code_and_closed_details(tts, base_url):
    v = tts(base_url + LECTURE, auto=1)
    notes = v.page.evaluate("Array.from(document.querySelectorAll('details.trainer p')).map(p => p.textContent.trim())")
    heard = " ".join(texts(read_through(v.page)))
    assert len(notes) >= 3 and "Mục tiêu" in heard
    assert [n for n in notes if n[:40] in heard] == []

    v.page.goto(base_url + MODULE)
    answers = v.page.evaluate("""Array.from(document.querySelectorAll('.hg-quiz [data-search-exclude] :is(.hg-fb, .hg-expl p)'))
                                 .map(e => e.textContent.trim())""")
    heard = texts(read_through(v.page))
    assert len(answers) > 10 and "Câu 1." in " ".join(heard)  # questions and options are read, answers are not
    assert [a for a in answers if any(a[:40] in h for h in heard)] == []

    v.page.goto(base_url + "gioi-thieu/cach-su-dung/")
    heard = " ".join(texts(read_through(v.page)))
    assert 'sẽ tìm thấy "hòa giải thành"' in heard and "hoa giai thanh" not in heard  # `hoa giai thanh` is code

    v.page.goto(base_url + CASE)
    v.page.evaluate("""document.getElementById('dien-bien').insertAdjacentHTML('beforebegin',
        '<details><summary>Phần đóng</summary><p>Chữ trong phần đóng</p></details>' +
        '<details open><summary>Phần mở</summary><p>Chữ trong phần mở</p></details>' +
        '<p data-search-exclude>Chữ ngoài tìm kiếm</p><pre><code>ma_nguon()</code></pre><p hidden>Chữ bị ẩn</p>')""")
    heard = texts(read_through(v.page))
    assert "Phần mở" in heard and "Chữ trong phần mở" in heard
    for skipped in ("Phần đóng", "Chữ trong phần đóng", "Chữ ngoài tìm kiếm", "ma_nguon", "Chữ bị ẩn",
                    "Láng giềng", "Cỡ chữ", "Nghe", "Sở Tư pháp", "Hòa giải cơ sở"):
        assert [h for h in heard if skipped in h and not h.startswith("Tình huống")] == [], skipped
    assert v.page_errors == []


@pytest.mark.parametrize("path, first_voice, voices", [
    (CASE, VI["name"], {VI["name"]}),
    ("en/gioi-thieu/cach-su-dung/", "US English", {"US English"}),
    ("en/" + CASE, VI["name"], {VI["name"]}),  # shown in Vietnamese in the English site
    (KM_READING, "Khmer", {"Khmer", VI["name"]}),
    (KM_FALLBACK, VI["name"], {VI["name"]}),
])
def test_the_voice_follows_the_language_of_the_text(tts, base_url, path, first_voice, voices):
    v = tts(base_url + path, auto=1)
    spoken = read_through(v.page)
    assert spoken[0]["voice"] == first_voice and {s["voice"] for s in spoken} == voices
    for s in spoken:  # Khmer text with the Khmer voice, everything else here is Vietnamese or English
        assert (s["voice"] == "Khmer") == bool(KHMER.search(s["text"])), s
    assert "Vietnamese online" not in {s["voice"] for s in spoken}  # the phone's own voice first: works offline


def test_voices_that_arrive_late_are_waited_for(tts, base_url):
    v = tts(base_url + CASE, late=400)
    v.page.click(SPEAK)
    v.page.wait_for_selector(".hg-player")
    assert v.page.evaluate("__tts.spoken()")[0]["voice"] == VI["name"]
    assert v.page.inner_text(".hg-tools .hg-note") == ""


def test_without_a_voice_the_control_explains_how_to_add_one(tts, base_url):
    v = tts(base_url + CASE, voices=[])
    v.page.click(SPEAK)
    link = v.page.wait_for_selector(".hg-tools .hg-note a", timeout=5000)
    assert "chưa có giọng đọc tiếng Việt" in v.page.inner_text(".hg-tools .hg-note")
    assert v.page.locator(SPEAK).is_visible() and v.page.locator(".hg-player").count() == 0
    link.click()
    v.page.wait_for_url("**/gioi-thieu/cach-su-dung/#nghe-doc")
    assert v.page.locator("#nghe-doc").is_visible()

    k = tts(base_url + KM_READING, voices=[VI])  # a Khmer page on a phone with a Vietnamese voice only
    k.page.click(SPEAK)
    k.page.wait_for_selector(".hg-tools .hg-note a", timeout=5000)
    assert "សំឡេងអានភាសាខ្មែរ" in k.page.inner_text(".hg-tools .hg-note")

    w = tts(base_url + "hoi-dap/", stub=False)  # a browser without speech at all (an in-app browser)
    w.context.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined})")
    w.page.reload()
    w.page.click("[data-hg-speak='hd-01']")
    w.page.wait_for_function("document.querySelector('.hg-speak-one .hg-note').textContent !== ''")
    assert "mở trang bằng Chrome" in w.page.inner_text(".hg-speak-one .hg-note")


def test_pause_continue_and_stop(tts, base_url):
    v = tts(base_url + CASE)
    page = v.page
    page.click(SPEAK)
    page.wait_for_selector(".hg-player")
    assert page.evaluate("document.activeElement.dataset.act") == "pause"
    page.evaluate("__tts.finish()")
    page.wait_for_function("__tts.spoken().length === 2")
    assert page.evaluate("document.querySelector('.hg-reading').id") == "dien-bien"
    page.click("[data-act=pause]")
    assert page.inner_text("[data-act=pause]") == "Nghe tiếp" and page.evaluate("__tts.current") is None
    page.wait_for_timeout(200)
    assert len(page.evaluate("__tts.spoken()")) == 2  # paused: nothing more
    page.click("[data-act=pause]")
    page.wait_for_function("__tts.spoken().length === 3")
    assert texts(page.evaluate("__tts.spoken()"))[1:] == ["Diễn biến", "Diễn biến"]  # the paragraph again
    assert page.inner_text("[data-act=pause]") == "Tạm dừng"
    page.evaluate("__tts.finish()")
    page.wait_for_function("__tts.spoken().length === 4")
    reading = page.evaluate("""(() => { const e = document.querySelector('.hg-reading'), r = e.getBoundingClientRect();
        return {tag: e.tagName, text: e.textContent.trim(), top: r.top, bottom: r.bottom, h: innerHeight}; })()""")
    assert reading["tag"] == "P" and reading["text"].startswith("Ở ấp Rạch Sen")
    page.wait_for_timeout(600)  # the smooth scroll
    assert page.evaluate("document.querySelector('.hg-reading').getBoundingClientRect().bottom <= innerHeight")
    page.click("[data-act=stop]")
    assert page.locator(".hg-player").count() == 0 and page.locator(".hg-reading").count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-hg-speak')")
    page.evaluate("__tts.finish()")
    page.wait_for_timeout(200)
    assert len(page.evaluate("__tts.spoken()")) == 4


def test_the_speed_is_remembered(tts, base_url):
    v = tts(base_url + CASE)
    page = v.page
    page.click(SPEAK)
    page.wait_for_selector(".hg-player")
    assert page.get_attribute("[data-rate='1']", "aria-pressed") == "true"
    page.click("[data-rate='1.2']")
    page.wait_for_function("__tts.spoken().length === 2")
    first, again = page.evaluate("__tts.spoken()")
    assert again["text"] == first["text"] and (first["rate"], again["rate"]) == (1, 1.2)
    assert page.inner_text("[data-rate='1.2']") == "1,2×" and page.get_attribute("[data-rate='1.2']", "aria-pressed") == "true"
    assert page.evaluate(f"localStorage.getItem('{RATE_KEY}')") == "1.2"
    page.goto(base_url + LAW)
    page.click(SPEAK)
    page.wait_for_selector(".hg-player")
    assert page.evaluate("__tts.spoken()")[0]["rate"] == 1.2
    assert page.get_attribute("[data-rate='1.2']", "aria-pressed") == "true"
    page.click("[data-rate='0.8']")
    assert page.evaluate(f"localStorage.getItem('{RATE_KEY}')") == "0.8"
    page.click("[data-rate='1']")
    assert page.evaluate(f"localStorage.getItem('{RATE_KEY}')") is None


def test_leaving_the_page_stops_the_voice(tts, base_url):
    v = tts(base_url + CASE)
    v.page.click(SPEAK)
    v.page.wait_for_selector(".hg-player")
    before = int(v.page.evaluate("sessionStorage.getItem('__ttsCancels')") or 0)
    v.page.goto(base_url + LAW)
    assert int(v.page.evaluate("sessionStorage.getItem('__ttsCancels')")) == before + 1


def test_one_control_per_answer_reads_that_answer(tts, base_url):
    v = tts(base_url + "hoi-dap/", auto=1)
    expected = v.page.evaluate("""(() => { const h = document.getElementById('hd-03'), out = [h.firstChild.textContent.trim()];
        for (let n = h.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling)
          if (n.tagName === 'P') out.push(n.textContent.replace(/\\s+/g, ' ').trim());
        return out; })()""")
    assert texts(read_through(v.page, "[data-hg-speak='hd-03']")) == expected
    assert expected[-1].startswith("Căn cứ:")


TRACK = """new MutationObserver((_, obs) => {
  if (!document.documentElement || !document.documentElement.hasAttribute('data-hg-size')) return;
  window.__sizeSet = {body: !!document.body, paints: performance.getEntriesByType('paint').length};
  obs.disconnect();
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-hg-size']});"""
FONT = """parseFloat(getComputedStyle(Array.from(document.querySelectorAll('.md-content__inner p'))
  .find(p => !p.closest('.hg-tools, .admonition, details'))).fontSize)"""  # the first paragraph of text


def test_text_size_is_kept_across_pages_and_applied_before_the_first_paint(visit, base_url):
    v = visit(viewport={"width": 390, "height": 844})
    v.context.add_init_script(TRACK)
    page = v.page
    page.goto(base_url + CASE)
    assert page.evaluate(FONT) == 18 and page.get_attribute("[data-step='-1']", "aria-disabled") == "false"
    page.click("[data-step='1']")
    page.click("[data-step='1']")
    assert page.evaluate(FONT) == pytest.approx(25.2) and page.get_attribute("[data-step='1']", "aria-disabled") == "true"
    assert page.evaluate(f"localStorage.getItem('{SIZE_KEY}')") == "1.4"
    for path in ["hoi-dap/", LAW, KM_READING, LECTURE, "", "bieu-mau/so-theo-doi/"]:
        page.goto(base_url + path)
        assert page.evaluate("window.__sizeSet") == {"body": False, "paints": 0}, path  # set while in <head>
        assert page.get_attribute("html", "data-hg-size") == "1.4"
        assert page.evaluate(FONT) == pytest.approx(25.2), path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path  # the layout holds at 390 px
    page.go_back()  # a page kept in memory shows the size chosen last
    for _ in range(3):
        page.click("[data-step='-1']")
    assert page.get_attribute("html", "data-hg-size") == "0.9" and page.evaluate(FONT) == pytest.approx(16.2)
    assert page.get_attribute("[data-step='-1']", "aria-disabled") == "true"
    page.click("[data-step='1']")
    assert page.get_attribute("html", "data-hg-size") is None
    assert page.evaluate(f"localStorage.getItem('{SIZE_KEY}')") is None
    assert v.external == [] and v.page_errors == []


def test_print_is_unaffected(tts, base_url, visit):
    plain = visit()
    plain.page.goto(base_url + CASE)
    plain.page.emulate_media(media="print")
    printed = plain.page.evaluate(FONT)
    v = tts(base_url + CASE)
    v.page.evaluate(f"localStorage.setItem('{SIZE_KEY}', '1.4')")
    v.page.reload()
    v.page.click(SPEAK)
    v.page.wait_for_selector(".hg-player")
    v.page.emulate_media(media="print")
    assert v.page.evaluate(FONT) == printed
    assert not v.page.locator(".hg-tools").is_visible() and not v.page.locator(".hg-player").is_visible()
    assert v.page.evaluate("getComputedStyle(document.querySelector('.hg-reading')).backgroundColor") == "rgba(0, 0, 0, 0)"


FOCUS = """(() => { const e = document.activeElement, s = getComputedStyle(e);
  return {label: e.getAttribute('aria-label') || e.textContent.trim(), speak: e.hasAttribute('data-hg-speak'),
          act: e.dataset.act || null, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; })()"""


def test_keyboard_reaches_and_operates_the_controls(tts, base_url):
    v = tts(base_url + CASE)
    page = v.page
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS))
        if seen[-1]["speak"]:
            break
    labels = [f["label"] for f in seen]
    assert labels[-3:-1] == ["Chữ nhỏ hơn", "Chữ lớn hơn"] and seen[-1]["speak"]
    assert all(f["ring"] for f in seen[-3:])
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # A+
    assert page.get_attribute("html", "data-hg-size") == "1.2"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Nghe
    page.wait_for_selector(".hg-player")
    assert page.evaluate(FOCUS)["act"] == "pause"
    page.keyboard.press("Space")
    assert page.inner_text("[data-act=pause]") == "Nghe tiếp"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS)["act"] == "stop" and page.evaluate(FOCUS)["ring"]
    page.keyboard.press("Enter")
    assert page.locator(".hg-player").count() == 0 and page.evaluate(FOCUS)["speak"]


def test_axe_on_the_new_states(tts, base_url):
    v = tts(base_url + CASE)
    page, found = v.page, []
    page.click("[data-step='1']")
    page.click("[data-step='1']")  # A+ at its last step
    page.click(SPEAK)
    page.wait_for_selector(".hg-player")
    page.evaluate("__tts.finish()")
    page.wait_for_timeout(400)
    found += axe.run(page, "case: larger text, reading aloud")
    page.click("[data-act=pause]")
    found += axe.run(page, "case: paused")
    page.goto(base_url + "km/hoi-dap/")
    page.click("[data-hg-speak='hd-02']")
    page.wait_for_selector(".hg-player")
    found += axe.run(page, "km questions and answers: one answer read aloud")
    w = tts(base_url + "en/gioi-thieu/cach-su-dung/", voices=[])
    w.page.click(SPEAK)
    w.page.wait_for_selector(".hg-tools .hg-note a", timeout=5000)
    found += axe.run(w.page, "en: hint without a voice")
    assert [str(f) for f in found] == []


def test_offline_copy_from_file(tts, offline_site):
    v = tts((offline_site / "tinh-huong" / "tinh-huong-01.html").as_uri(), auto=1)
    page = v.page
    assert page.locator("[data-hg-share]").count() == 0
    spoken = read_through(page)
    assert spoken[0]["text"].startswith("Tình huống 1") and spoken[0]["voice"] == VI["name"]
    page.click("[data-step='1']")
    page.goto((offline_site / "van-ban" / "luat-35-2013.html").as_uri())
    assert page.get_attribute("html", "data-hg-size") == "1.2"
    assert v.external == [] and v.page_errors == []


def test_the_phone_offline_copy_holds_the_read_aloud_files(site):
    shared = pwa.file_lists(site)["shared"]
    for asset in ("assets/js/read.js", "assets/css/read.css", "assets/js/speak.js", "assets/css/speak.css"):
        assert asset in shared
    assert "assets/js/speak.js" in (site / "sw.js").read_text(encoding="utf-8")


def test_the_text_size_script_is_in_the_csp(site):
    script = re.search(r"<script>([^<]*data-hg-size[^<]*)</script>", (site / "index.html").read_text(encoding="utf-8"))
    import base64
    import hashlib
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode() + "'"
    assert digest in nginx.inline_script_hashes(site)


# The share button: only with a real public address (a second build), over http(s), never from file://.

@pytest.mark.slow
def test_share_is_offered_with_a_public_address(public_site, public_url, tts):
    html = (public_site / CASE / "index.html").read_text(encoding="utf-8")
    assert f'data-hg-share="{PUBLIC_URL}{CASE}"' in html
    assert f'data-hg-share="{PUBLIC_URL}en/hoi-dap/"' in (public_site / "en/hoi-dap/index.html").read_text(encoding="utf-8")
    v = tts(public_url + CASE, permissions=["clipboard-read", "clipboard-write"])
    v.context.add_init_script("document.addEventListener('securitypolicyviolation', e => (window.__csp = e.violatedDirective))")
    v.page.reload()
    page = v.page
    assert page.evaluate("document.documentElement.classList.contains('hg-js') && !window.__csp")  # inline script ran
    share = page.locator("[data-hg-share]")
    assert share.is_visible() and page.evaluate("!navigator.share")  # headless: no share sheet
    share.click()
    page.wait_for_function("document.querySelector('.hg-tools .hg-note').textContent !== ''")
    assert page.inner_text(".hg-tools .hg-note") == "Đã chép liên kết. Dán vào Zalo hoặc tin nhắn để gửi."
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC_URL + CASE
    found = axe.run(page, "share: link copied")
    assert [str(f) for f in found] == [] and v.external == []


@pytest.mark.slow
def test_share_uses_the_share_sheet_and_falls_back(public_site, public_url, tts):
    v = tts(public_url + CASE)
    v.context.add_init_script("navigator.share = d => { window.__shared = d; return Promise.resolve(); }")
    v.page.reload()
    v.page.click("[data-hg-share]")
    v.page.wait_for_function("!!window.__shared")
    assert v.page.evaluate("window.__shared") == {"title": "Tình huống 1: Tự phát hiện mâu thuẫn ở đám giỗ",
                                                  "url": PUBLIC_URL + CASE}
    assert v.page.inner_text(".hg-tools .hg-note") == ""

    w = tts(public_url + "en/hoi-dap/")  # neither clipboard API nor execCommand: show the link to copy by hand
    w.context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined}); "
                              "document.execCommand = () => false;")
    w.page.reload()
    w.page.click("[data-hg-share]")
    assert w.page.inner_text(".hg-tools .hg-note") == f"Copy this link to send it: {PUBLIC_URL}en/hoi-dap/"
    assert w.page.locator(".hg-tools .hg-note code").inner_text() == PUBLIC_URL + "en/hoi-dap/"

    x = tts(Path(public_site / CASE / "index.html").as_uri())  # the same build opened from file://
    assert x.page.locator("[data-hg-share]").count() == 1 and not x.page.locator("[data-hg-share]").is_visible()
    assert x.page.locator("[data-step='1']").is_visible()
