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

OUR_ASSETS = ("assets/css/site.css", "assets/quiz/quiz.css", "assets/js/site.js", "assets/js/search.js",
              "assets/quiz/quiz.js", "assets/forms/forms.js", "assets/forms/forms.css")


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
OUR_ASSETS_ALWAYS = ("assets/css/site.css", "assets/js/site.js")  # search.js loads when search opens


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
        plain_t.extend(timed(lambda: _plain_build(root, plain, work / "plain"), 1))

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


def _plain_build(root: Path, config: Path, out: Path) -> None:
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
_SEARCH = """async q => { const ui = document.querySelector('.md-search'); const input = ui.querySelector('.md-search__input');
  const t0 = performance.now(); document.getElementById('__search').click(); input.value = q;
  input.dispatchEvent(new Event('input'));
  await new Promise(done => { const check = () => ui.querySelector('.md-search-result__item') ? done() : setTimeout(check, 5); check(); });
  return performance.now() - t0; }"""


def browser_timings(site: Path, offline_site: Path, throttle: float = 4.0, repeat: int = 3) -> dict:
    """At 4x CPU throttle in Chromium: page load to interactive quiz; opening search and typing to results
    (index load included), online over HTTP and from file://."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    out: dict[str, list[float]] = {"quiz_interactive_ms": [], "search_online_ms": [], "search_file_ms": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for _ in range(repeat):
                for key, target in (("quiz_interactive_ms", url + "chuong-trinh/mo-dun-03/"),
                                    ("search_online_ms", url), ("search_file_ms", (offline_site / "index.html").as_uri())):
                    context = browser.new_context(viewport={"width": 360, "height": 800})
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
                    page.goto(target)
                    value = page.evaluate(_QUIZ_READY) if key == "quiz_interactive_ms" else page.evaluate(_SEARCH, "hoa giai thanh")
                    out[key].append(value)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return {k: round(statistics.median(v)) for k, v in out.items()}


def search_quality(site: Path, queries_file: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from hoagiai.search import bench as search_bench

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        results = search_bench.run(site, search_bench.load_queries(queries_file), browser)
        browser.close()
    return search_bench.summary(results)


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
