"""Printed documents (papers, answer keys, reports, schedules, book covers): Jinja2 templates with their CSS in
files, numbers, percentages and dates formatted for the reader's language by Babel.

Each tool keeps its templates and stylesheets in a `templates/` folder beside its code and calls
`render(folder, "report.html", locale="vi", **context)`. In templates:
`{{ value | pct }}` 72,5% · `{{ value | decimal(2) }}` 0,50 · `{{ value | points }}` +27,1 · `{{ n | integer }}` 1.285 ·
`{{ day | date }}` 01/12/2026 · `{{ day | date("EEEE, dd/MM/yyyy") }}` Thứ Ba, 01/12/2026 · `{{ css("report.css") }}`.
Text is escaped (autoescape); `None` prints as an en dash in every number filter.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import jinja2
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

from hoagiai.curriculum import DEFAULT_LOCALE

MISSING = "–"


def pct(value: float | None, locale: str = DEFAULT_LOCALE, digits: int = 1) -> str:
    """A percentage given in points (72.5 → "72,5%"); at most `digits` decimals, none when whole."""
    if value is None:
        return MISSING
    return format_percent(value / 100, format="#,##0." + "#" * digits + "%" if digits else "#,##0%", locale=locale)


def decimal(value: float | None, digits: int = 2, locale: str = DEFAULT_LOCALE) -> str:
    """A number with exactly `digits` decimals (0.5 → "0,50")."""
    if value is None:
        return MISSING
    return format_decimal(value, format="0." + "0" * digits if digits else "0", locale=locale)


def number(value: float | None, digits: int = 1, locale: str = DEFAULT_LOCALE) -> str:
    """A number with at most `digits` decimals and grouped thousands (1285 → "1.285", 47.92 → "47,9")."""
    if value is None:
        return MISSING
    return format_decimal(value, format="#,##0." + "#" * digits if digits else "#,##0", locale=locale)


def points(value: float | None, locale: str = DEFAULT_LOCALE) -> str:
    """A signed difference in percentage points (27.08 → "+27,1", -16.67 → "-16,7", 0 → "0")."""
    if value is None:
        return MISSING
    if round(value, 1) == 0:
        return "0"
    return format_decimal(value, format="+#,##0.#;-#,##0.#", locale=locale)


def date(value: dt.date | None, pattern: str = "dd/MM/yyyy", locale: str = DEFAULT_LOCALE) -> str:
    return MISSING if value is None else format_date(value, pattern, locale=locale)


def css_string(text: str) -> Markup:
    """Text as a CSS string literal, for `content:` in @page margin boxes (running heads, footers)."""
    quoted = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{quoted}"')


def _locale_filter(function):
    """A filter that formats for the template's `locale` (a context variable, default vi)."""

    @jinja2.pass_context
    def apply(context, value, *args):
        return function(value, *args, locale=context.get("locale") or DEFAULT_LOCALE)

    return apply


@cache
def environment(folder: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update({
        "pct": _locale_filter(lambda v, digits=1, locale=DEFAULT_LOCALE: pct(v, locale, digits)),
        "decimal": _locale_filter(decimal),
        "number": _locale_filter(number),
        "integer": _locale_filter(lambda v, locale=DEFAULT_LOCALE: number(v, 0, locale)),
        "points": _locale_filter(points),
        "date": _locale_filter(date),
        "css_string": css_string,
    })
    env.globals["css"] = lambda name: Markup(stylesheet(Path(folder), name))
    return env


def stylesheet(folder: Path, name: str) -> str:
    """A CSS file of a templates folder, as text (inlined: printed HTML must stand alone)."""
    return (Path(folder) / name).read_text(encoding="utf-8")


def render(folder: Path, template: str, **context) -> str:
    """Render `folder/template` with `context` (`locale` picks the number and date style, default vi)."""
    context.setdefault("locale", DEFAULT_LOCALE)
    return environment(str(Path(folder))).get_template(template).render(**context)
