"""Read mkdocs.yml without MkDocs, with the project's one YAML reading (ruamel, positions kept).

MkDocs' own tags (`!ENV [NAME, default]`, `!!python/name:…`) are kept as plain values: a list or a string.
"""

from __future__ import annotations

from pathlib import Path

from hoagiai import yamlio
from hoagiai.errors import UserError

CONFIG_FILE = "mkdocs.yml"


def load_mkdocs_yml(root: Path) -> dict:
    """The whole config; mappings keep their positions (`hoagiai.yamlio.key_pos`) for messages."""
    path = Path(root) / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{CONFIG_FILE}: cannot read: {exc}") from None
    data, problems = yamlio.load_positions(text, CONFIG_FILE)
    if problems:
        raise UserError(problems)
    return data if isinstance(data, dict) else {}


def nav_paths(config: dict) -> list[str]:
    """Every Markdown path in `nav:`, in reading order."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            if node.endswith(".md"):
                found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config.get("nav") or [])
    return found
