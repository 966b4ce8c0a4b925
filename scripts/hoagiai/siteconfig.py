"""Read mkdocs.yml without MkDocs: unknown tags (`!ENV`, `!!python/name:`) are kept as plain values."""

from __future__ import annotations

from pathlib import Path

import yaml

from hoagiai.errors import UserError


class _Loader(yaml.SafeLoader):
    """SafeLoader that turns any unknown tag into the node's plain value instead of failing."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_Loader.add_multi_constructor("!", _untagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def load_mkdocs_yml(root: Path) -> dict:
    path = Path(root) / "mkdocs.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise UserError(f"{path.name}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise UserError(f"mkdocs.yml{line}: YAML syntax: {getattr(exc, 'problem', exc)}") from None
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
