"""Front matter of a Markdown page, read as MkDocs reads it, and our data files (YAML 1.1 safe loading, via
libyaml)."""

from __future__ import annotations

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """libyaml when the text is valid; on an error, PyYAML's own parser for its clearer message."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def split(text: str) -> tuple[dict | None, int]:
    """(front matter, number of lines it takes); (None, 0) without one; {"__error__": True} if invalid."""
    if not text.startswith("---\n"):
        return None, 0
    end = text.find("\n---", 4)
    if end < 0:
        return None, 0
    try:
        data = load_yaml(text[4:end]) or {}
    except yaml.YAMLError:
        data = {"__error__": True}
    return (data if isinstance(data, dict) else {"__error__": True}), text[:end].count("\n") + 2
