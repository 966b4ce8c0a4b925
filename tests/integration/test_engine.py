"""The engine decision (ARCHITECTURE.md): ProperDocs, a drop-in continuation of MkDocs 1.x, builds this site
strictly with the same hooks, plugins and overrides, and writes the same set of pages.

`.ci/run` installs ProperDocs into its own virtual environment (.ci/properdocs, on top of the system's
packages: Material still installs the `mkdocs` package as a dependency, so the test checks that ProperDocs'
own code ran, by the generator line it writes into every page)."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROPERDOCS = ROOT / ".ci" / "properdocs" / "bin" / "properdocs"

pytestmark = pytest.mark.slow


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="ProperDocs not installed: run .ci/run")
def test_properdocs_builds_the_same_pages(site, tmp_path):
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert pages(out) == pages(site)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.' in home  # ProperDocs itself built it
    assert (out / "search" / "hg-vi.js").exists() and (out / "km" / "sitemap.xml").exists()  # our hooks ran
