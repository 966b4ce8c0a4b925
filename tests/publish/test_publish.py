"""Publishing: portal sub-path behind a real nginx with the generated CSP, share cards, the phone
offline copy (service worker), updates without mixing versions, and the release check."""

import gzip
import re
import subprocess
import sys
import urllib.request

import pytest

from hoagiai.publish import pwa

pytestmark = [pytest.mark.slow]

WATCH_CSP = """document.addEventListener('securitypolicyviolation', e =>
  (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""


def open_page(visit, url, **options):
    v = visit(**options)
    v.context.add_init_script(WATCH_CSP)
    console = []
    v.page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    v.console = console
    v.page.goto(url)
    return v


def wait_until(page, condition, scope=None, seconds=90):
    """Poll the service worker registration (wait_for_function does not await async predicates)."""
    check = f"async s => {{ const r = await navigator.serviceWorker.getRegistration(s); return !!(r && ({condition})); }}"
    for _ in range(seconds * 4):
        if page.evaluate(check, scope):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"service worker never reached: {condition}")


def csp_violations(v):
    return (v.page.evaluate("window.__csp || []") or []) + v.console


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "van-ban/luat-35-2013/", "tu-kiem-tra/", "km/", "en/hoi-dap/"])
def test_pages_work_under_the_subpath_with_the_csp_enforced(served, visit, path):
    v = open_page(visit, served.url + path)
    v.page.wait_for_load_state("networkidle")
    assert v.page.locator("h1").first.is_visible()
    assert v.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert csp_violations(v) == []
    assert v.external == [] and v.page_errors == []


def test_nginx_sends_the_csp_gzip_and_cache_headers(served):
    res = urllib.request.urlopen(urllib.request.Request(served.url, headers={"Accept-Encoding": "gzip"}))
    csp = res.headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert res.headers["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(res.read()).decode()
    css = next(served.site.glob("assets/stylesheets/main.*.min.css")).name
    res = urllib.request.urlopen(served.url + "assets/stylesheets/" + css)
    assert "immutable" in res.headers["Cache-Control"]
    res = urllib.request.urlopen(served.url + "sw.js")
    assert "no-store" in res.headers["Cache-Control"]
    assert res.headers["Service-Worker-Allowed"] == "/hoa-giai-co-so/"


@pytest.mark.parametrize("path, lang", [("khong-co/", "vi"), ("en/missing/", "en"), ("km/missing/", "km")])
def test_nginx_serves_the_404_of_the_language(served, path, lang):
    with pytest.raises(urllib.request.HTTPError) as err:
        urllib.request.urlopen(served.url + path)
    assert err.value.code == 404
    assert f'<html lang="{lang}"' in err.value.read().decode()


def test_share_card_meta(site):
    page = (site / "van-ban" / "luat-35-2013" / "index.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', page))
    assert meta["og:title"].startswith("Luật Hòa giải ở cơ sở")
    assert meta["og:description"]
    assert re.fullmatch(r"https?://[^ ]+/hoa-giai-co-so/assets/img/share-card\.png", meta["og:image"])
    assert meta["og:url"].endswith("/hoa-giai-co-so/van-ban/luat-35-2013/")
    assert meta["twitter:card"] == "summary_large_image"
    assert '<link rel="canonical" href="' in page
    assert (site / "assets" / "img" / "share-card.png").stat().st_size > 10_000


def test_service_worker_lists_each_language_and_the_offline_zip_has_none(site, offline_zip):
    import zipfile

    lists = pwa.file_lists(site)
    assert "search/hg-vi.js" in lists["vi"] and "en/" in lists["en"] and "km/" in lists["km"]
    # An en or km reader's search also needs the Vietnamese index (pages shown in Vietnamese).
    assert all({f"search/hg-{lang}.js", "search/hg-vi.js"} <= set(lists[lang]) for lang in ("en", "km"))
    assert all(not u.startswith(("en/", "km/")) for u in lists["vi"])
    assert (site / "manifest.webmanifest").is_file()
    names = zipfile.ZipFile(offline_zip).namelist()
    assert not [n for n in names if n.endswith(("sw.js", "manifest.webmanifest"))]


@pytest.mark.browser
def test_phone_reads_unvisited_pages_offline_after_one_visit(served, visit):
    v = open_page(visit, served.url)
    v.page.wait_for_selector("html[data-hg-offline-ready]", timeout=60_000)
    assert "✓" in v.page.locator("[data-hg-offline]").inner_text()
    v.context.set_offline(True)
    for path in ("tinh-huong/tinh-huong-12/", "van-ban/luat-35-2013/?h=hoa", "tu-kiem-tra/"):
        v.page.goto(served.url + path)
        assert v.page.locator("h1").first.is_visible(), path
    v.page.goto(served.url)  # search works offline too: its index was kept with the pages
    v.page.click('button[data-hg-toggle="__search"]')
    v.page.locator(".md-search__input").fill("vit an lua")
    v.page.wait_for_selector(".md-search-result__item", timeout=10_000)
    with pytest.raises(Exception):  # another language was not kept
        v.page.goto(served.url + "en/")


@pytest.mark.browser
def test_a_khmer_reader_searches_offline_pages_shown_in_vietnamese(served, visit):
    v = open_page(visit, served.url + "km/")
    v.page.wait_for_selector("html[data-hg-offline-ready]", timeout=60_000)
    v.context.set_offline(True)
    v.page.goto(served.url + "km/thuat-ngu/")
    v.page.click('button[data-hg-toggle="__search"]')
    v.page.locator(".md-search__input").fill("vit an lua")  # a case shown in Vietnamese: the vi index, kept
    v.page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = v.page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    assert any("/km/tinh-huong/tinh-huong-12/" in href for href in links), links


@pytest.mark.browser
def test_a_new_version_replaces_the_old_one_without_mixing(nginx_server, browser):
    server = nginx_server()
    # A plain context: Playwright's request routing holds up a service worker's update install.
    context = browser.new_context(viewport={"width": 360, "height": 800})
    v = type("V", (), {"context": context, "page": context.new_page()})
    v.page.goto(server.url)
    v.page.wait_for_selector("html[data-hg-offline-ready]", timeout=60_000)
    # Publish a new version: a changed page and a changed stylesheet, then a regenerated worker.
    home = server.site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("<h1", "<h1 data-new-version", 1), encoding="utf-8")
    css = server.site / "assets" / "css" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nbody { --hg-version: 2; }\n", encoding="utf-8")
    pwa.write(server.site, name="Hòa giải cơ sở", short_name="Hòa giải", description="")

    def state(page):
        return (page.locator("h1[data-new-version]").count(),
                page.evaluate("getComputedStyle(document.body).getPropertyValue('--hg-version')").strip())

    v.page.reload()
    assert state(v.page) == (0, "")  # still the old version, page and stylesheet: nothing mixed
    v.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_until(v.page, "r.waiting")  # the new version has kept this language offline and waits
    v.page.close()
    # Once no page of the old version is open, the new one takes over: page and stylesheet together.
    # (Watch the registration from a same-origin page outside the site's scope, which no worker controls.)
    page = v.context.new_page()
    page.goto(server.url.replace("/hoa-giai-co-so/", "/outside-the-scope"))
    wait_until(page, "r.active && !r.waiting && !r.installing", scope=server.url)
    for _ in range(40):
        page.goto(server.url)
        seen = state(page)
        assert seen in ((0, ""), (1, "2")), "old and new mixed"
        if seen == (1, "2"):
            break
        page.wait_for_timeout(250)
    context.close()
    assert seen == (1, "2")


def test_release_build_refuses_placeholders(root, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "hoagiai.cli", "build", "--release", "--site-dir", str(tmp_path / "s")],
                          cwd=root, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "extra.province.hotline: still 'TODO: publisher'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()
