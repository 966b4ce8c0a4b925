"""Reading aids (issue 19): a stubbed speech engine for the browser, and a second build of the site with a
real-looking public address (the share button exists only then), served by nginx with its CSP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reading_support import PUBLIC_URL, STUB, VOICES


@pytest.fixture
def tts(visit):
    """Open a page with the stubbed engine: tts(url, voices=…, late=ms, auto=ms, **context options)."""

    def open_page(url, *, voices=VOICES, late=0, auto=0, stub=True, **options):
        v = visit(**{"viewport": {"width": 390, "height": 844}, **options})
        if stub:
            v.context.add_init_script("window.__ttsConfig = " + json.dumps({"voices": voices, "late": late, "auto": auto}))
            v.context.add_init_script(path=str(STUB))
        v.page.goto(url)
        return v

    return open_page


@pytest.fixture(scope="session")
def public_site(build_dir) -> Path:
    """The web build once more, with SITE_URL set to a real-looking address."""
    from hoagiai.build import mkdocs_build

    target = build_dir / "public-site"
    mkdocs_build(Path(__file__).resolve().parents[2], target, env={"SITE_URL": PUBLIC_URL})
    return target


@pytest.fixture(scope="session")
def public_url(public_site):
    from hoagiai.quality.serve import nginx_site

    with nginx_site(public_site) as url:
        yield url
