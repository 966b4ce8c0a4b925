"""Print HTML files to PDF with headless chromium (`--print-to-pdf`): one tool for every PDF we make."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hoagiai.errors import UserError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str:
    explicit = os.environ.get("HOAGIAI_CHROMIUM")
    if explicit:
        return explicit
    for name in CANDIDATES:
        if found := shutil.which(name):
            return found
    raise UserError("chromium not found: install Debian's `chromium` package (apt-get install chromium "
                    "fonts-noto-core) or set HOAGIAI_CHROMIUM to the browser's path")


def print_to_pdf(html: Path, pdf: Path, *, timeout: float = 120) -> Path:
    """Print a local HTML file to `pdf`; the page's own @page CSS sets size and margins."""
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hoagiai-chromium-") as profile:
        command = [
            find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
            "--no-first-run", "--no-pdf-header-footer", f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}", html.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise UserError(f"{html}: chromium did not finish printing within {timeout:.0f} s") from None
        except OSError as exc:
            raise UserError(f"cannot run chromium: {exc}") from None
    if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise UserError(f"{html}: chromium could not print a PDF ({detail[0]})")
    return pdf
