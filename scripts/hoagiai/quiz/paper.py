"""Printable test papers (variants A, B, … and pre/post), answer keys and `scores-template.csv`.

Options on paper keep their bank ids (a, b, c) in shuffled order, so what a participant circles is what
the trainer types into the scores sheet, whatever the variant.
"""

from __future__ import annotations

import csv
import random
import string
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from hoagiai.content.register import Register
from hoagiai.errors import UserError
from hoagiai.quiz.model import Bank, Question, localized

PAPER_STRINGS = {
    "vi": {
        "course": "Tập huấn hòa giải ở cơ sở", "pre": "Bài kiểm tra đầu khóa", "post": "Bài kiểm tra cuối khóa",
        "test": "Bài kiểm tra", "variant": "Đề", "key": "Đáp án", "name": "Họ và tên", "place": "Ấp/khóm, xã/phường",
        "date": "Ngày", "score": "Điểm", "questions": "{n} câu",
        "howto": "Khoanh tròn chữ cái của đáp án đúng. Với câu sắp xếp, ghi các chữ cái theo đúng thứ tự.",
        "single": "Chọn một đáp án.", "multiple": "Chọn tất cả đáp án đúng.", "true_false": "Đúng hay sai?",
        "ordering": "Sắp xếp theo đúng thứ tự (ví dụ: b > a > c).", "answer": "Trả lời", "case": "Tình huống",
        "question": "Câu", "id": "Mã câu", "correct": "Đáp án đúng", "explanations": "Giải thích",
        "sources": "Căn cứ", "article": "Điều", "seed": "Mã tạo đề (seed)",
    },
    "en": {
        "course": "Grassroots mediation training", "pre": "Pre-test", "post": "Post-test", "test": "Test",
        "variant": "Version", "key": "Answer key", "name": "Name", "place": "Village, commune", "date": "Date",
        "score": "Score", "questions": "{n} questions",
        "howto": "Circle the letter of the right answer. For ordering questions, write the letters in order.",
        "single": "Choose one answer.", "multiple": "Choose all correct answers.", "true_false": "True or false?",
        "ordering": "Put in the right order (e.g. b > a > c).", "answer": "Answer", "case": "Case",
        "question": "Question", "id": "Question id", "correct": "Correct answer", "explanations": "Explanations",
        "sources": "Legal basis", "article": "Article", "seed": "Paper seed",
    },
    "km": {  # reference translation, awaiting native review
        "course": "វគ្គបណ្តុះបណ្តាលការផ្សះផ្សានៅមូលដ្ឋាន", "pre": "តេស្តមុនវគ្គ", "post": "តេស្តក្រោយវគ្គ",
        "test": "តេស្ត", "variant": "វិញ្ញាសា", "key": "ចម្លើយ", "name": "ឈ្មោះ", "place": "ភូមិ ឃុំ", "date": "កាលបរិច្ឆេទ",
        "score": "ពិន្ទុ", "questions": "{n} សំណួរ",
        "howto": "គូសរង្វង់អក្សរនៃចម្លើយត្រឹមត្រូវ។", "single": "ជ្រើសរើសចម្លើយមួយ។",
        "multiple": "ជ្រើសរើសចម្លើយត្រឹមត្រូវទាំងអស់។", "true_false": "ត្រូវ ឬខុស?",
        "ordering": "រៀបតាមលំដាប់ត្រឹមត្រូវ (ឧ. b > a > c)។", "answer": "ចម្លើយ", "case": "ករណីសិក្សា",
        "question": "សំណួរ", "id": "លេខសំណួរ", "correct": "ចម្លើយត្រឹមត្រូវ", "explanations": "ការពន្យល់",
        "sources": "មូលដ្ឋានច្បាប់", "article": "មាត្រា", "seed": "លេខបង្កើតវិញ្ញាសា",
    },
}

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
body { font-family: "Noto Sans", "Noto Sans Khmer", sans-serif; font-size: 11pt; line-height: 1.4; color: #000; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 14pt 0 6pt; }
.meta { display: grid; grid-template-columns: 1fr 1fr; gap: 6pt 16pt; margin: 8pt 0 10pt; }
.line { border-bottom: 1px solid #000; min-height: 16pt; }
.q { break-inside: avoid; margin: 0 0 10pt; } .hint { font-style: italic; font-size: 9.5pt; }
.opt { margin: 2pt 0 2pt 14pt; } .opt b { display: inline-block; min-width: 14pt; }
.answer { margin: 4pt 0 0 14pt; } .case { border: 1px solid #000; padding: 6pt 8pt; margin: 8pt 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
.code { font-family: "Noto Sans Mono", monospace; }
"""


@dataclass(frozen=True)
class Unit:
    """A top-level question with its bank (a scenario carries its sub-questions)."""
    bank: Bank
    question: Question


@dataclass(frozen=True)
class Paper:
    kind: str  # "pre", "post" or "test"
    variant: str  # "A", "B", …
    units: tuple[Unit, ...]
    code: str  # printed on every page, e.g. "m03-pre-A"


def _layout(units: list[Unit], rng: random.Random) -> tuple[Unit, ...]:
    units = list(units)
    rng.shuffle(units)
    return tuple(units)


def plan_papers(banks: list[Bank], *, variants: int = 1, pre_post: bool = False, seed: int = 0) -> list[Paper]:
    """Which questions go on which paper, in which order: reproducible from the seed."""
    if variants < 1 or variants > 26:
        raise UserError("--variants must be between 1 and 26")
    units = [Unit(bank, q) for bank in banks for q in bank.questions]
    name = "-".join(b.id for b in banks)
    if pre_post:
        if len(units) < 2:
            raise UserError(f"{name}: --pre-post needs at least 2 questions to split")
        pool = list(units)
        random.Random(f"{seed}:split").shuffle(pool)
        half = (len(pool) + 1) // 2
        order = {id(u): i for i, u in enumerate(units)}
        groups = {"pre": sorted(pool[:half], key=lambda u: order[id(u)]),
                  "post": sorted(pool[half:], key=lambda u: order[id(u)])}
    else:
        groups = {"test": units}
    papers = []
    for kind, chosen in groups.items():
        for letter in string.ascii_uppercase[:variants]:
            rng = random.Random(f"{seed}:{kind}:{letter}")
            code = "-".join(part for part in (name, "" if kind == "test" else kind, letter) if part)
            papers.append(Paper(kind, letter, _layout(chosen, rng), code))
    return papers


def _options(question: Question, rng: random.Random) -> list[tuple[str, str]]:
    if question.kind == "ordering":
        pairs = [(i.id, i.text) for i in question.items]
    else:
        pairs = [(o.id, o.text) for o in question.options]
    if question.kind != "true_false":
        rng.shuffle(pairs)
    return pairs


def _page(title: str, code: str, body: str, lang: str) -> str:
    # Chromium prints @page margin boxes: every sheet carries its paper code and page number.
    label = code.replace('"', "").replace("\\", "")
    footer = (f'@page {{ @bottom-center {{ content: "{label} · " counter(page) "/" counter(pages); '
              'font: 9pt "Noto Sans", sans-serif; } }')
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{CSS}{footer}</style></head><body>{body}</body></html>\n")


def _text(value, lang: str) -> str:
    return escape(localized(value, lang)).replace("\n", "<br>")


def render_paper(paper: Paper, banks: list[Bank], *, lang: str, course: str | None, seed: int) -> str:
    s = {**PAPER_STRINGS["vi"], **PAPER_STRINGS.get(lang, {})}
    titles = ", ".join(localized(b.title, lang) for b in banks)
    count = sum(len(u.question.scored) for u in paper.units)
    head = (f"<h1>{escape(course or s['course'])}</h1>"
            f"<p><strong>{escape(s[paper.kind])}</strong> · {escape(titles)} · "
            f"{escape(s['variant'])} <strong>{paper.variant}</strong> · {escape(s['questions'].format(n=count))}"
            f' · <span class="code">{escape(paper.code)}</span></p>'
            '<div class="meta">' + "".join(f'<div>{escape(s[k])}: <div class="line"></div></div>'
                                           for k in ("name", "place", "date", "score")) + "</div>"
            f"<p class=\"hint\">{escape(s['howto'])}</p>")
    parts, number = [head], 0
    for unit in paper.units:
        top = unit.question
        rng = random.Random(f"{seed}:{paper.code}:{top.id}")
        if top.kind == "scenario":
            parts.append(f'<div class="case"><strong>{escape(s["case"])}:</strong> {_text(top.case, lang)}'
                         + (f"<br>{_text(top.prompt, lang)}" if top.prompt else "") + "</div>")
        for question in top.scored:
            number += 1
            options = "".join(f'<div class="opt"><b>{escape(oid)}.</b> {_text(text, lang)}</div>'
                              for oid, text in _options(question, rng))
            parts.append(f'<div class="q"><p><strong>{escape(s["question"])} {number}.</strong> '
                         f'{_text(question.prompt, lang)} <span class="hint">{escape(s[question.kind])}</span></p>'
                         f'{options}<div class="answer">{escape(s["answer"])}: ____________________</div></div>')
    return _page(f"{paper.code} {s[paper.kind]}", paper.code, "".join(parts), lang)


def _source_text(question: Question, register: Register | None, s: dict[str, str]) -> str:
    out = []
    for source in question.sources:
        doc = register.get(source.doc) if register else None
        name = doc.short if doc else source.doc
        if source.article:
            title = doc.articles.get(source.article, "") if doc else ""
            out.append(f"{s['article']} {source.article}. {title} ({name})")
        else:
            out.append(name)
    return "; ".join(out)


def render_key(papers: list[Paper], banks: list[Bank], *, code: str, lang: str, course: str | None, seed: int,
               register: Register | None) -> str:
    s = {**PAPER_STRINGS["vi"], **PAPER_STRINGS.get(lang, {})}
    first = papers[0]
    parts = [f"<h1>{escape(s['key'])}: {escape(course or s['course'])}</h1>",
             (f"<p><strong>{escape(s[first.kind])}</strong> · {escape(s['seed'])}: "
             f'<span class="code">{seed}</span></p>')]
    for paper in papers:
        rows, number = [], 0
        for unit in paper.units:
            for question in unit.question.scored:
                number += 1
                rows.append(f"<tr><td>{number}</td><td class=\"code\">{escape(question.id)}</td>"
                            f"<td class=\"code\"><strong>{escape(question.answer_code())}</strong></td></tr>")
        parts.append(f"<h2>{escape(s['variant'])} {paper.variant} (<span class=\"code\">{escape(paper.code)}"
                     f"</span>)</h2><table><thead><tr><th>{escape(s['question'])}</th><th>{escape(s['id'])}</th>"
                     f"<th>{escape(s['correct'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    parts.append(f"<h2>{escape(s['explanations'])}</h2>")
    for unit in sorted(first.units, key=lambda u: (banks.index(u.bank), u.bank.questions.index(u.question))):
        for question in unit.question.scored:
            by_id = {o.id: o for o in question.options} | {i.id: i for i in question.items}
            answer = "; ".join(f"{cid}. {localized(by_id[cid].text, lang)}" for cid in question.correct_ids())
            sources = _source_text(question, register, s)
            parts.append(
                f'<div class="q"><p><strong class="code">{escape(question.id)}</strong> '
                f"{_text(question.prompt, lang)}</p><p>{escape(s['correct'])}: <strong>"
                f"{escape(question.answer_code())}</strong> ({escape(answer)})</p>"
                f"<p>{_text(question.explanation, lang)}</p>"
                + (f"<p>{escape(s['sources'])}: {escape(sources)}</p>" if sources else "") + "</div>")
    return _page(code, code, "".join(parts), lang)


def write_scores_template(papers: list[Paper], path: Path) -> Path:
    columns: list[str] = []
    for paper in papers:
        for unit in paper.units:
            for question in unit.question.scored:
                if question.id not in columns:
                    columns.append(question.id)
    ordered = sorted(columns, key=lambda qid: _bank_order(papers, qid))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["participant", "paper", "variant", *ordered])
    return path


def _bank_order(papers: list[Paper], qid: str) -> tuple[str, int]:
    for paper in papers:
        for unit in paper.units:
            ids = [q.id for top in unit.bank.questions for q in top.scored]
            if qid in ids:
                return unit.bank.id, ids.index(qid)
    return "", 0


def make_papers(banks: list[Bank], *, out: Path, variants: int = 1, pre_post: bool = False,
                seed: int | None = None, fmt: str = "html", lang: str = "vi", course: str | None = None,
                register: Register | None = None) -> list[Path]:
    """Write papers, answer keys (HTML or PDF) and scores-template.csv; return the written paths."""
    if fmt not in ("html", "pdf"):
        raise UserError(f"unknown format {fmt!r} (use html or pdf)")
    if not banks:
        raise UserError("name at least one bank, e.g. `hoagiai quiz paper m03`")
    seed = random.SystemRandom().randrange(1, 10**6) if seed is None else seed
    papers = plan_papers(banks, variants=variants, pre_post=pre_post, seed=seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    for paper in papers:
        pages[paper.code] = render_paper(paper, banks, lang=lang, course=course, seed=seed)
    for kind in dict.fromkeys(p.kind for p in papers):
        group = [p for p in papers if p.kind == kind]
        stem = "-".join(part for part in ("-".join(b.id for b in banks), "" if kind == "test" else kind) if part)
        pages[f"{stem}-answer-key"] = render_key(group, banks, code=f"{stem}-answer-key", lang=lang,
                                                 course=course, seed=seed, register=register)
    written = []
    if fmt == "html":
        for stem, html in pages.items():
            path = out / f"{stem}.html"
            path.write_text(html, encoding="utf-8")
            written.append(path)
    else:
        from hoagiai.pdf.chromium import print_to_pdf

        with tempfile.TemporaryDirectory(prefix="hoagiai-papers-") as tmp:
            for stem, html in pages.items():
                source = Path(tmp) / f"{stem}.html"
                source.write_text(html, encoding="utf-8")
                written.append(print_to_pdf(source, out / f"{stem}.pdf"))
    written.append(write_scores_template(papers, out / "scores-template.csv"))
    return written
