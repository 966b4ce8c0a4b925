"""Province settings (`extra.province` in mkdocs.yml) and the one rule for values not known yet.

A value still marked `TODO: publisher` is never shown to readers: pages, templates and tools show a neutral
text ("Sở Tư pháp sẽ cập nhật") instead, and no link or channel is offered for it. `hoagiai build --release`
refuses to build while any remain (cli.py).

In Markdown pages: `{{ province.hotline }}` (the value, or the neutral text), and for a link
`{{ province.email | mailto }}`, `{{ province.hotline | tel }}`, `{{ province.portal | url }}` (a link when the
value is set, the neutral text when not). Templates call `hg_province(key)` and `hg_province_set(key)`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from hoagiai.i18n import t

TODO = "TODO: publisher"
_PLACEHOLDER = re.compile(r"\{\{\s*province\.(\w+)\s*(?:\|\s*(\w+)\s*)?\}\}")
FILTERS = ("text", "mailto", "tel", "url")


def is_set(value) -> bool:
    return value is not None and str(value).strip() != "" and TODO not in str(value)


def placeholders(province: dict) -> list[str]:
    """Province settings still marked `TODO: publisher`."""
    return sorted(k for k, v in province.items() if isinstance(v, str) and TODO in v)


def pending_html(locale: str) -> str:
    return f'<span class="hg-pending">{html.escape(t("province.pending", locale))}</span>'


def text(province: dict, key: str, locale: str) -> str:
    """The setting as plain text for tools (PDF covers, course packs): the value or the neutral text."""
    value = province.get(key)
    return str(value) if is_set(value) else t("province.pending", locale)


def fill(markdown: str, province: dict, *, locale: str, page: str = "") -> str:
    """Replace `{{ province.key }}` / `{{ province.key | filter }}`; an unknown key or filter is an error."""

    def value(match: re.Match) -> str:
        key, how = match.group(1), match.group(2) or "text"
        if key not in province:
            raise KeyError(f"{page}: unknown province setting {{{{ province.{key} }}}}")
        if how not in FILTERS:
            raise KeyError(f"{page}: unknown filter '{how}' in {match.group(0)} (use {', '.join(FILTERS)})")
        shown = province[key]
        if not is_set(shown):
            return pending_html(locale)
        shown = str(shown)
        if how == "mailto":
            return (f"[{shown}](<mailto:{shown}>){{ data-hg-mail=\"{html.escape(t('mail.subject', locale))}\" }}")
        if how == "tel":
            return f"[{shown}](<tel:{quote(re.sub(r'[^0-9+]', '', shown))}>)"
        if how == "url":
            return f"[{shown}](<{shown}>)"
        return shown

    return _PLACEHOLDER.sub(value, markdown) if "{{" in markdown else markdown
