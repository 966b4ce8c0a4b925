import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from hoagiai.publish import nginx

SUBPATH = "/hoa-giai-co-so/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """A real nginx (Debian package) serving a copy of the site under the portal sub-path with the CSP."""

    def __init__(self, site: Path, workdir: Path):
        workdir.mkdir(parents=True, exist_ok=True)
        self.www = workdir / "www"
        self.site = self.www / SUBPATH.strip("/")
        shutil.copytree(site, self.site)
        self.csp = nginx.write_csp(self.site, workdir / "nginx" / "csp.conf")
        self.port = free_port()
        conf = workdir / "nginx" / "nginx.conf"
        conf.write_text(nginx.server_conf(self.www, SUBPATH, self.csp, port=self.port, prefix=workdir / "nginx"))
        self.proc = subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf),
                                      "-p", str(workdir / "nginx")], stderr=subprocess.PIPE)
        self.url = f"http://127.0.0.1:{self.port}{SUBPATH}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url, timeout=1)
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode())
                time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture
def nginx_server(site, tmp_path):
    """Start another nginx with its own copy of the site (for tests that change the published files)."""
    servers = []

    def start() -> Nginx:
        servers.append(Nginx(site, tmp_path / f"n{len(servers)}"))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    server = Nginx(site, tmp_path_factory.mktemp("nginx"))
    yield server
    server.stop()
