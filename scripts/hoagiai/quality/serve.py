"""Serve a built site like the portal does (a real nginx: sub-path, generated CSP, gzip, cache headers)
for measurements outside the test suite (`hoagiai bench`'s Lighthouse medians)."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from hoagiai.publish import nginx

SUBPATH = "/hoa-giai-co-so/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler without a log line per request or a traceback when a page is closed."""

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser closed the page first
            pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def nginx_site(site: Path, subpath: str = SUBPATH) -> Iterator[str]:
    """Copy `site` under `subpath`, start nginx on a free loopback port, yield the site's URL."""
    with tempfile.TemporaryDirectory(prefix="hg-nginx-") as tmp:
        work = Path(tmp)
        www = work / "www"
        shutil.copytree(site, www / subpath.strip("/"))
        csp = nginx.write_csp(www / subpath.strip("/"), work / "nginx" / "csp.conf")
        port = _free_port()
        conf = work / "nginx" / "nginx.conf"
        conf.write_text(nginx.server_conf(www, subpath, csp, port=port, prefix=work / "nginx"), encoding="utf-8")
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        proc = subprocess.Popen([binary, "-c", str(conf), "-p", str(work / "nginx")], stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}{subpath}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    if proc.poll() is not None:
                        raise RuntimeError(proc.stderr.read().decode()) from None
                    time.sleep(0.05)
            yield url
        finally:
            proc.terminate()
            proc.wait(10)
