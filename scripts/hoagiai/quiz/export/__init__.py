"""Export banks for other tools: one module per format, each with `write(banks, out) -> [paths]`."""

from __future__ import annotations

from pathlib import Path

from hoagiai.errors import UserError
from hoagiai.quiz.model import Bank

FORMATS = ("gift", "json", "csv")


def export(banks: dict[str, Bank], fmt: str, out: Path) -> list[Path]:
    if fmt == "gift":
        from hoagiai.quiz.export import gift as module
    elif fmt == "json":
        from hoagiai.quiz.export import json as module
    elif fmt == "csv":
        from hoagiai.quiz.export import csv as module
    else:
        raise UserError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    Path(out).mkdir(parents=True, exist_ok=True)
    return module.write(banks, Path(out))
