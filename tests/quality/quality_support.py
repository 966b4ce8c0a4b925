"""Helpers for the quality tests (a uniquely named module: several test folders have a conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results" / "quality"
SUMMARY: dict[str, str] = {}


WATCH = """
window.__hg = {csp: [], errors: []};
document.addEventListener('securitypolicyviolation',
  e => window.__hg.csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @' + e.sourceFile + ':' + e.lineNumber));
"""


def record(name: str, data, summary: str | None = None) -> None:
    """Keep a measurement for the report (test-results/quality/NAME.json) and the end-of-run table."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    if summary is not None:
        SUMMARY[name] = summary


class Watched:
    """A browser context that blocks and records requests to other hosts, page errors, console errors
    and CSP violations. Service workers are blocked by default, so that every request passes the
    router (a worker's own fetches would not)."""

    def __init__(self, browser, *, service_workers: str = "block", **options):
        self.context = browser.new_context(**{"viewport": {"width": 360, "height": 800},
                                              "service_workers": service_workers, **options})
        self.context.add_init_script(WATCH)
        self.external: list[str] = []
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.csp: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.page_errors.append(f"{self.page.url}: {exc}"))
        self.page.on("console", self._console)

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(f"{self.page.url}: {msg.text}")
        if "Content Security Policy" in msg.text:
            self.csp.append(f"{self.page.url}: {msg.text}")

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def collect_csp(self) -> None:
        """Move the violations the page saw (securitypolicyviolation events) into self.csp."""
        try:
            found = self.page.evaluate("window.__hg ? window.__hg.csp.splice(0) : []")
        except PlaywrightError:  # the page is navigating away
            found = []
        self.csp += [f"{self.page.url}: {v}" for v in found]

    def close(self):
        self.context.close()


def answer_quiz(page, quiz_selector: str = ".hg-quiz") -> None:
    """Answer every visible question of the first quiz matching the selector (first options; ordering in
    the order shown), checking each one, the way a reader does with a mouse."""
    quiz = page.locator(quiz_selector).first
    quiz.scroll_into_view_if_needed()
    questions = quiz.locator(".hg-q")
    for i in range(questions.count()):
        q = questions.nth(i)
        if not q.is_visible():
            continue
        selects = q.locator("select")
        if selects.count():
            for n in range(selects.count()):
                selects.nth(n).select_option(str(n + 1))
        else:
            q.locator("input").first.check()
        q.locator(".hg-check").click()
    page.wait_for_selector(f"{quiz_selector} .hg-score", state="visible")
