"""`hoagiai bench --scale N`: the same site with N× today's Vietnamese pages, to see how the build and the
search grow.

The synthetic project lives in a temporary folder: the real config, data, banks, overrides and code (linked,
not copied) and a docs folder holding today's pages plus N−1 copies of the Vietnamese pages under
`docs/quy-mo/ban-K/` (same tree, so relative links resolve inside each copy), listed in one extra nav
section. The copies are exempt from the content conventions (module folders, lesson names, register pages):
only the build and the search are measured on them; en and km show them as fallback pages, as usual.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from hoagiai.forms.embed import MARKER as FORM_MARKER
from hoagiai.siteconfig import load_mkdocs_yml
from hoagiai.source import is_translation

SCALE_DIR = "quy-mo"
LINKED = ("data", "quizzes", "overrides", "scripts", "pyproject.toml")


def scaled_project(root: Path, factor: int, dest: Path) -> Path:
    """Write the N× project into `dest` (created) and return it."""
    if factor < 1:
        raise ValueError("the scale factor is a whole number from 1")
    root, dest = Path(root).resolve(), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        if (root / name).exists():
            os.symlink(root / name, dest / name)
    shutil.copytree(root / "docs", dest / "docs", ignore=shutil.ignore_patterns(SCALE_DIR))
    vi_pages = sorted(p.relative_to(root / "docs") for p in (root / "docs").rglob("*.md") if not is_translation(p))
    site_nav = load_mkdocs_yml(root).get("nav") or []
    copies = []
    for k in range(2, factor + 1):
        copy = dest / "docs" / SCALE_DIR / f"ban-{k}"
        for rel in vi_pages:
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            # A fillable form belongs on its own page: the copies show the page without it.
            text = "".join(line for line in (root / "docs" / rel).read_text(encoding="utf-8").splitlines(True)
                           if not FORM_MARKER.match(line))
            (copy / rel).write_text(text, encoding="utf-8")
        shutil.copytree(root / "docs" / "assets" / "img", copy / "assets" / "img")  # images the pages link to
        copies.append({f"Bản {k}": _moved(site_nav, f"{SCALE_DIR}/ban-{k}/")})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if copies:  # one extra top-level section, right after the nav's first entry; each copy nested like the site
        section = "".join("  " + line + "\n" for line in _yaml_lines([{"Quy mô": copies}]))
        config = re.sub(r"^(nav:\n  - [^\n]+\n)", lambda m: m.group(1) + section, config, count=1, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def _moved(node, prefix: str):
    """The nav with every page path under `prefix` (titles kept)."""
    if isinstance(node, str):
        return prefix + node if node.endswith(".md") else node
    if isinstance(node, list):
        return [_moved(item, prefix) for item in node]
    return {str(key): _moved(value, prefix) for key, value in node.items()}


def _yaml_lines(data) -> list[str]:
    import io

    from ruamel.yaml import YAML

    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.dump(data, out)
    return out.getvalue().splitlines()


def _measured_build(project: Path, out: Path, *, plain_config: Path | None = None) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one build of `project`: ours (strict, hooks) or, with `plain_config`,
    plain Material. The build runs in a child process so that its own peak is what is read."""
    import json
    import subprocess
    import sys
    import time

    # The child runs the same build as the rest of the bench: ours, or plain Material with a third argument.
    code = ("import json,resource,sys; from pathlib import Path; from hoagiai.errors import UserError\n"
            "from hoagiai.build import mkdocs_build; from hoagiai.bench.measure import plain_build\n"
            "project, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
            "try: plain_build(project, Path(sys.argv[3]), out) if len(sys.argv) > 3 else mkdocs_build(project, out)\n"
            "except UserError as e: sys.exit(str(e))\n"
            "print(json.dumps(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    args = [str(project), str(out), *([str(plain_config)] if plain_config is not None else [])]
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        from hoagiai.errors import UserError

        raise UserError(f"bench --scale: the build of the {project.name} project failed:\n{proc.stderr[-3000:]}")
    return seconds, json.loads(proc.stdout.strip().splitlines()[-1]) / 1024


def measure(root: Path, factor: int, repeat: int = 1) -> dict:
    """Build time against plain Material at the same size (median of `repeat` alternating pairs), time per
    page against today's site, peak memory, search index and first-search download, search from file:// at
    4× CPU, offline zip."""
    import gzip
    import statistics
    import tempfile

    from hoagiai.bench import measure as m
    from hoagiai.build import offline_zip

    work = Path(tempfile.mkdtemp(prefix="hoagiai-scale-"))
    project = scaled_project(root, factor, work / f"x{factor}")
    plain = m.plain_material_config(project)
    ours_t, plain_t, rss, base_t = [], [], [], []
    for i in range(repeat):
        steps = [("ours", None), ("plain", plain)]
        for name, config in steps if i % 2 == 0 else reversed(steps):
            seconds, peak = _measured_build(project, work / name, plain_config=config)
            (ours_t if config is None else plain_t).append(seconds)
            if config is None:
                rss.append(peak)
        base_t.append(_measured_build(Path(root).resolve(), work / "today")[0])
    site = work / "ours"
    pages = m.pages_per_language(site)
    today = m.pages_per_language(work / "today")
    zip_path = offline_zip(project, work / "dist")
    timings, first_download = m.browser_timings(site, m.unzip(zip_path), repeat=max(1, repeat))
    build_s = statistics.median(ours_t)
    per_page = build_s / sum(pages.values())
    per_page_today = statistics.median(base_t) / sum(today.values())
    return {
        "factor": factor,
        "pages_per_language": pages,
        "build_s": round(build_s, 2),
        "plain_material_build_s": round(statistics.median(plain_t), 2),
        "ratio_to_plain_material": round(statistics.median(o / p for o, p in zip(ours_t, plain_t)), 3),
        "time_per_page_ratio_to_factor_1": round(per_page / per_page_today, 3),
        "peak_rss_mb": round(max(rss)),
        "search_index_gz": len(gzip.compress((site / "search" / "hg-vi.js").read_bytes(), 6)),
        "first_search_download_gz": first_download,
        "search_file_ms": timings["search_file_ms"],
        "zip_bytes": zip_path.stat().st_size,
    }
