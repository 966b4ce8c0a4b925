"""Lighthouse 12.x (npm, installed by .ci/run into .ci/node) on Debian chromium, mobile (Lighthouse's
default: emulated phone, simulated slow 4G and 4× CPU throttle).

`run(url)` is one run: category scores 0–100 and the failing audits of each category.
`median(url, runs=3)` is what `hoagiai bench` reports (performance varies ±10 between runs here).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@dataclass
class Result:
    url: str
    scores: dict[str, int]  # category id → 0..100
    failing: dict[str, list[str]] = field(default_factory=dict)  # category → "audit-id (score): title"
    metrics: dict[str, float] = field(default_factory=dict)  # FCP, LCP, TBT, CLS, SI (ms or unitless)

    def summary(self) -> str:
        return f"{self.url}: " + ", ".join(f"{k} {v}" for k, v in self.scores.items())


def lighthouse_bin(root: Path | None = None) -> str:
    """`.ci/node/node_modules/.bin/lighthouse` under the project, else `lighthouse` on PATH."""
    from hoagiai import project_root

    root = root or project_root()
    local = Path(root) / ".ci" / "node" / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return str(local)
    found = shutil.which("lighthouse")
    if not found:
        raise FileNotFoundError("Lighthouse not installed: run .ci/run (npm install into .ci/node)")
    return found


def parse(report: dict) -> Result:
    scores, failing = {}, {}
    for cid, cat in report["categories"].items():
        scores[cid] = round((cat["score"] or 0) * 100)
        bad = []
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                bad.append(f"{ref['id']} ({audit['score']}): {audit['title']}")
        failing[cid] = bad
    metrics = {}
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index"):
        if key in report["audits"] and report["audits"][key].get("numericValue") is not None:
            metrics[key] = round(report["audits"][key]["numericValue"], 3)
    return Result(report.get("finalDisplayedUrl") or report.get("requestedUrl", ""), scores, failing, metrics)


def run(url: str, *, categories: tuple[str, ...] = CATEGORIES, root: Path | None = None,
        chrome: str = CHROMIUM, timeout: float = 240, keep: Path | None = None) -> Result:
    """One mobile Lighthouse run. `keep`: also write the JSON report there."""
    with tempfile.TemporaryDirectory(prefix="lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [lighthouse_bin(root), url, "--output=json", f"--output-path={out}", "--quiet",
               "--chrome-flags=--headless --no-sandbox --disable-gpu",
               f"--only-categories={','.join(categories)}"]
        env = {**os.environ, "CHROME_PATH": chrome, "TMPDIR": tmp}
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url} (exit {proc.returncode}): {proc.stderr[-2000:]}")
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, keep)
        return parse(json.loads(out.read_text(encoding="utf-8")))


def median(url: str, *, runs: int = 3, **kwargs) -> dict[str, float]:
    """Median score per category over `runs` runs (for `hoagiai bench`), plus the median metrics."""
    results = [run(url, **kwargs) for _ in range(runs)]
    out: dict[str, float] = {c: statistics.median(r.scores[c] for r in results) for c in results[0].scores}
    for key in results[0].metrics:
        out[key] = statistics.median(r.metrics.get(key, 0) for r in results)
    return out


# The pages the tests gate and the bench reports: home, a reading page, a quiz page, a Khmer page.
PAGES = {"home": "", "reading": "chuong-trinh/mo-dun-01/nguyen-tac-hoa-giai/", "quiz": "tu-kiem-tra/",
         "km": "km/chuong-trinh/mo-dun-03/tien-hanh-hoa-giai/"}


def bench(site: Path, *, pages: dict[str, str] | None = None, runs: int = 3, **kwargs) -> dict[str, dict]:
    """Medians of `runs` mobile runs per page, the site served by nginx like the portal (gzip, CSP):
    {"home": {"performance": 98, "accessibility": 100, …, "largest-contentful-paint": 1516.6, …}, …}."""
    from hoagiai.quality.serve import nginx_site

    with nginx_site(site) as url:
        return {name: median(url + path, runs=runs, **kwargs) for name, path in (pages or PAGES).items()}
