"""Shared fixtures: ONE site build per test session (web + offline), served on port 0 under the portal
sub-path, and a Chromium (Debian package) driven by Playwright that records every non-local request."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hoagiai.quality.serve import QuietHandler

ROOT = Path(__file__).resolve().parents[1]
SUBPATH = "/hoa-giai-co-so/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LOCALES = ("vi", "en", "km")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("build")


@pytest.fixture(scope="session")
def site(build_dir) -> Path:
    """The web build (strict), made once per session."""
    from hoagiai.build import mkdocs_build

    target = build_dir / "site"
    mkdocs_build(ROOT, target)
    return target


@pytest.fixture(scope="session")
def offline_zip(build_dir) -> Path:
    from hoagiai.build import offline_zip as make_zip

    return make_zip(ROOT, build_dir / "dist")


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    """The offline zip unpacked, then moved to another folder (links must survive the move)."""
    first = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(first)
    (folder,) = list(first.iterdir())
    moved = tmp_path_factory.mktemp("moved") / "USB drive" / folder.name
    moved.parent.mkdir(parents=True)
    shutil.move(str(folder), moved)
    return moved


class _Handler(QuietHandler):
    """Serves the site under SUBPATH, with the language's 404 page like the portal's web server."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if path.startswith(SUBPATH):
            path = "/" + path[len(SUBPATH):]
        else:
            path = "/__outside__/"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        rel = urlsplit(self.path).path[len(SUBPATH):] if self.path.startswith(SUBPATH) else ""
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in ("en", "km") else ""
        body = (Path(self.directory) / lang / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update"])
        yield browser
        browser.close()


class Visit:
    """A fresh browser context (empty storage) that blocks and records every request to another host."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**{"viewport": {"width": 360, "height": 800}, **options})
        self.external: list[str] = []
        self.page_errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("file:", "data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    visits: list[Visit] = []

    def make(**options) -> Visit:
        visits.append(Visit(browser, **options))
        return visits[-1]

    yield make
    for v in visits:
        v.close()


def type_search(page, query):
    """Open the search dialog as a reader would and type; returns the result items."""
    button = page.locator('button[data-hg-toggle="__search"]')
    if button.is_visible():  # phones: a search button; wide screens show the search box itself
        button.click()
    else:
        page.click(".md-search__input")
    page.wait_for_selector(".md-search__input", state="visible")
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    # Results for a prefix may show while typing: wait for the ones of the whole query.
    page.wait_for_function("""q => { const a = document.querySelector('.md-search-result__link');
        return !!a && !!window.hgSearch && a.href.includes('h=' + encodeURIComponent(window.hgSearch.tokens(q).join(' '))); }""",
                           arg=query, timeout=10_000)
    return page.locator(".md-search-result__item")


@pytest.fixture(scope="session")
def search_ui():
    return type_search
