"""`hoagiai evaluate SHEET… [--name NAME]… [--layout FILE]… [--out DIR]`: each course's report (HTML, PDF) and,
for several sheets, the province summary (tong-hop.html, .pdf, .csv)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click

from hoagiai.errors import UserError
from hoagiai.pdf.cli import run_user_errors

REPORT = "bao-cao-danh-gia"


@dataclass
class Evaluated:
    courses: list  # evaluate.summary.Course, in the order of the sheets
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # `file:line: message`, every one of them


def _names(sheets: list[Path], names: list[str]) -> list[str]:
    from hoagiai.slugs import slugify

    if names and len(names) != len(sheets):
        raise UserError(f"--name is given {len(names)} time(s) for {len(sheets)} sheet(s): give one per sheet, "
                        "in the order of the sheets")
    chosen = list(names) or [sheet.stem for sheet in sheets]
    seen: dict[str, int] = {}
    for index, name in enumerate(chosen):
        key = slugify(name)
        if not key:
            raise UserError(f"{sheets[index]}: the name {name!r} has no letters or digits: give one with --name")
        if key in seen:
            raise UserError(f"{sheets[seen[key]]} and {sheets[index]} would both be named {name!r}: name each sheet "
                            "with --name (once per sheet, in the order of the sheets)")
        seen[key] = index
    return chosen


def _layouts(sheets: list[Path], layouts: list[Path]) -> list[Path]:
    from hoagiai.quiz.layout import FILE

    if len(layouts) > 1 and len(layouts) != len(sheets):
        raise UserError(f"--layout is given {len(layouts)} times for {len(sheets)} sheets: give it once (the same "
                        "papers for every sheet) or once per sheet, in the order of the sheets")
    if not layouts:
        return [sheet.parent / FILE for sheet in sheets]
    return list(layouts) * len(sheets) if len(layouts) == 1 else list(layouts)


def _print(html: Path, pdf: bool, written: list[Path]) -> None:
    written.append(html)
    if pdf:
        from hoagiai.pdf.chromium import print_to_pdf

        written.append(print_to_pdf(html, html.with_suffix(".pdf")))


def evaluate_sheets(root: Path, sheets: list[Path], out: Path, *, names: list[str] | None = None,
                    layouts: list[Path] | None = None, pdf: bool = True, banks: dict | None = None) -> Evaluated:
    """Score every sheet (a broken one is listed and the others scored), write each course's report and, for
    several sheets, the summary. UserError only when no sheet at all can be scored."""
    from hoagiai.curriculum import objective_texts
    from hoagiai.evaluate.report import TITLE, render_report
    from hoagiai.evaluate.scoring import read_scores, read_sheet, scored_questions
    from hoagiai.evaluate.stats import evaluate
    from hoagiai.evaluate.summary import SUMMARY, Course, render_summary, summarize, write_csv
    from hoagiai.quiz.layout import load_layout
    from hoagiai.quiz.loader import load_banks
    from hoagiai.slugs import slugify

    if not sheets:
        raise UserError("name at least one scores sheet, e.g. `hoagiai evaluate scores.csv`")
    chosen_names, chosen_layouts = _names(sheets, names or []), _layouts(sheets, layouts or [])
    questions = scored_questions(banks if banks is not None else load_banks(root=root))
    result = Evaluated([])
    for sheet, name, layout_path in zip(sheets, chosen_names, chosen_layouts):
        course = Course(name, str(sheet))
        try:
            text = read_sheet(sheet)  # the sheet's own problems first, then its layout's
            course.sheets, course.bad = read_scores(text, questions, load_layout(layout_path), str(sheet))
        except UserError as exc:
            course.errors = [str(p) for p in exc.problems]
        result.problems += course.errors + [str(b) for b in course.bad]
        if not course.sheets and not course.errors:
            course.errors = [f"{sheet}: no row could be scored"]
            result.problems += course.errors
        result.courses.append(course)
    scored = [c for c in result.courses if c.sheets]
    if not scored:
        raise UserError(result.problems)
    several = len(sheets) > 1
    out.mkdir(parents=True, exist_ok=True)
    banks_asked = sorted({questions[qid].bank.id for c in scored for s in c.sheets for qid in s.answers})
    objectives = objective_texts(root / "docs", banks_asked)
    for course in scored:
        course.evaluation = evaluate(course.sheets, questions)
        folder = out / slugify(course.name) if several else out
        folder.mkdir(parents=True, exist_ok=True)
        html = folder / f"{REPORT}.html"
        title = f"{TITLE}: {course.name}" if several else TITLE
        html.write_text(render_report(course.evaluation, questions, objectives, course.bad,
                                      source=course.source, title=title), encoding="utf-8")
        course.report = html.relative_to(out).as_posix()
        _print(html, pdf, result.written)
    if several:
        summary = summarize(result.courses, questions, objectives)
        html = out / f"{SUMMARY}.html"
        html.write_text(render_summary(summary), encoding="utf-8")
        _print(html, pdf, result.written)
        result.written.append(write_csv(summary, out / f"{SUMMARY}.csv"))
    return result


@click.command("evaluate")
@click.argument("sheets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--name", "names", multiple=True, help="A course's name, once per sheet in order (default: file names).")
@click.option("--layout", "layouts", multiple=True, type=click.Path(path_type=Path),
              help="The papers' layout (papers.json): once for all sheets, or once per sheet "
                   "(default: papers.json beside each sheet).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("dist/evaluation"), show_default=True)
@click.option("--no-pdf", is_flag=True, help="Write HTML (and the CSV) only.")
def evaluate(sheets: tuple[Path, ...], names: tuple[str, ...], layouts: tuple[Path, ...], out: Path, no_pdf: bool):
    """Score filled scores sheets (one per course or commune) through the papers' layout and the banks; write
    each course's report (HTML, PDF) and, for several sheets, the summary tong-hop.html, .pdf and .csv.

    Exit code 1 when some sheets, rows or cells could not be scored: each is listed with its file and line on
    stderr and in the reports, which are still written from the rest.
    """
    from hoagiai import project_root

    def action():
        root = project_root()
        result = evaluate_sheets(root, list(sheets), out if out.is_absolute() else root / out, names=list(names),
                                 layouts=list(layouts), pdf=not no_pdf)
        for path in result.written:
            click.echo(path)
        if result.problems:
            for problem in result.problems:
                click.echo(problem, err=True)
            click.echo(f"{len(result.problems)} problem(s): fix them and run again", err=True)
            raise SystemExit(1)

    run_user_errors(action)
