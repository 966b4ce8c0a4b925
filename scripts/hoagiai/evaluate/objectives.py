"""Objective texts: `mt1: …` items in the front matter of docs/chuong-trinh/mo-dun-NN/index.md."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from hoagiai.lessons.model import split_front_matter

_BANK = re.compile(r"^m(\d{2})$")
_ITEM = re.compile(r"^\s*([a-z0-9-]+)\s*:\s*(.+)$")


def objective_texts(root: Path, bank_ids: list[str]) -> dict[tuple[str, str], str]:
    """(bank, objective id) -> text; objectives without a module page are simply not named."""
    texts = {}
    for bank in bank_ids:
        match = _BANK.match(bank)
        page = Path(root) / "docs" / "chuong-trinh" / f"mo-dun-{match.group(1)}" / "index.md" if match else None
        if page is None or not page.is_file():
            continue
        raw, _ = split_front_matter(page.read_text(encoding="utf-8"))
        try:
            meta = yaml.safe_load(raw or "") or {}
        except yaml.YAMLError:
            continue
        for item in meta.get("objectives") or []:
            found = _ITEM.match(str(item))
            if found:
                texts[bank, found.group(1)] = found.group(2).strip()
    return texts
