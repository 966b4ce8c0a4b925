"""Printable test papers (variants A, B, … and pre/post), answer keys, `scores-template.csv` and `papers.json`.

Fair papers: each variant shuffles its questions and each question's options (ordering: items) from the seed and
the question id, and prints them a, b, c, … top to bottom; true/false keeps "Đúng" / "Sai" in the bank's order.
The answer key and the scores sheet use the printed letters of the variant; the layout file (`papers.json`,
hoagiai.quiz.layout) maps them back to bank ids for `hoagiai evaluate`. A scenario's sub-questions stay together,
in the bank's order, after the case.
"""

from __future__ import annotations

import csv
import random
import string
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markupsafe import Markup

from hoagiai.content.register import Register
from hoagiai.documents import render
from hoagiai.errors import UserError
from hoagiai.quiz.layout import FILE as LAYOUT_FILE
from hoagiai.quiz.layout import Layout, PaperLayout, PrintedQuestion
from hoagiai.quiz.model import Bank, Question, Text, localized, shuffled

TEMPLATES = Path(__file__).parent / "templates"
SCORES_TEMPLATE = "scores-template.csv"
LETTERS = string.ascii_lowercase

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
        "per_variant": "Chữ cái đúng theo từng đề",
        "letters": "Mỗi đề xếp câu hỏi và phương án theo thứ tự riêng: chấm theo bảng của đúng đề (A, B…) in trên bài.",
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
        "per_variant": "Correct letters on each version",
        "letters": "Each version orders questions and options differently: mark with the table of the version (A, B…) printed on the paper.",
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


@dataclass(frozen=True)
class Choice:
    """One printed line under a question: its printed letter and the bank option (or ordering item) behind it."""
    letter: str
    id: str
    text: Text


@dataclass(frozen=True)
class PaperQuestion:
    """A marked question as printed on one paper."""
    number: int
    question: Question
    choices: tuple[Choice, ...]

    @property
    def key(self) -> str:
        """The right answer in printed letters, as the scores sheet holds it: `c`, `a+d`, `b>a>c`."""
        letter = {c.id: c.letter for c in self.choices}
        if self.question.kind == "ordering":
            return ">".join(letter[i] for i in self.question.correct_ids())
        return "+".join(sorted(letter[i] for i in self.question.correct_ids()))

    def layout(self) -> PrintedQuestion:
        return PrintedQuestion(self.question.id, {c.letter: c.id for c in self.choices})


@dataclass(frozen=True)
class Unit:
    """A top-level question with its bank (a scenario carries its sub-questions) and, on a paper, how it prints."""
    bank: Bank
    question: Question
    printed: tuple[PaperQuestion, ...] = ()


@dataclass(frozen=True)
class Paper:
    kind: str  # "pre", "post" or "test"
    variant: str  # "A", "B", …
    units: tuple[Unit, ...]
    code: str  # printed on every page, e.g. "m03-pre-A"

    @property
    def questions(self) -> list[PaperQuestion]:
        return [item for unit in self.units for item in unit.printed]

    @property
    def count(self) -> int:
        return len(self.questions)

    def key_of(self, qid: str) -> str:
        return next(item.key for item in self.questions if item.question.id == qid)

    def layout(self) -> PaperLayout:
        return PaperLayout(self.code, self.kind, self.variant, tuple(item.layout() for item in self.questions))


def shuffled_choices(question: Question, seed: int | str, kind: str, variant: str) -> tuple[Choice, ...]:
    """The question's options (ordering: items) in printed order, lettered a, b, c…: shuffled from the seed, the
    paper, the variant and the question id; true/false keeps the bank's order (Đúng, Sai); ordering items never
    print in the right order."""
    entries = shuffled(question, f"{seed}:{kind}:{variant}:{question.id}")  # writing a>b>c must never pass
    return tuple(Choice(LETTERS[index], entry.id, entry.text) for index, entry in enumerate(entries))


def _print(units: list[Unit], seed: int | str, kind: str, variant: str) -> tuple[Unit, ...]:
    """Units in the variant's order, each with its printed questions numbered from 1."""
    order = list(units)
    random.Random(f"{seed}:{kind}:{variant}").shuffle(order)
    out, number = [], 0
    for unit in order:
        printed = []
        for question in unit.question.scored:
            number += 1
            printed.append(PaperQuestion(number, question, shuffled_choices(question, seed, kind, variant)))
        out.append(Unit(unit.bank, unit.question, tuple(printed)))
    return tuple(out)


def plan_papers(banks: list[Bank], *, variants: int = 1, pre_post: bool = False, seed: int = 0) -> list[Paper]:
    """Which questions go on which paper, in which order, with which letters: reproducible from the seed."""
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
            code = "-".join(part for part in (name, "" if kind == "test" else kind, letter) if part)
            papers.append(Paper(kind, letter, _print(chosen, seed, kind, letter), code))
    return papers


def _strings(lang: str) -> dict[str, str]:
    return {**PAPER_STRINGS["vi"], **PAPER_STRINGS.get(lang, {})}


def _text_function(lang: str):
    def text(value: Text | None) -> Markup:
        return Markup(escape(localized(value, lang)).replace("\n", "<br>"))
    return text


def render_paper(paper: Paper, banks: list[Bank], *, lang: str, course: str | None) -> str:
    return render(TEMPLATES, "paper.html", locale=lang, lang=lang, paper=paper, course=course, s=_strings(lang),
                  titles=", ".join(localized(b.title, lang) for b in banks), text=_text_function(lang))


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
    s = _strings(lang)
    first = papers[0]
    explained = [q for unit in sorted(first.units, key=lambda u: (banks.index(u.bank), u.bank.questions.index(u.question)))
                 for q in unit.question.scored]
    answers, sources = {}, {}
    for question in explained:
        by_id = {o.id: o for o in question.options} | {i.id: i for i in question.items}
        answers[question.id] = "; ".join(localized(by_id[cid].text, lang) for cid in question.correct_ids())
        sources[question.id] = _source_text(question, register, s)
    return render(TEMPLATES, "key.html", locale=lang, lang=lang, code=code, kind=first.kind, papers=papers,
                  course=course, seed=seed, s=s, explained=explained, answers=answers, sources=sources,
                  text=_text_function(lang))


def scores_columns(papers: list[Paper]) -> list[str]:
    """The sheet's question columns: every question on any of the papers, in bank order."""
    on_paper = {item.question.id for paper in papers for item in paper.questions}
    banks = {unit.bank.id: unit.bank for paper in papers for unit in paper.units}  # first seen, in order
    return [q.id for bank in banks.values() for q, _ in bank.scored_questions() if q.id in on_paper]


def write_scores_template(papers: list[Paper], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["participant", "paper", "variant", *scores_columns(papers)])
    return path


def paper_layout(papers: list[Paper], banks: list[Bank], seed: int) -> Layout:
    return Layout(seed, tuple(b.id for b in banks), tuple(p.layout() for p in papers))


def make_papers(banks: list[Bank], *, out: Path, variants: int = 1, pre_post: bool = False,
                seed: int | None = None, fmt: str = "html", lang: str = "vi", course: str | None = None,
                register: Register | None = None) -> list[Path]:
    """Write papers, answer keys (HTML or PDF), scores-template.csv and papers.json; return the written paths."""
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
        pages[paper.code] = render_paper(paper, banks, lang=lang, course=course)
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
    written.append(write_scores_template(papers, out / SCORES_TEMPLATE))
    layout = out / LAYOUT_FILE
    layout.write_text(paper_layout(papers, banks, seed).to_json(), encoding="utf-8")
    written.append(layout)
    return written
