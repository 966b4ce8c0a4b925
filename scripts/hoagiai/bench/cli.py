"""`hoagiai bench [--readme]`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click

from hoagiai import project_root
from hoagiai.curriculum import LOCALES
from hoagiai.errors import UserError

LATEST = Path("bench/latest.json")
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TARGETS = {  # (figure, target, better): the issues' targets, shown beside the measurements
    "ratio_to_plain_material": (1.30, "max"),
    "first_view_gz": (80_000, "max"),
    "repeat_view_gz": (10_000, "max"),
    "zip_bytes": (5_000_000, "max"),
    "quiz_assets_gz": (10_000, "max"),
    "reading_page_gz": (3_000, "max"),  # issue 19: reading aids on a reading page
    "first_search_download_gz": (200_000, "max"),
    "search_first_slow4g_ms": (2500, "max"),
    "forms_assets_gz": (8_000, "max"),
    "search_file_ms": (1500, "max"),
    "search_keystroke_ms": (150, "max"),
}
SITUATION_TARGETS = {"hit@1": 0.80, "hit@3": 0.95}  # and no empty result (issue 16)
SCALE_TARGETS = {"ratio_to_plain_material": 1.3, "time_per_page_ratio_to_factor_1": 1.2, "search_file_ms": 1500}


def kb(n: float) -> str:
    """Decimal units (1 KB = 1000 bytes, 1 MB = 1,000,000), the stricter reading of the targets."""
    return f"{n / 1000:,.1f} KB" if n < 1_000_000 else f"{n / 1_000_000:,.2f} MB"


def rows(data: dict) -> list[tuple[str, str, str]]:
    b, s, p, q, t, sq = (data["builds"], data["size"], data["page"], data["quiz"], data["timings"], data["search"])
    out = [
        ("Web build (median of 3)", f"{b['web_build_s']} s", ""),
        ("Offline build + zip (median of 3)", f"{b['offline_build_s']} s", ""),
        ("Plain Material, same pages (median of 3)", f"{b['plain_material_build_s']} s", ""),
        (f"Our build / plain Material (median of {b.get('ratio_pairs', 3)} pairs)", f"{b['ratio_to_plain_material']:.2f}×",
         "≤ 1.30×"),
        ("Pages per language (vi / en / km)", " / ".join(str(s["pages"][k]) for k in ("vi", "en", "km")), ""),
        ("Pages per second (web build)", f"{s['pages_per_second']:.0f}", ""),
        ("Site size", kb(s["site_bytes"]), ""),
        ("Offline zip", kb(s["zip_bytes"]), "≤ 5 MB"),
        ("Typical page, first view (gzip)", kb(p["first_view_gz"]), "≤ 80 KB"),
        ("Typical page, repeat view (gzip)", kb(p["repeat_view_gz"]), "≤ 10 KB"),
        ("JS + CSS we add on every page (gzip)", kb(s["our_assets"]["every_page_gz"]), ""),
        ("JS + CSS we add in all (gzip / raw)", f"{kb(s['our_assets']['gz'])} / {kb(s['our_assets']['raw'])}", ""),
        ("Quiz JS + CSS (gzip)", kb(q["quiz_assets_gz"]), "≤ 10 KB"),
    ]
    if "reading" in data:  # issue 19
        out += [("Reading aids JS + CSS on a reading page: text size, Nghe, share (gzip)",
                 kb(data["reading"]["reading_page_gz"]), "≤ 3 KB"),
                ("Read aloud, loaded when Nghe is pressed (gzip)", kb(data["reading"]["read_aloud_gz"]), "")]
    if "forms" in data:  # issue 18
        out.append(("Forms JS + CSS, only on form pages (gzip)", kb(data["forms"]["forms_assets_gz"]), "≤ 8 KB"))
    out += [
        ("Rendering all quizzes, 3 languages", f"{q['render_all_ms']} ms", ""),
        ("Module page: quiz interactive after navigation start, 4× CPU throttle", f"{t['quiz_interactive_ms']} ms", ""),
        ("Search, first download (gzip): search.js, the index core, the results' texts",
         kb(s["first_search_download_gz"]) if "first_search_download_gz" in s else "—", "≤ 200 KB"),
        ("Search: click → first result, nginx + gzip, Slow 4G, 4× CPU, empty cache",
         f"{t['search_first_slow4g_ms']} ms" if "search_first_slow4g_ms" in t else "—", "≤ 2500 ms"),
        ("Search: click → first result, file://, 4× CPU", f"{t['search_file_ms']} ms", "≤ 1500 ms"),
        ("Search: each further keystroke (slowest), file://, 4× CPU",
         f"{t['search_keystroke_ms']} ms" if "search_keystroke_ms" in t else "—", "≤ 150 ms"),
        ("Search: bad input (500 characters, emoji, one word 50 times…), slowest",
         f"{t['search_bad_input_ms']} ms" if "search_bad_input_ms" in t else "—", ""),
    ]
    for lang in LOCALES:
        if lang in sq:
            f = sq[lang]
            out.append((f"Search hit@1 / hit@3, {lang} ({f['queries']} queries)",
                        f"{f['hit@1']:.0%} / {f['hit@3']:.0%}", "≥ 90% / 100%"))
    if "situations" in sq:
        f = sq["situations"]
        out.append((f"Search situations hit@1 / hit@3 / empty results ({f['queries']} situations)",
                    f"{f['hit@1']:.0%} / {f['hit@3']:.0%} / {f['zero_results']}", "≥ 80% / ≥ 95% / 0"))
    sc = data.get("scale")
    if sc:
        n, p = sc["factor"], sc["pages_per_language"]
        out += [
            (f"Scale ×{n}: pages per language (vi / en / km)", f"{p['vi']} / {p['en']} / {p['km']}", ""),
            (f"Scale ×{n}: our build / plain Material at the same size",
             f"{sc['build_s']} s / {sc['plain_material_build_s']} s = {sc['ratio_to_plain_material']:.2f}×", "≤ 1.30×"),
            (f"Scale ×{n}: time per page / time per page of today's site",
             f"{sc['time_per_page_ratio_to_factor_1']:.2f}×", "≤ 1.20×"),
            (f"Scale ×{n}: peak memory of the build", f"{sc['peak_rss_mb']} MB", ""),
            (f"Scale ×{n}: search index core (vi, gzip) / first search download",
             f"{kb(sc['search_index_gz'])} / {kb(sc['first_search_download_gz'])}", ""),
            (f"Scale ×{n}: search click → first result, file://, 4× CPU", f"{sc['search_file_ms']} ms", "≤ 1500 ms"),
            (f"Scale ×{n}: offline zip", kb(sc["zip_bytes"]), ""),
        ]
    qa = data.get("quality")
    if qa:
        for name, r in qa["lighthouse"].items():
            out.append((f"Lighthouse mobile, {name} page (median of 3): perf / a11y / BP / SEO",
                        " / ".join(f"{r[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo")),
                        "≥ 95 / 100 / 100 / ≥ 95"))
        out.append((f"axe {qa['axe']['version']} violations on {qa['axe']['pages']} pages", str(qa["axe"]["violations"]), "0"))
        out.append((f"Nu HTML checker errors on {qa['nu']['pages']} pages (not from `TODO: publisher` values)",
                    f"{qa['nu']['errors']} ({qa['nu']['errors_not_from_placeholders']})", "0"))
    return out


def missed_targets(data: dict) -> list[str]:
    """The figures in TARGETS (and the situations' targets) that miss their target."""
    figures = {k: v for part in ("builds", "size", "page", "quiz", "forms", "timings", "reading")
               for k, v in data.get(part, {}).items()}
    missed = [f"{key} = {figures[key]} (target {'≤' if better == 'max' else '≥'} {target})"
              for key, (target, better) in TARGETS.items()
              if key in figures and (figures[key] > target if better == "max" else figures[key] < target)]
    sc = data.get("scale")
    if sc:
        for key, target in SCALE_TARGETS.items():
            if sc.get(key) is not None and sc[key] > target:
                missed.append(f"scale ×{sc['factor']} {key} = {sc[key]} (target ≤ {target})")
    situations = data.get("search", {}).get("situations")
    if situations:
        missed += [f"situations {key} = {situations[key]} (target ≥ {target})"
                   for key, target in SITUATION_TARGETS.items() if situations[key] < target]
        if situations["zero_results"]:
            missed.append(f"situations zero_results = {situations['zero_results']} (target 0)")
    return missed


def table(data: dict) -> str:
    lines = [f"Measured by `hoagiai bench` on {data['date']} ({data['machine']}).", "",
             "| figure | value | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows(data)]
    missed = missed_targets(data)
    lines += ["", f"Targets missed: {'; '.join(missed)}." if missed else "Every target above is met.",
              "Sizes in decimal units: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes."]
    return "\n".join(lines)


def read_latest(root: Path) -> dict:
    try:
        return json.loads((root / LATEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{LATEST}: not found: run `hoagiai bench` first") from None
    except (OSError, ValueError) as exc:
        raise UserError(f"{LATEST}: cannot read: {exc}") from None


def write_readme(root: Path, data: dict) -> None:
    readme = root / "README.md"
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"README.md: cannot read: {exc}") from None
    block = f"{START}\n{table(data)}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda m: block, text, flags=re.DOTALL)
    else:
        text += f"\n## Speed and size\n\n{block}\n"
    readme.write_text(text, encoding="utf-8")


@click.command("bench")
@click.option("--readme", is_flag=True, help="Only rewrite the README table from bench/latest.json.")
@click.option("--repeat", default=3, show_default=True, help="Runs per build and browser timing.")
@click.option("--scale", "factor", default=4, show_default=True, type=click.IntRange(1, 20),
              help="The scale part builds a site with this many times today's Vietnamese pages.")
@click.option("--only", type=click.Choice(["scale"]), help="Run only this part; the other figures are kept.")
def bench(readme: bool, repeat: int, factor: int, only: str | None):
    """Measure build time, sizes, page weight, quiz and search speed and quality; write bench/latest.json."""
    root = project_root()
    if readme:
        write_readme(root, read_latest(root))
        click.echo("README table written from bench/latest.json", err=True)
        return
    import os
    import platform

    from hoagiai.bench import measure, scale

    if only == "scale":
        click.echo(f"Scale ×{factor}: building the synthetic site and plain Material at the same size…", err=True)
        data = read_latest(root)
        data["scale"] = scale.measure(root, factor, repeat=repeat)
        _write(root, data)
        return
    from hoagiai.content.register import load_register
    from hoagiai.forms import assets_gzipped_bytes as forms_assets_gzipped_bytes
    from hoagiai.quiz import bench as quiz_bench
    from hoagiai.quiz.loader import load_banks

    click.echo(f"Building web, offline and plain-Material sites {repeat}× each…", err=True)
    builds, site, zip_path = measure.builds(root, repeat)
    pages = measure.pages_per_language(site)
    typical = measure.typical_page(site)
    click.echo("Measuring pages, quizzes and search in Chromium…", err=True)
    offline = measure.unzip(zip_path)
    register = load_register(root / "data" / "legal-register.yml")
    data = {
        "date": dt.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "builds": builds,
        "size": {"pages": pages, "pages_per_second": round(sum(pages.values()) / builds["web_build_s"], 1),
                 "site_bytes": measure.folder_bytes(site), "zip_bytes": zip_path.stat().st_size,
                 "our_assets": measure.our_assets(site)},
        "page": {"typical": str(typical.relative_to(site)), **measure.page_transfer(site, typical)},
        "reading": measure.reading_aids(site, typical),
        "quiz": {"quiz_assets_gz": quiz_bench.assets_gzipped_bytes(root),
                 "render_all_ms": round(1000 * quiz_bench.render_all_seconds(load_banks(root=root, register=register),
                                                                           register))},
        "forms": {"forms_assets_gz": forms_assets_gzipped_bytes(root)},
        "search": measure.search_quality(site, root),
    }
    data["timings"], data["size"]["first_search_download_gz"] = measure.browser_timings(site, offline, repeat=repeat)
    click.echo("Lighthouse, axe and the Nu checker…", err=True)
    data["quality"] = measure.quality(site, lighthouse_runs=repeat)
    _write(root, data)  # the figures so far are kept even if the scale part fails
    click.echo(f"Scale ×{factor}…", err=True)
    data["scale"] = scale.measure(root, factor, repeat=repeat)
    _write(root, data)


def _write(root: Path, data: dict) -> None:
    (root / LATEST).parent.mkdir(exist_ok=True)
    (root / LATEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(table(data))
    click.echo(f"\nWritten to {LATEST}; run `hoagiai bench --readme` to update the README table.", err=True)
