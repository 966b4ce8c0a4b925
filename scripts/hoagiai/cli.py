"""The `hoagiai` command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from hoagiai import project_root
from hoagiai.errors import UserError


class Group(click.Group):
    """Turns UserError into a clear message and exit code 1: never a traceback for bad input."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)


@click.group(cls=Group)
@click.version_option(package_name="hoagiai")
def main():
    """Hòa giải cơ sở: build the training site, check content, make quizzes, papers and reports."""


@main.command()
@click.option("--offline", is_flag=True, help="Also write dist/<name>-offline-<date>.zip for file:// use.")
@click.option("--release", is_flag=True, help="Refuse to build while a province setting is `TODO: publisher`.")
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True)
@click.option("--dist", type=click.Path(path_type=Path), default=Path("dist"), show_default=True)
def build(offline: bool, release: bool, site_dir: Path, dist: Path):
    """Strict build of the web site (site/, plus dist/nginx/csp.conf) and, with --offline, the offline zip."""
    from hoagiai.build import mkdocs_build, offline_zip
    from hoagiai.province import placeholders
    from hoagiai.publish.nginx import write_csp
    from hoagiai.siteconfig import load_mkdocs_yml

    root = project_root()
    todo = placeholders(load_mkdocs_yml(root).get("extra", {}).get("province", {}))
    if todo:
        lines = [f"mkdocs.yml: extra.province.{key}: still 'TODO: publisher'" for key in todo]
        if release:
            raise UserError(lines + ["release build refused: set these values first (README, Publishing)"])
        for line in lines:
            click.echo(f"WARNING: {line}", err=True)
    click.echo("Building the web site (vi, en, km)…", err=True)
    mkdocs_build(root, root / site_dir)
    csp = write_csp(root / site_dir, root / dist / "nginx" / "csp.conf")
    click.echo(f"Web site written to {site_dir}/; CSP for nginx in {csp.relative_to(root)}", err=True)
    if offline:
        click.echo("Building the offline site…", err=True)
        target = offline_zip(root, root / dist)
        click.echo(f"Offline zip written to {target.relative_to(root)}", err=True)


@main.command()
@click.option("--port", default=8000, show_default=True)
def serve(port: int):
    """Build and serve the site with live reload at http://127.0.0.1:PORT/ (under the portal sub-path)."""
    root = project_root()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    raise SystemExit(subprocess.call(cmd, cwd=root, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"}))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--report", is_flag=True, help="Print the coverage and translation report instead.")
@click.option("--json", "as_json", is_flag=True, help="With --report: JSON instead of text.")
def check(paths: tuple[Path, ...], report: bool, as_json: bool):
    """Check content (NFC, tone marks, citations, front matter, translations); every problem as file:line."""
    from hoagiai.content.checks import check_tree

    root = project_root()
    if report:
        import json

        from hoagiai.content.coverage import as_text, coverage
        from hoagiai.quality import readability

        data, reading = coverage(root), readability.report(root / "docs", root=root)
        if as_json:
            click.echo(json.dumps({**data, "reading_level": reading.as_dict()}, ensure_ascii=False, indent=1))
        else:
            click.echo(as_text(data))
            click.echo(reading.as_text())
        return
    problems = check_tree(root, [p.resolve() for p in paths] or None)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        raise SystemExit(1)
    click.echo("No problems found.", err=True)


# Sub-commands live with their packages.
from hoagiai.bench.cli import bench
from hoagiai.course.cli import course
from hoagiai.evaluate.cli import evaluate
from hoagiai.pdf.cli import pdf
from hoagiai.quiz.cli import quiz

for command in (quiz, course, pdf, evaluate, bench):
    main.add_command(command)

if __name__ == "__main__":
    main()
