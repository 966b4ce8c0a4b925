"""`hoagiai pdf`: the printed handbooks in dist/pdf/."""

from __future__ import annotations

from pathlib import Path

import click

from hoagiai.errors import UserError


def run_user_errors(action):
    """Run `action()`; a UserError becomes its messages on stderr and exit code 1 (never a traceback)."""
    try:
        return action()
    except UserError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None


@click.command("pdf")
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/pdf"), show_default=True)
@click.option("--site", "site_dir", type=click.Path(path_type=Path), default=None,
              help="Print from this built site instead of building one (faster; any URL style).")
def pdf(out: Path, site_dir: Path | None):
    """Print the handbooks (A4): Sổ tay hòa giải viên, Tài liệu dành cho tập huấn viên and the Khmer supplement
    (so-tay-bo-sung-khmer.pdf)."""
    from hoagiai import project_root
    from hoagiai.pdf.handbooks import make_handbooks

    def action():
        root = project_root()
        if site_dir is None:
            click.echo("Building the site to print from…", err=True)
        for printed in make_handbooks(root, root / out if not out.is_absolute() else out, site_dir=site_dir):
            size = printed.path.stat().st_size / 2**20
            click.echo(f"{printed.path}: {printed.pages} pages, {size:.1f} MB, {printed.seconds:.1f} s")

    run_user_errors(action)
