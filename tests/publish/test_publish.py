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
    v.page.goto(served.url + "en/")  # another language was not kept
    assert v.page.locator("h1").count() == 0 or "en" != v.page.evaluate("document.documentElement.lang")


@pytest.mark.browser
def test_a_new_version_replaces_the_old_one_without_mixing(nginx_server, visit):
    server = nginx_server()
    v = open_page(visit, server.url)
    v.page.wait_for_selector("html[data-hg-offline-ready]", timeout=60_000)
    old = v.page.locator("h1").first.inner_text()
    # Publish a new version: a changed page and a changed stylesheet, then a regenerated worker.
    home = server.site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(old, old + " (bản mới)"), encoding="utf-8")
    css = server.site / "assets" / "css" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nbody { --hg-version: 2; }\n", encoding="utf-8")
    pwa.write(server.site, name="Hòa giải cơ sở", short_name="Hòa giải", description="")
    v.page.reload()
    # Still the old version, old page with old stylesheet: nothing mixed.
    assert v.page.locator("h1").first.inner_text() == old
    assert v.page.evaluate("getComputedStyle(document.body).getPropertyValue('--hg-version')").strip() == ""
    v.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    v.page.wait_for_function("navigator.serviceWorker.getRegistration().then(r => !!r.waiting)", timeout=60_000)
    v.page.close()
    page = v.context.new_page()
    page.goto(server.url)
    page.reload()
    assert page.locator("h1").first.inner_text() == old + " (bản mới)"
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--hg-version')").strip() == "2"


def test_release_build_refuses_placeholders(root, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "hoagiai.cli", "build", "--release", "--site-dir", str(tmp_path / "s")],
                          cwd=root, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "extra.province.hotline: still 'TODO: publisher'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "s").exists()
