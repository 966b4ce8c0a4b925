"""Page transforms the build applies to every page (pure functions on text)."""

from __future__ import annotations

import html
import re
import shutil
import unicodedata

from hoagiai.i18n import t


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fallback_notice(locale: str) -> str:
    """HTML notice (in the reader's language) above a page shown in Vietnamese."""
    return (f'<div class="admonition info hg-fallback" lang="{locale}">'
            f'<p>{html.escape(t("fallback.notice", locale))}</p></div>')


def wrap_lang(content_html: str, lang: str) -> str:
    """A page shown in another language's build."""
    return f'<div lang="{lang}" data-hg-fallback>\n{content_html}\n</div>'


def asset_tags(css: str, js: str) -> str:
    """Stylesheet and deferred script for a feature only some pages use (valid in the body)."""
    return f'<link rel="stylesheet" href="{html.escape(css)}">\n<script src="{html.escape(js)}" defer></script>\n'


def stash(kind: str, stashed: list[str], block_html: str) -> str:
    """Keep a rendered block (quiz, form) out of Markdown's way: it waits in `stashed`; the page gets a comment
    marking its place, which `restore` replaces after Markdown has run."""
    stashed.append(block_html)
    return f"<!-- hg-{kind}-block {len(stashed) - 1} -->"


def restore(html: str, kind: str, stashed: list[str] | None) -> str:
    if not stashed:
        return html
    return re.sub(rf"<!-- hg-{kind}-block (\d+) -->", lambda m: stashed[int(m.group(1))], html)


def review_banner(locale: str) -> str:
    return (f'<div class="admonition warning hg-review" lang="{locale}">'
            f'<p>{html.escape(t("review.pending", locale))}</p></div>')


_THEME_FIXES = (
    # Nu checker: `autocomplete` is not allowed on checkboxes (Material's drawer and search toggles).
    ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'),
    ('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"'),
)


_BETWEEN_TAGS = re.compile(r">[ \t\r\n]{2,}<")
_KEEPS_SPACES = re.compile(r"<(?:pre|textarea)\b", re.IGNORECASE)


def compact(output: str) -> str:
    """Runs of white space between two tags become one line break: the page renders the same (white space
    between tags is one space either way), and 390 pages × 3 languages weigh less on a phone and in the
    offline zip. Pages with <pre> or <textarea>, where spaces are content, are left as they are."""
    return output if _KEEPS_SPACES.search(output) else _BETWEEN_TAGS.sub(">\n<", output)


def fix_theme_html(output: str) -> str:
    """Repair theme markup we cannot reach with a template override."""
    for old, new in _THEME_FIXES:
        output = output.replace(old, new)
    return output


# Material's lunr search is replaced by assets/js/search.js: its worker, language files and index are dead
# weight (about 2 MB), and source maps are not needed by readers.
UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers", "search/search_index.json",
          "search/search_index.js")


def remove_unused_theme_files(site_dir) -> None:
    for rel in UNUSED:
        path = site_dir / rel
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for path in site_dir.rglob("*.map"):
        path.unlink()
