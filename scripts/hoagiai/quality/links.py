"""Our own internal link and anchor checker over a built output folder.

Works on the web build (directory URLs: `page/` → `page/index.html`, root-absolute links under the
portal sub-path) and on the offline build (file URLs `page.html`, every link relative). Every problem
reads `page.html: broken link → target#anchor` (or `… → target#anchor (no such anchor)`).

What counts as a link: `href` of `<a>` and `<link>` (stylesheets, icons, manifest, prev/next,
alternate), `src` of `<script>`, `<img>`, `<source>`, `<iframe>`, and `srcset` candidates. Links to
other hosts and schemes (`https:`, `mailto:`, `tel:`, `data:`) are not internal and are skipped; a
`javascript:` URL is reported, since our pages must not use it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SKIP_SCHEMES = ("http", "https", "mailto", "tel", "data", "sms", "geo")
_LINK_ATTRS = {"a": ("href",), "link": ("href",), "area": ("href",), "script": ("src",), "img": ("src", "srcset"),
               "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",)}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # path of the page inside the output folder, e.g. "van-ban/luat-35-2013/index.html"
    target: str  # the link as written
    reason: str = ""  # "" = no such file; "no such anchor"; "absolute path outside the site"; …

    def __str__(self) -> str:
        return f"{self.page}: broken link → {self.target}" + (f" ({self.reason})" if self.reason else "")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if attrs.get(name):
                self.page.ids.add(attrs[name])
        if tag == "link" and (attrs.get("rel") or "") in ("preconnect", "dns-prefetch"):
            return
        for attr in _LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if not value:
                continue
            if attr == "srcset":
                self.page.links += [c.strip().split()[0] for c in value.split(",") if c.strip()]
            else:
                self.page.links.append(value.strip())

    handle_startendtag = handle_starttag


def parse(path: Path) -> _Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def _resolve(site: Path, page_rel: str, url: str, base_path: str) -> tuple[str | None, str]:
    """The output file a link points at (relative to the site folder) or None, and a reason."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        return page_rel, ""
    if path.startswith("/"):
        if not base_path or not path.startswith(base_path):
            return None, "absolute path outside the site"
        target = path[len(base_path):]
    else:
        target = posixpath.join(posixpath.dirname(page_rel), path)
    target = posixpath.normpath(target) if target not in ("", ".") else ""
    if target.startswith("../") or target == "..":
        return None, "points above the site folder"
    target = "" if target == "." else target
    candidate = site / target if target else site
    if candidate.is_dir():
        if not (candidate / "index.html").is_file():
            return None, "folder without index.html"
        return posixpath.join(target, "index.html") if target else "index.html", ""
    return (target if candidate.is_file() else None), ""


def check_site(site: Path, *, base_path: str = "", skip: tuple[str, ...] = ()) -> list[BrokenLink]:
    """Every broken internal link and anchor in the HTML pages under `site`.

    base_path: the URL path the site is published under (e.g. "/hoa-giai-co-so/"), so root-absolute
    links written by the theme (the 404 pages) can be followed; "" (offline build): any root-absolute
    link is broken. skip: page paths (relative, posix) not to check, e.g. ("404.html",).
    """
    site = Path(site)
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed: dict[str, _Page] = {}

    def get(rel: str) -> _Page:
        if rel not in parsed:
            parsed[rel] = parse(site / rel)
        return parsed[rel]

    problems: list[BrokenLink] = []
    for rel in pages:
        if rel in skip:
            continue
        seen = set()
        for url in get(rel).links:
            if url in seen:
                continue
            seen.add(url)
            scheme = urlsplit(url).scheme.lower()
            if scheme in _SKIP_SCHEMES or url.startswith("//"):
                continue
            if scheme == "javascript":
                problems.append(BrokenLink(rel, url, "javascript: URL"))
                continue
            if scheme:
                problems.append(BrokenLink(rel, url, f"unknown scheme {scheme}:"))
                continue
            target, reason = _resolve(site, rel, url, base_path)
            if target is None:
                problems.append(BrokenLink(rel, url, reason))
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.endswith(".html") and fragment not in get(target).ids:
                problems.append(BrokenLink(rel, url, "no such anchor"))
    return problems


_ON_ATTR = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.DOTALL)


def inline_handlers(site: Path) -> list[str]:
    """`page.html: onclick=` for every inline event handler attribute in the built pages (CSP and our
    templates forbid them). Text that merely mentions `onclick=` outside a tag is not matched."""
    found = []
    for path in sorted(Path(site).rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.DOTALL | re.IGNORECASE)
        for m in _ON_ATTR.finditer(text):
            found.append(f"{path.relative_to(site).as_posix()}: {m.group(1)}=")
    return found
