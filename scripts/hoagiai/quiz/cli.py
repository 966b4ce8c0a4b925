"""`hoagiai quiz …`: check, paper, export, schema. Bad input -> clear messages and exit code 1."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from hoagiai.errors import UserError
from hoagiai.quiz.loader import BANKS_DIR, bank_paths, load_banks


def _root() -> Path:
    from hoagiai import project_root

    return project_root()


def _user_errors(command):
    """Print UserError problems (one per line) and exit 1 instead of showing a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(1)

    return wrapper


def _load_named(root: Path, names: tuple[str, ...]):
    """Banks by id (`m03`) or by path (`quizzes/m03.yml`); all banks are checked together for duplicates."""
    banks = load_banks(root=root)
    chosen = []
    for name in names:
        bank_id = Path(name).stem if name.endswith((".yml", ".yaml")) else name
        if bank_id not in banks:
            known = ", ".join(sorted(banks)) or "none"
            raise UserError(f"unknown bank {name!r} (banks in {BANKS_DIR.as_posix()}/: {known})")
        chosen.append(banks[bank_id])
    return banks, chosen


@click.group()
def quiz():
    """Quiz banks: check, print papers, export, JSON Schema."""


@quiz.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_user_errors
def check(paths: tuple[Path, ...]):
    """Check banks (default: all in quizzes/) and report every problem at once."""
    root = _root()
    files = [p if p.is_absolute() else Path.cwd() / p for p in paths] or bank_paths(root)
    if not files:
        raise UserError(f"{BANKS_DIR.as_posix()}/: no quiz banks (*.yml) found")
    banks = load_banks(files, root=root)
    questions = sum(len(q.scored) for b in banks.values() for q in b.questions)
    click.echo(f"{len(banks)} bank(s), {questions} question(s): OK")


@quiz.command()
@click.argument("banks", nargs=-1, required=True)
@click.option("--variants", default=1, show_default=True, type=click.IntRange(1, 26), help="Versions A, B, …")
@click.option("--pre-post", is_flag=True, help="Two papers (pre/post) without overlapping questions.")
@click.option("--seed", type=int, default=None, help="Same seed, same papers (default: random, printed).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en", "km"]), default="vi", show_default=True)
@click.option("--course", default=None, help="Course name in the paper header.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/papers"), show_default=True)
@_user_errors
def paper(banks, variants, pre_post, seed, fmt, lang, course, out):
    """Printable papers, answer keys and scores-template.csv for BANK… (e.g. m03)."""
    from hoagiai.content.register import REGISTER_PATH, load_register
    from hoagiai.quiz.paper import make_papers

    root = _root()
    _, chosen = _load_named(root, banks)
    register = load_register(root / REGISTER_PATH)
    written = make_papers(chosen, out=out, variants=variants, pre_post=pre_post, seed=seed, fmt=fmt,
                          lang=lang, course=course, register=register)
    for path in written:
        click.echo(path)


@quiz.command()
@click.option("--format", "fmt", type=click.Choice(["gift", "json", "csv"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/export"), show_default=True)
@click.argument("banks", nargs=-1)
@_user_errors
def export(fmt, out, banks):
    """Export banks (default: all) as Moodle GIFT, JSON or CSV."""
    from hoagiai.quiz.export import export as run_export

    root = _root()
    everything, chosen = _load_named(root, banks)
    selected = {b.id: b for b in chosen} if banks else everything
    for path in run_export(selected, fmt, out):
        click.echo(path)


@quiz.command()
@click.option("--check", "check_only", is_flag=True, help="Fail if quizzes/schema.json is stale.")
@_user_errors
def schema(check_only):
    """Write quizzes/schema.json (JSON Schema for editors), or check that it is up to date."""
    from hoagiai.quiz.schema import check_schema, write_schema

    root = _root()
    if check_only:
        check_schema(root)
        click.echo("quizzes/schema.json is up to date")
    else:
        click.echo(write_schema(root))
