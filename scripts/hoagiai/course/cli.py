"""`hoagiai course --modules 1,3,4 --days 2 [--start 2026-12-01] [--out DIR]`."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import click

from hoagiai.errors import UserError
from hoagiai.pdf.cli import run_user_errors


def parse_modules(text: str) -> list[int]:
    """`1,3,4` -> [1, 3, 4]; duplicates and non-numbers are errors."""
    modules = []
    for part in text.replace(" ", "").split(","):
        if not part.isdigit() or not 1 <= int(part) <= 99:
            raise UserError(f"--modules: {part!r} is not a module number (write e.g. --modules 1,3,4)")
        if int(part) in modules:
            raise UserError(f"--modules: module {int(part)} is listed twice")
        modules.append(int(part))
    return modules


@click.command("course")
@click.option("--modules", required=True, help="Module numbers in teaching order, e.g. 1,3,4.")
@click.option("--days", required=True, type=int, help="Number of course days.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day (YYYY-MM-DD).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/course"), show_default=True)
@click.option("--seed", type=int, default=None, help="Seed for the pre/post papers (default: random, printed).")
@click.option("--variants", type=click.IntRange(1, 26), default=1, show_default=True, help="Paper versions A, B, …")
@click.option("--name", default=None, help="Course name on the cover and the papers.")
@click.option("--site", "site_dir", type=click.Path(path_type=Path), default=None,
              help="Print from this built site instead of building one.")
def course(modules, days, start, out, seed, variants, name, site_dir):
    """Schedule, trainer pack (PDF) and participants' handouts (PDF) for a course."""
    from hoagiai import project_root
    from hoagiai.course.config import load_course_config
    from hoagiai.course.pack import make_course
    from hoagiai.course.schedule import build_schedule, require_fit
    from hoagiai.lessons.model import lessons_for_modules, objective_catalog
    from hoagiai.pdf.handbooks import built_site
    from hoagiai.quiz.loader import load_banks

    def action():
        root = project_root()
        wanted, problems, banks, chosen = parse_modules(modules), [], None, []
        try:
            banks = load_banks(root=root)
        except UserError as exc:  # reported together with the lessons' problems
            problems += exc.problems
        try:
            chosen = lessons_for_modules(root, wanted, objective_catalog(root, banks) if banks else None)
        except UserError as exc:
            problems += exc.problems
        if problems:
            raise UserError(problems)
        config = load_course_config(root)
        schedule = build_schedule(chosen, config, days)
        require_fit(schedule)  # before any slow work
        paper_seed = random.SystemRandom().randrange(1, 10**6) if seed is None else seed
        target = out if out.is_absolute() else root / out
        first_day = start.date() if isinstance(start, dt.datetime) else None
        with built_site(root, site_dir) as site:
            made = make_course(root, site, target, lessons=chosen, schedule=schedule, config=config,
                               start=first_day, seed=paper_seed, banks=banks, variants=variants, name=name)
        click.echo(f"Schedule: {made.schedule}")
        for printed in (made.trainer_pack, made.handouts):
            click.echo(f"{printed.path}: {printed.pages} pages, {printed.path.stat().st_size / 2**20:.1f} MB")
        click.echo(f"Papers (seed {paper_seed}): {target / 'de-kiem-tra'}/")
        click.echo(f"Scores template: {made.scores_template}")
        for path in made.without_handout:
            click.echo(f"{path}: no handout section (## Tài liệu phát tay {{ #tai-lieu-phat-tay }})", err=True)

    run_user_errors(action)
