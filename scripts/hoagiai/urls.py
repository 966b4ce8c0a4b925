"""Relative URLs between built pages (works with directory URLs, file:// and any sub-path)."""

import posixpath
from functools import lru_cache


@lru_cache(maxsize=16384)  # pages link to the same few assets and pages again and again
def relative_url(from_url: str, to_url: str) -> str:
    """URL of to_url as seen from the page at from_url (both site-relative, as MkDocs gives them)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./" or rel == "." else rel
