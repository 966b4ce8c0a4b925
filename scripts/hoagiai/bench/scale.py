"""`hoagiai bench --scale N`: the same site with N× today's Vietnamese pages, to see how the build and the
search grow.

The synthetic project lives in a temporary folder: the real config, data, banks, overrides and code (linked,
not copied) and a docs folder holding today's pages plus N−1 copies of the Vietnamese pages under
`docs/quy-mo/ban-K/` (same tree, so relative links resolve inside each copy), listed in one extra nav
section. The copies are exempt from the content conventions (module folders, lesson names, register pages):
only the build and the search are measured on them; en and km show them as fallback pages, as usual.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from hoagiai.source import is_translation

SCALE_DIR = "quy-mo"
LINKED = ("data", "quizzes", "overrides", "scripts", "pyproject.toml")


def scaled_project(root: Path, factor: int, dest: Path) -> Path:
    """Write the N× project into `dest` (created) and return it."""
    if factor < 1:
        raise ValueError("the scale factor is a whole number from 1")
    root, dest = Path(root).resolve(), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        if (root / name).exists():
            os.symlink(root / name, dest / name)
    shutil.copytree(root / "docs", dest / "docs", ignore=shutil.ignore_patterns(SCALE_DIR))
    vi_pages = sorted(p.relative_to(root / "docs") for p in (root / "docs").rglob("*.md") if not is_translation(p))
    nav = []
    for k in range(2, factor + 1):
        copy = dest / "docs" / SCALE_DIR / f"ban-{k}"
        for rel in vi_pages:
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / "docs" / rel, copy / rel)
            nav.append(f"{SCALE_DIR}/ban-{k}/{rel.as_posix()}")
        shutil.copytree(root / "docs" / "assets" / "img", copy / "assets" / "img")  # images the pages link to
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if nav:  # one extra top-level section, right after the nav's first entry
        section = "  - Quy mô:\n" + "".join(f"      - {path}\n" for path in nav)
        config = re.sub(r"^(nav:\n  - [^\n]+\n)", lambda m: m.group(1) + section, config, count=1, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest
