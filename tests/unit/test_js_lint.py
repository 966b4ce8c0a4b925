"""ESLint (pinned in .ci/node) on every browser script under docs/assets/ and on the service worker."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESLINT = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "eslint"


@pytest.mark.skipif(not ESLINT.exists(), reason="ESLint not installed: run .ci/run (npm ci in .ci/node)")
def test_scripts_pass_eslint():
    result = subprocess.run([str(ESLINT), "-c", ".ci/node/eslint.config.mjs", "--max-warnings", "0",
                             "docs/assets", "scripts/hoagiai/publish/sw.js"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_sees_every_script():
    """The lint run above covers every .js the site ships (a new folder of scripts is not left out)."""
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.js")}
    assert shipped and all(path.startswith("docs/assets/") for path in shipped), shipped
