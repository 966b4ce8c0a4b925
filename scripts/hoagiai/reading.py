"""Reading aids on the pages: text size, read aloud ("Nghe") and share (issue 19).

The build writes the controls into the page (labels in the reader's language, no layout shift when the
script starts); assets/js/read.js makes them work and loads assets/js/speak.js when "Nghe" is pressed.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from hoagiai.i18n import t

# Pages read aloud as a whole (folders and single pages, by their Vietnamese source path).
READ_ALOUD = ("chuong-trinh/", "van-ban/", "tinh-huong/", "dan-toc-thieu-so/", "bai-giang-mau/",
              "huong-dan-tap-huan-vien/", "gioi-thieu/", "cach-lam-hay.md")
# Pages of questions and answers: one control per answer (a level-3 heading and the text under it).
PER_ANSWER = ("hoi-dap.md",)
HELP_PAGE = "gioi-thieu/cach-su-dung.md"
HELP_ANCHOR = "nghe-doc"  # the section of HELP_PAGE on adding a voice (an explicit id in every language)
# Addresses reserved for examples (RFC 2606): the default site_url is one of them, never a real site.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")

_LANG_SUFFIX = re.compile(r"\.(?:en|km)\.md$")
_H1_END = re.compile(r"</h1>", re.I)
_H3 = re.compile(r'<h3 id="([^"]+)"[^>]*>.*?</h3>', re.S)

# Material Design Icons (Apache-2.0, shipped with Material for MkDocs): volume-high, share-variant.
ICON_SPEAK = ('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14 3.23v2.06c2.89.86 5 3.54 '
              '5 6.71s-2.11 5.84-5 6.7v2.07c4-.91 7-4.49 7-8.77s-3-7.86-7-8.77M16.5 12c0-1.77-1-3.29-2.5-4.03V16c1.5'
              '-.71 2.5-2.24 2.5-4M3 9v6h4l5 5V4L7 9z"/></svg>')
ICON_SHARE = ('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18 16.08c-.76 0-1.44.3-1.96.77'
              'L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81a3 3 0 0 0 3-3 3 3 0 0 0-3'
              '-3 3 3 0 0 0-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9a3 3 0 0 0-3 3 3 3 0 0 0 3 3c.79 0 1.5-.31 '
              '2.04-.81l7.12 4.15c-.05.21-.08.43-.08.66 0 1.61 1.31 2.91 2.92 2.91s2.92-1.3 2.92-2.91A2.92 2.92 0 0 0 18 '
              '16.08"/></svg>')


def read_aloud(src_uri: str) -> str | None:
    """"page" (one control for the page), "answers" (one per answer) or None (no read-aloud here)."""
    src = _LANG_SUFFIX.sub(".md", src_uri)
    if src in PER_ANSWER:
        return "answers"
    if src.startswith(READ_ALOUD) or src in READ_ALOUD:
        return "page"
    return None


def public_site(site_url: str | None) -> bool:
    """True when the site has its real address (not the placeholder default, not a `TODO: publisher`)."""
    if not site_url or "TODO" in site_url:
        return False
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    return not any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS)


def share_address(canonical_url: str | None, site_url: str | None, *, offline: bool) -> str | None:
    """The address "Chia sẻ" shares: the page's public address, once the site has one; never in the offline
    copy (its pages have no address a neighbour could open)."""
    return canonical_url if canonical_url and public_site(site_url) and not offline else None


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def toolbar(locale: str, *, site_id: str, speak: bool, help_href: str | None, share_url: str | None = None,
            title: str = "") -> str:
    """The row under the page title: A− / A+, "Nghe" (when the page is read aloud as a whole), "Chia sẻ"."""
    def say(key: str) -> str:
        return _attr(t(key, locale))

    helps = f' data-help="{_attr(help_href)}"' if help_href else ""
    parts = [f'<div class="hg-tools" lang="{locale}" data-site="{_attr(site_id)}"{helps}>',
             (f'<span class="hg-textsize" role="group" aria-label="{say("textsize.label")}" data-hg-textsize>'
              f'<button type="button" class="hg-tool" data-step="-1" aria-label="{say("textsize.smaller")}">A−</button>'
              f'<button type="button" class="hg-tool" data-step="1" aria-label="{say("textsize.larger")}">A+</button>'
              "</span>")]
    if speak:
        parts.append(f'<button type="button" class="hg-tool" data-hg-speak>{ICON_SPEAK}{say("speak.page")}</button>')
    if share_url:
        parts.append(f'<button type="button" class="hg-tool hg-share" data-hg-share="{_attr(share_url)}" '
                     f'data-title="{_attr(title)}" data-done="{say("share.copied")}" data-manual="{say("share.manual")}">'
                     f'{ICON_SHARE}{say("share")}</button>')
    parts.append('<p class="hg-note" role="status"></p></div>')
    return "".join(parts)


def answer_control(locale: str, heading_id: str) -> str:
    """A "Nghe" control for one answer: reads the heading (the question) and the text under it."""
    return (f'<div class="hg-speak-one" lang="{locale}"><button type="button" class="hg-tool" '
            f'data-hg-speak="{_attr(heading_id)}" aria-describedby="{_attr(heading_id)}">{ICON_SPEAK}'
            f'{_attr(t("speak.answer", locale))}</button><p class="hg-note" role="status"></p></div>')


def add_aids(content: str, tools: str, *, locale: str, answers: bool = False) -> str:
    """The toolbar right after the page title (or first, on a page without one); on a page of answers,
    a control after each level-3 heading."""
    if answers:
        content = _H3.sub(lambda m: m.group(0) + answer_control(locale, m.group(1)), content)
    match = _H1_END.search(content)
    if not match:
        return tools + content
    return content[:match.end()] + tools + content[match.end():]
