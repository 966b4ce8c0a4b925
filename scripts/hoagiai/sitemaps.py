"""A sitemap per language (static-i18n writes only the root one)."""

from pathlib import Path
from xml.sax.saxutils import escape


def write(path: Path, site_url: str, locale: str, urls: list[str]) -> None:
    base = (site_url or "/").rstrip("/") + f"/{locale}/"
    rows = "".join(f"  <url><loc>{escape(base + u.removeprefix(locale + '/'))}</loc></url>\n"
                   for u in sorted(set(urls)))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    f"{rows}</urlset>\n", encoding="utf-8")
