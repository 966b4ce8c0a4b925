"""Web build only: the service worker with its per-language file lists, and the web app manifest."""

from __future__ import annotations

import hashlib
import json
import os
from importlib.resources import files
from pathlib import Path

from hoagiai.curriculum import LOCALES

SKIP = {"sw.js", "manifest.webmanifest", "sitemap.xml", "sitemap.xml.gz"}


def _lang_of(rel: str) -> str | None:
    first = rel.split("/", 1)[0]
    return first if first in ("en", "km") else None


def _site_files(site: Path) -> list[tuple[str, Path]]:
    """(site-relative path, path) of every file, sorted (os.walk: one pass, far quicker than rglob)."""
    found = []
    for folder, _, names in os.walk(site):
        prefix = Path(folder).relative_to(site).as_posix()
        found += [(name if prefix == "." else f"{prefix}/{name}", Path(folder, name)) for name in names]
    return sorted(found)


def file_lists(site: Path, site_files: list[tuple[str, Path]] | None = None) -> dict[str, list[str]]:
    """Site-relative URLs: shared assets, and each language's pages and search files (its index core
    search/hg-<lang>.js and its pages' texts search/<lang>/…; en and km also need the Vietnamese ones, for
    the pages they show in Vietnamese)."""
    out: dict[str, list[str]] = {"shared": [], **{lang: [] for lang in LOCALES}}
    for rel, _ in site_files if site_files is not None else _site_files(site):
        if rel in SKIP or rel.endswith((".xml", ".xml.gz", ".map")):
            continue
        search_lang = _search_lang(rel)
        if search_lang == "vi":
            for lang in LOCALES:
                out[lang].append(rel)
        elif search_lang:
            out[search_lang].append(rel)
        elif rel.startswith("assets/"):
            out["shared"].append(rel)
        elif rel.endswith(".html"):
            url = rel.removesuffix("index.html") if rel.endswith("index.html") else rel
            out[_lang_of(rel) or "vi"].append(url or "./")
    return out


def _search_lang(rel: str) -> str | None:
    """The language a search file belongs to: search/hg-<lang>.js, search/<lang>/…"""
    if not rel.startswith("search/"):
        return None
    name = rel.removeprefix("search/")
    lang = name.removeprefix("hg-").removesuffix(".js") if name.startswith("hg-") else name.split("/", 1)[0]
    return lang if lang in LOCALES else None


def version(site_files: list[tuple[str, Path]]) -> str:
    """A hash of every file's path and bytes: a new version exactly when something published changed."""
    digest = hashlib.sha256()
    for rel, path in site_files:
        if path.name not in SKIP:
            digest.update(rel.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write(site: Path, *, name: str, short_name: str, description: str, lang: str = "vi") -> str:
    """Write sw.js and manifest.webmanifest into the built site; return the version."""
    site_files = _site_files(site)
    ver = version(site_files)
    template = files("hoagiai.publish").joinpath("sw.js").read_text(encoding="utf-8")
    lists = json.dumps(file_lists(site, site_files), ensure_ascii=False)
    sw = template.replace("__VERSION__", ver).replace("__FILES__", lists)
    (site / "sw.js").write_text(sw, encoding="utf-8")
    manifest = {
        "name": name, "short_name": short_name, "description": description, "lang": lang,
        "start_url": "./", "scope": "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": "#0b5f4f",
        "icons": [{"src": "assets/img/icon-192.png", "sizes": "192x192", "type": "image/png"},
                  {"src": "assets/img/icon-512.png", "sizes": "512x512", "type": "image/png"},
                  {"src": "assets/img/favicon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }
    (site / "manifest.webmanifest").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return ver
