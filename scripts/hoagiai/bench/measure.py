"""The measurements behind `hoagiai bench`."""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import statistics
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from hoagiai.build import mkdocs_build, offline_zip
from hoagiai.curriculum import LOCALES
from hoagiai.quality.serve import QuietHandler

OUR_ASSETS = ("assets/css/site.css", "assets/css/read.css", "assets/quiz/quiz.css", "assets/js/site.js",
              "assets/js/read.js", "assets/js/search.js", "assets/css/search.css", "assets/quiz/quiz.js",
              "assets/js/speak.js", "assets/css/speak.css", "assets/forms/forms.js",
              "assets/forms/forms.css")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))  # nginx's usual level


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def plain_material_config(root: Path) -> Path:
    """The same mkdocs.yml and docs without our hooks and our extra JS/CSS (theme overrides kept)."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^extra_(?:css|javascript):\n(?:  - .*\n)+", "", text, flags=re.M)
    path = root / ".bench-plain-material.yml"
    path.write_text(text, encoding="utf-8")
    return path


def pages_per_language(site: Path) -> dict[str, int]:
    counts = {}
    for lang in LOCALES:
        base = site if lang == "vi" else site / lang
        counts[lang] = sum(1 for p in base.rglob("*.html")
                           if p.name != "404.html" and (lang != "vi" or p.relative_to(site).parts[0] not in ("en", "km")))
    return counts


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def typical_page(site: Path) -> Path:
    """The median-size page of the vi build."""
    pages = sorted((p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("en", "km", "assets")),
                   key=lambda p: p.stat().st_size)
    return pages[len(pages) // 2]


_ASSET = re.compile(r'<(?:link[^>]+rel="(?:stylesheet|icon|manifest)"[^>]*href|script[^>]+src|img[^>]+src)="([^"]+)"')
# search.js loads when search opens, speak.js and speak.css when "Nghe" is pressed
OUR_ASSETS_ALWAYS = ("assets/css/site.css", "assets/css/read.css", "assets/js/site.js", "assets/js/read.js")
READING_AIDS = ("assets/css/read.css", "assets/js/read.js")
READ_ALOUD = ("assets/js/speak.js", "assets/css/speak.css")
_TEXTSIZE_SCRIPT = re.compile(r"<script>[^<]*data-hg-size[^<]*</script>")


def page_transfer(site: Path, page: Path) -> dict[str, int]:
    """First view: the page and everything it loads, gzipped. Repeat view: the page only (assets cached)."""
    html = page.read_bytes()
    first = gz(html)
    for ref in set(_ASSET.findall(html.decode("utf-8"))):
        if ref.startswith(("http:", "https:", "data:")):
            continue
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file():
            first += gz(target.read_bytes())
    return {"first_view_gz": first, "repeat_view_gz": gz(html)}


def our_assets(site: Path) -> dict[str, int]:
    """JS/CSS we add: on every page, and in total (quiz.js/css only on pages with a quiz, forms.js/css only on
    form pages)."""
    return {"raw": sum((site / a).stat().st_size for a in OUR_ASSETS),
            "gz": sum(gz((site / a).read_bytes()) for a in OUR_ASSETS),
            "every_page_gz": sum(gz((site / a).read_bytes()) for a in OUR_ASSETS_ALWAYS)}


def reading_aids(site: Path, page: Path) -> dict[str, int]:
    """Issue 19: the JS and CSS the reading aids add to a reading page (their files and the inline script that
    applies the text size before the first paint), and what "Nghe" loads when pressed (gzip)."""
    inline = _TEXTSIZE_SCRIPT.search(page.read_text(encoding="utf-8"))
    return {"reading_page_gz": sum(gz((site / a).read_bytes()) for a in READING_AIDS) + (gz(inline.group(0).encode()) if inline else 0),
            "read_aloud_gz": sum(gz((site / a).read_bytes()) for a in READ_ALOUD)}


def builds(root: Path, repeat: int = 3, ratio_pairs: int = 5) -> tuple[dict, Path, Path]:
    """Web, offline and plain-Material build times (medians of `repeat`), and the ratio of the web build to
    the plain one: the median over `ratio_pairs` pairs run back to back, the order alternating, so that a
    slow spell of this shared machine weighs on both sides of a pair alike."""
    work = Path(tempfile.mkdtemp(prefix="hoagiai-bench-"))
    plain = plain_material_config(root)
    web_t, off_t, plain_t = [], [], []

    def web():
        web_t.extend(timed(lambda: mkdocs_build(root, work / "site"), 1))

    def bare():
        plain_t.extend(timed(lambda: plain_build(root, plain, work / "plain"), 1))

    try:
        for i in range(max(repeat, ratio_pairs)):
            for step in ((web, bare) if i % 2 == 0 else (bare, web)):
                step()
            if i < repeat:
                off_t += timed(lambda: offline_zip(root, work / "dist"), 1)
    finally:
        plain.unlink(missing_ok=True)
    zip_path = next((work / "dist").glob("*.zip"))
    figures = {
        "web_build_s": round(statistics.median(web_t[:repeat]), 2),
        "offline_build_s": round(statistics.median(off_t), 2),
        "plain_material_build_s": round(statistics.median(plain_t[:repeat]), 2),
        "ratio_pairs": len(web_t),
        "ratio_to_plain_material": round(statistics.median(w / p for w, p in zip(web_t, plain_t)), 3),
    }
    return figures, work / "site", zip_path


def plain_build(root: Path, config: Path, out: Path) -> None:
    import os
    import shutil
    import subprocess
    import sys

    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict", "-f", str(config), "-d", str(out)],
                   cwd=root, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


_QUIZ_READY = """new Promise(done => { const t0 = performance.timeOrigin;
  const check = () => document.querySelector('.hg-quiz.hg-js') ? done(performance.now()) : requestAnimationFrame(check);
  check(); })"""
# From the click on the search button (phone width) to the first result of the query.
_FIRST_SEARCH = """async q => { const t0 = performance.now();
  const button = document.querySelector('button[data-hg-toggle="__search"]');
  if (button && button.offsetParent) button.click(); else document.getElementById('__search').click();
  const input = document.querySelector('.md-search__input'); input.value = q; input.dispatchEvent(new Event('input'));
  await new Promise(done => { const check = () => document.querySelector('.md-search-result__item') ? done() : setTimeout(check, 5); check(); });
  return performance.now() - t0; }"""
# Each text typed, as one input event (a key, or a paste): the time until the results list changes.
_TYPE = """async ([texts, append]) => {
  const input = document.querySelector('.md-search__input'), list = document.querySelector('.md-search-result__list');
  const times = [];
  for (const text of texts) {
    const changed = new Promise(done => { const o = new MutationObserver(() => { o.disconnect(); done(); });
      o.observe(list, { childList: true }); });
    const t0 = performance.now();
    input.value = append ? input.value + text : text; input.dispatchEvent(new Event('input'));
    await changed;
    times.push(performance.now() - t0);
    await new Promise(r => setTimeout(r, 60));
  }
  return times; }"""
SEARCH_QUERY = "hoa giai thanh"             # the named query of the first-search timings
KEYSTROKES = " nuoc man vao ruong lua"      # typed one key at a time after its results
BAD_INPUTS = {  # issue 16: no error and a sensible state (tests/search); their time per input is a figure here
    "500 characters": ("hòa giải tranh chấp đất đai giữa hàng xóm với nhau " * 11)[:500],
    "only punctuation": "?!.,;:-()[]\"'…",
    "emoji": "😀🙏🏽 hụi bể 🐟",
    "vi, km and Latin": "hòa giải ភូមិ karaoke ការសម្រុះសម្រួល đất",
    "the same word 50 times": " ".join(["karaoke"] * 50),
}
# Chrome DevTools' "Slow 4G" (Lighthouse's mobile profile): 1.6 Mbps down, 750 kbps up, 150 ms round trip.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}


def browser_timings(site: Path, offline_site: Path, throttle: float = 4.0, repeat: int = 3) -> tuple[dict, int]:
    """At 4x CPU throttle in Chromium, service workers blocked, a new (empty) cache each run: page load to
    interactive quiz; the first search (click on the search button to the first result of SEARCH_QUERY)
    through nginx with gzip on Slow 4G, and from file:// (the offline copy); each further keystroke; the bad
    inputs. Returns the timings (medians; keystrokes and bad inputs: the slowest) and the bytes the first
    search downloads (gzip, as nginx sends them)."""
    from playwright.sync_api import sync_playwright

    from hoagiai.quality.serve import nginx_site

    server, url = serve(site)
    out: dict[str, list[float]] = {"quiz_interactive_ms": [], "search_first_slow4g_ms": [], "search_file_ms": [],
                                   "search_keystroke_ms": [], "search_bad_input_ms": []}
    downloads = []
    try:
        with sync_playwright() as p, nginx_site(site) as nginx_url:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])

            def fresh(target: str, network: dict | None = None, settle: bool = True):
                context = browser.new_context(viewport={"width": 360, "height": 800}, service_workers="block")
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
                if network:
                    cdp.send("Network.enable")
                    cdp.send("Network.emulateNetworkConditions", network)
                page.goto(target)
                if settle:  # the page loaded and quiet: the search timings start from the click
                    page.wait_for_load_state("networkidle")
                return context, page, cdp

            for _ in range(repeat):
                context, page, _ = fresh(url + "chuong-trinh/mo-dun-03/", settle=False)
                out["quiz_interactive_ms"].append(page.evaluate(_QUIZ_READY))
                context.close()

                context, page, cdp = fresh(nginx_url, SLOW_4G)
                sizes: dict[str, float] = {}
                cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
                before = set(sizes)
                out["search_first_slow4g_ms"].append(page.evaluate(_FIRST_SEARCH, SEARCH_QUERY))
                page.wait_for_selector(".md-search-result__item p", timeout=30_000)  # snippets: the texts came
                page.wait_for_load_state("networkidle")
                downloads.append(sum(v for k, v in sizes.items() if k not in before))
                context.close()

                context, page, _ = fresh((offline_site / "index.html").as_uri())
                out["search_file_ms"].append(page.evaluate(_FIRST_SEARCH, SEARCH_QUERY))
                page.wait_for_timeout(300)
                out["search_keystroke_ms"].append(max(page.evaluate(_TYPE, [list(KEYSTROKES), True])))
                out["search_bad_input_ms"].append(max(page.evaluate(_TYPE, [list(BAD_INPUTS.values()), False])))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {k: round(statistics.median(v)) for k, v in out.items()}, round(statistics.median(downloads))


def search_quality(site: Path, root: Path) -> dict:
    """hit@1, hit@3 and empty results: tests/search/queries.yml per language, tests/search/situations.yml."""
    from playwright.sync_api import sync_playwright

    from hoagiai.search import bench as search_bench

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        queries = search_bench.run(site, search_bench.load(root / search_bench.QUERIES), browser)
        situations = search_bench.run(site, search_bench.load(root / search_bench.SITUATIONS), browser)
        browser.close()
    return {**search_bench.summary(queries), "situations": search_bench.figures(situations)}


def unzip(zip_path: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="hoagiai-bench-zip-"))
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(target)
    return next(target.iterdir())


AXE_PAGES = ("", "en/", "km/", "chuong-trinh/mo-dun-03/", "chuong-trinh/mo-dun-06/nuoc-man-nuoc-ngot/",
             "van-ban/luat-35-2013/", "tinh-huong/tinh-huong-12/", "thuat-ngu/", "tu-kiem-tra/",
             "bieu-mau/van-ban-hoa-giai-thanh/", "km/chuong-trinh/mo-dun-03/tien-hanh-hoa-giai/",
             "en/hoi-dap/", "dan-toc-thieu-so/nen-va-khong-nen/", "bai-giang-mau/mo-dun-04/")


def quality(site: Path, lighthouse_runs: int = 3) -> dict:
    """Lighthouse medians (nginx + gzip + CSP), axe violations on representative pages, Nu errors."""
    from playwright.sync_api import sync_playwright

    from hoagiai.quality import axe, lighthouse, nu

    server, url = serve(site)
    violations = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 360, "height": 800})
            for path in AXE_PAGES:
                page.goto(url + path)
                violations += axe.run(page, path or "/")
            browser.close()
    finally:
        server.shutdown()
    nu_errors = nu.run([site], root=site)
    return {
        "lighthouse": lighthouse.bench(site, runs=lighthouse_runs),
        "axe": {"version": axe.axe_version(), "pages": len(AXE_PAGES), "violations": len(violations)},
        "nu": {"pages": sum(1 for _ in site.rglob("*.html")), "errors": len(nu_errors),
               "errors_not_from_placeholders": sum("TODO" not in e.extract for e in nu_errors)},
    }
