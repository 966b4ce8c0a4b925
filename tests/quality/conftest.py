"""Quality gates (issue 12): fixtures shared by the accessibility, HTML, Lighthouse, link, privacy and
content tests, and the summary table printed at the end of the run (measurements are also written to
test-results/quality/*.json for `hoagiai bench`)."""

from __future__ import annotations

import importlib.util

import pytest
from quality_support import ROOT, SUMMARY, Watched


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("quality gates (issue 12)")
        width = max(len(k) for k in SUMMARY)
        for key, value in SUMMARY.items():
            terminalreporter.write_line(f"{key.ljust(width)}  {value}")


def _publish_conftest():
    """tests/publish/conftest.py (its Nginx class: the real nginx with the generated CSP and gzip)."""
    spec = importlib.util.spec_from_file_location("hg_publish_conftest", ROOT / "tests" / "publish" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def quality_served(site, tmp_path_factory):
    """ONE nginx for the quality tests: the site under /hoa-giai-co-so/, generated CSP enforced, gzip."""
    server = _publish_conftest().Nginx(site, tmp_path_factory.mktemp("quality-nginx"))
    yield server
    server.stop()


@pytest.fixture
def watched(browser):
    opened: list[Watched] = []

    def make(**options) -> Watched:
        opened.append(Watched(browser, **options))
        return opened[-1]

    yield make
    for w in opened:
        w.close()
