"""Fillable forms: definitions (`data/forms/`), their HTML, and the page markers (`<!-- form <id> -->`).

The browser half is docs/assets/forms/forms.js (drafts on the device, the printed document, help texts)."""

import gzip
from pathlib import Path

ASSETS = Path("docs/assets/forms")


def assets_gzipped_bytes(root: Path | str = ".") -> int:
    """forms.js + forms.css, each gzipped at level 9 (what `hoagiai bench` reports; the target is 8,000 bytes)."""
    folder = Path(root) / ASSETS
    return sum(len(gzip.compress((folder / name).read_bytes(), 9)) for name in ("forms.js", "forms.css"))
