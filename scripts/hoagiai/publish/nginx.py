"""nginx for the provincial portal: a Content-Security-Policy generated from the built pages (sha256 of
every inline script, no 'unsafe-inline' for scripts) and a location block for the site's sub-path."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

_INLINE = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r'type="(?!text/javascript|module)[^"]+"', re.I)


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for attrs, body in _INLINE.findall(page.read_text(encoding="utf-8")):
            if _DATA_TYPE.search(attrs):  # JSON data blocks are never executed
                continue
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return sorted(hashes)


def csp(site: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ])


def write_csp(site: Path, target: Path) -> Path:
    """dist/nginx/csp.conf: one add_header line, included by the site's location blocks."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'add_header Content-Security-Policy "{csp(site)}" always;\n', encoding="utf-8")
    return target


def location_blocks(www_root: Path, subpath: str, csp_conf: Path) -> str:
    """The site at `<www_root><subpath>` with per-language 404 pages, cache headers and the service
    worker's headers. (add_header in a location replaces inherited ones, so each block includes the CSP.)"""
    sub = "/" + subpath.strip("/") + "/"
    common = f"root {www_root.resolve()}; include {csp_conf.resolve()}; add_header X-Content-Type-Options nosniff always;"
    blocks = [f"location {sub} {{ {common} error_page 404 {sub}404.html; add_header Cache-Control no-cache; }}"]
    for lang in ("en", "km"):
        blocks.append(f"location {sub}{lang}/ {{ {common} error_page 404 {sub}{lang}/404.html; "
                      "add_header Cache-Control no-cache; }")
    for hashed in ("assets/javascripts/", "assets/stylesheets/"):  # file names carry a content hash
        blocks.append(f'location {sub}{hashed} {{ {common} add_header Cache-Control "public, max-age=31536000, immutable"; }}')
    blocks.append(f'location = {sub}sw.js {{ {common} add_header Cache-Control "no-cache, no-store"; '
                  f"add_header Service-Worker-Allowed {sub}; }}")
    return "\n        ".join(blocks)


GZIP = """
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types text/css application/javascript text/javascript application/json application/manifest+json
               image/svg+xml application/xml text/xml;
    gzip_vary on;
"""


def server_conf(www_root: Path, subpath: str, csp_conf: Path, *, port: int, prefix: Path) -> str:
    """A complete nginx.conf (used by the tests; the README shows the parts a portal needs)."""
    tmp = prefix
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private temp dirs
    return f"""
{user}
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/manifest+json webmanifest; }}
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    {GZIP}
    server {{
        listen 127.0.0.1:{port};
        {location_blocks(www_root, subpath, csp_conf)}
    }}
}}
"""
