"""`hoagiai bench [--readme]`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click

from hoagiai import project_root
from hoagiai.errors import UserError

LATEST = Path("bench/latest.json")
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TARGETS = {  # (figure, target, better): the issues' targets, shown beside the measurements
    "ratio_to_plain_material": (1.30, "max"),
    "first_view_gz": (80_000, "max"),
    "repeat_view_gz": (10_000, "max"),
    "zip_bytes": (5_000_000, "max"),
    "quiz_assets_gz": (10_000, "max"),
    "forms_assets_gz": (8_000, "max"),
    "search_online_ms": (1000, "max"),
    "search_file_ms": (1500, "max"),
}


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
        *([("Forms JS + CSS, only on form pages (gzip)", kb(data["forms"]["forms_assets_gz"]), "≤ 8 KB")]
          if "forms" in data else []),
        ("Rendering all quizzes, 3 languages", f"{q['render_all_ms']} ms", ""),
        ("Module page: quiz interactive after navigation start, 4× CPU throttle", f"{t['quiz_interactive_ms']} ms", ""),
        ("Search: open + type → results, online, 4× throttle", f"{t['search_online_ms']} ms", "≤ 1000 ms"),
        ("Search: open + type → results, file://, 4× throttle", f"{t['search_file_ms']} ms", "≤ 1500 ms"),
    ]
    for lang, f in sq.items():
        out.append((f"Search hit@1 / hit@3, {lang} ({f['queries']} queries)",
                     f"{f['hit@1']:.0%} / {f['hit@3']:.0%}", "≥ 90% / 100%"))
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
    """The figures in TARGETS that miss their target."""
    figures = {k: v for part in ("builds", "size", "page", "quiz", "forms", "timings")
               for k, v in data.get(part, {}).items()}
    return [f"{key} = {figures[key]} (target {'≤' if better == 'max' else '≥'} {target})"
            for key, (target, better) in TARGETS.items()
            if key in figures and (figures[key] > target if better == "max" else figures[key] < target)]


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
def bench(readme: bool, repeat: int):
    """Measure build time, sizes, page weight, quiz and search speed and quality; write bench/latest.json."""
    root = project_root()
    if readme:
        write_readme(root, read_latest(root))
        click.echo("README table written from bench/latest.json", err=True)
        return
    import os
    import platform

    from hoagiai.bench import measure
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
        "quiz": {"quiz_assets_gz": quiz_bench.assets_gzipped_bytes(root),
                 "render_all_ms": round(1000 * quiz_bench.render_all_seconds(load_banks(root=root, register=register),
                                                                           register))},
        "forms": {"forms_assets_gz": forms_assets_gzipped_bytes(root)},
        "timings": measure.browser_timings(site, offline, repeat=repeat),
        "search": measure.search_quality(site, root / "tests" / "search" / "queries.yml"),
    }
    click.echo("Lighthouse, axe and the Nu checker…", err=True)
    data["quality"] = measure.quality(site, lighthouse_runs=repeat)
    (root / LATEST).parent.mkdir(exist_ok=True)
    (root / LATEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    click.echo(table(data))
    click.echo(f"\nWritten to {LATEST}; run `hoagiai bench --readme` to update the README table.", err=True)
