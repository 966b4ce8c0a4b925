"""`hoagiai evaluate scores.csv [--out DIR]`: the evaluation report as HTML and PDF."""

from __future__ import annotations

from pathlib import Path

import click

from hoagiai.errors import UserError
from hoagiai.pdf.cli import run_user_errors

REPORT = "bao-cao-danh-gia"


def make_report(root: Path, scores: Path, out: Path, *, pdf: bool = True, banks: dict | None = None):
    """Write the report; return (html path, pdf path or None, bad rows). Banks default to quizzes/."""
    from hoagiai.curriculum import objective_texts
    from hoagiai.evaluate.report import render_report
    from hoagiai.evaluate.scoring import load_scores, scored_questions
    from hoagiai.evaluate.stats import evaluate
    from hoagiai.quiz.loader import load_banks

    questions = scored_questions(banks if banks is not None else load_banks(root=root))
    sheets, bad = load_scores(scores, questions)
    if not sheets:
        raise UserError([f"{scores}:{b.row}: {b.message}" for b in bad] +
                        [f"{scores}: no row could be scored"])
    evaluation = evaluate(sheets, questions)
    texts = objective_texts(root / "docs", sorted({questions[i.qid].bank.id for i in evaluation.items}))
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / f"{REPORT}.html"
    html_path.write_text(render_report(evaluation, questions, texts, bad, source=scores.name), encoding="utf-8")
    pdf_path = None
    if pdf:
        from hoagiai.pdf.chromium import print_to_pdf

        pdf_path = print_to_pdf(html_path, out / f"{REPORT}.pdf")
    return html_path, pdf_path, bad


@click.command("evaluate")
@click.argument("scores", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/evaluation"), show_default=True)
@click.option("--no-pdf", is_flag=True, help="Write the HTML report only.")
def evaluate(scores: Path, out: Path, no_pdf: bool):
    """Score a filled scores-template.csv against the banks; write the report (HTML, PDF).

    Exit code 1 when some rows or cells could not be scored: they are listed (CSV line numbers) on
    stderr and in the report, which is still written from the rest.
    """
    from hoagiai import project_root

    def action():
        root = project_root()
        html_path, pdf_path, bad = make_report(root, scores, out if out.is_absolute() else root / out,
                                               pdf=not no_pdf)
        click.echo(html_path)
        if pdf_path:
            click.echo(pdf_path)
        if bad:
            for row in bad:
                click.echo(f"{scores}:{row.row}: {row.message}", err=True)
            click.echo(f"{len(bad)} problem(s) in {scores}: fix them and run again", err=True)
            raise SystemExit(1)

    run_user_errors(action)
