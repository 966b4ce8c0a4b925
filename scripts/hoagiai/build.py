"""Build the site with MkDocs in a subprocess (the core never imports mkdocs) and pack the offline zip.

Builds go to a temporary folder first and replace the target only when they succeed: never a
half-written site.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from hoagiai.errors import UserError

SITE_NAME = "hoa-giai-co-so"
WEB_ONLY = ("assets/img/share-card.png",)


def mkdocs_build(root: Path, site_dir: Path, *, offline: bool = False, env: dict | None = None) -> None:
    """Run a strict `mkdocs build` into site_dir (replaced only on success)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=site_dir.parent))  # same file system: rename is atomic
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if offline:
        run_env["DIRECTORY_URLS"] = "false"  # page.html links that work from file://
        run_env["HG_OFFLINE_BUILD"] = "true"  # no service worker, no manifest
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"),
           "--site-dir", str(tmp)]
    proc = subprocess.run(cmd, cwd=root, env=run_env, capture_output=True, text=True)
    if proc.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        output = (proc.stderr + proc.stdout).splitlines()
        # Everything from the first warning or error on (MkDocs indents the details under it).
        first = next((i for i, ln in enumerate(output) if ln.startswith(("WARNING", "ERROR"))), None)
        lines = [ln for ln in output[first:] if not ln.startswith("INFO")] if first is not None else []
        raise UserError(lines[:60] or [proc.stderr[-4000:] or "mkdocs build failed"])
    shutil.rmtree(site_dir, ignore_errors=True)
    tmp.rename(site_dir)


def offline_zip(root: Path, dist: Path, *, date: dt.date | None = None) -> Path:
    """Build the offline site and pack it as dist/<name>-offline-<YYYY-MM-DD>.zip (one top folder)."""
    date = date or dt.date.today()
    folder = f"{SITE_NAME}-offline-{date.isoformat()}"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / folder
        mkdocs_build(root, site, offline=True)
        for page in site.rglob("404.html"):  # a 404 page needs a web server (its links are root-absolute)
            page.unlink()
        for name in WEB_ONLY:  # what only a web address uses (the card Zalo and Facebook show for a shared link)
            (site / name).unlink(missing_ok=True)
        dist.mkdir(parents=True, exist_ok=True)
        target = dist / f"{folder}.zip"
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    zf.write(path, Path(folder) / path.relative_to(site))
        partial.replace(target)
    return target
