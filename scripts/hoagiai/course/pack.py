"""`hoagiai course` outputs: schedule page, trainer pack PDF, participants' handouts PDF, papers, scores template."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from hoagiai.content.register import REGISTER_PATH, load_register
from hoagiai.course.config import CourseConfig
from hoagiai.course.render import quiz_objectives, schedule_html
from hoagiai.course.schedule import Schedule
from hoagiai.curriculum import bank_id, objective_texts
from hoagiai.documents import date
from hoagiai.errors import UserError
from hoagiai.lessons.model import Lesson
from hoagiai.pdf.book import Book, Chapter, Entry, Printed, print_book, stylesheet
from hoagiai.pdf.site_pages import PrintPages, page_key
from hoagiai.quiz.layout import FILE as LAYOUT_FILE
from hoagiai.quiz.model import Bank
from hoagiai.quiz.paper import make_papers

HANDOUT_ID = "tai-lieu-phat-tay"
SCHEDULE_HTML = "lich-hoc.html"
TRAINER_PACK = "bo-tai-lieu-tap-huan-vien.pdf"
HANDOUTS = "tai-lieu-phat-tay-hoc-vien.pdf"
PAPERS_DIR = "de-kiem-tra"
SCORES = "scores-template.csv"


@dataclass(frozen=True)
class CourseOutputs:
    schedule: Path
    trainer_pack: Printed
    handouts: Printed
    papers: list[Path]
    scores_template: Path
    without_handout: list[str]  # lectures that have no handout section


def handout_of(article: Tag, key: str) -> str | None:
    """The handout section of a lecture: its heading and everything up to the next heading of that level."""
    heading = article.find(id=f"{key}--{HANDOUT_ID}")
    if heading is None:
        return None
    level = heading.name
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2") or sibling.name == level:
            break
        parts.append(sibling)
    return "".join(str(part) for part in parts)


def _paper_body(path: Path, anchor: str) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return f'<article class="page paper" id="{anchor}">{soup.body.decode_contents()}</article>'


def _banks_for(banks: dict[str, Bank], lessons: list[Lesson]) -> list[Bank]:
    wanted = [bank_id(module) for module in dict.fromkeys(lesson.module for lesson in lessons)]
    missing = [bank for bank in wanted if bank not in banks]
    if missing:
        raise UserError(f"no quiz bank for {', '.join(missing)} in quizzes/ (the pre/post papers need one)")
    return [banks[bank] for bank in wanted]


def _scores_help(template: Path) -> str:
    columns = template.read_text(encoding="utf-8").strip().split(",")
    return ("<p>Nhập kết quả vào tệp <code>scores-template.csv</code> (mỗi học viên hai dòng: "
            "<code>pre</code> và <code>post</code>), lưu thành <code>scores.csv</code> cạnh tệp "
            "<code>papers.json</code> của khóa này, rồi chạy <code>hoagiai evaluate scores.csv</code>.</p><ul>"
            "<li><code>participant</code>: mã học viên; <code>paper</code>: <code>pre</code> (đầu khóa) "
            "hoặc <code>post</code> (cuối khóa); <code>variant</code>: đề A, B, … in trên bài.</li>"
            "<li>Mỗi cột câu hỏi: chữ cái học viên khoanh <strong>trên bài của mình</strong> (<code>a</code>; "
            "nhiều đáp án nối bằng dấu cộng <code>a+c</code>; câu sắp xếp nối bằng dấu lớn hơn "
            "<code>b&gt;a&gt;c</code>). Mỗi đề xếp phương án theo thứ tự riêng; <code>papers.json</code> cho "
            "biết chữ cái nào là phương án nào, nên phải giữ tệp này cùng bảng điểm.</li>"
            "<li>Câu có trong đề mà học viên bỏ trống: để trống ô hoặc ghi <code>-</code> (tính sai). Câu không có "
            "trong đề của học viên đó: để trống ô.</li></ul>"
            f"<p>Các cột ({len(columns)}): <code>{', '.join(columns)}</code></p>")


def _objectives_block(lesson: Lesson, texts: dict[tuple[str, str], str]) -> str:
    """What the lecture prepares for in the pre/post papers, at the top of its lesson plan."""
    items = "".join(f"<li><strong>{escape(o.bank)} {escape(o.id)}</strong>: {escape(o.text)}</li>"
                    for o in quiz_objectives([lesson], texts)[lesson.path])
    return ('<aside class="quiz-objectives"><p><strong>Mục tiêu trong đề kiểm tra đầu và cuối khóa mà bài này '
            f"dạy</strong></p><ul>{items or '<li>Chưa ghi (quiz_objectives).</li>'}</ul></aside>")


def make_course(root: Path, site_dir: Path, out: Path, *, lessons: list[Lesson], schedule: Schedule,
                config: CourseConfig, start: dt.date | None, seed: int, banks: dict[str, Bank], variants: int = 1,
                name: str | None = None) -> CourseOutputs:
    out.mkdir(parents=True, exist_ok=True)
    modules = ", ".join(str(m) for m in dict.fromkeys(lesson.module for lesson in lessons))
    title = name or f"Khóa tập huấn hòa giải ở cơ sở: mô-đun {modules}"
    cover = [f"Mô-đun {modules} · {schedule.days} ngày"] + ([f"Khai giảng {date(start)}"] if start else [])

    course_banks = _banks_for(banks, lessons)
    texts = objective_texts(root / "docs", [b.id for b in course_banks])
    table = schedule_html(schedule, lessons, config, start, objectives=texts)
    schedule_path = out / SCHEDULE_HTML
    schedule_path.write_text(schedule_html(schedule, lessons, config, start, objectives=texts, standalone=True,
                                           title=title, book_css=stylesheet()), encoding="utf-8")

    register = load_register(root / REGISTER_PATH)
    paper_files = make_papers(course_banks, out=out / PAPERS_DIR, variants=variants, pre_post=True, seed=seed,
                              fmt="html", course=title, register=register)
    template = next(p for p in paper_files if p.name == SCORES)
    scores = out / SCORES
    shutil.copyfile(template, scores)
    shutil.copyfile(out / PAPERS_DIR / LAYOUT_FILE, out / LAYOUT_FILE)  # beside the sheet: evaluate finds it

    pages = PrintPages(site_dir, [lesson.page for lesson in lessons])
    plans, handouts, without = [], [], []
    for lesson in lessons:
        lesson_title, article = pages.article(lesson.page, trainer_notes="expand")
        block = BeautifulSoup(_objectives_block(lesson, texts), "html.parser")
        heading = article.find("h1")
        heading.insert_after(block) if heading else article.insert(0, block)
        plans.append(Chapter(lesson_title, str(article)))
        handout = handout_of(article, page_key(lesson.page))
        if handout:
            handouts.append((lesson_title, handout))
        else:
            without.append(lesson.path)
    handout_chapters = [Chapter(t, f'<article class="page handout">{h}</article>') for t, h in handouts]

    papers = [p for p in paper_files if p.suffix == ".html"]
    paper_chapters = []
    for kind, label in (("-pre-", "Bài kiểm tra đầu khóa"), ("-post-", "Bài kiểm tra cuối khóa")):
        chosen = [p for p in papers if kind in p.name and "answer-key" not in p.name]
        keys = [p for p in papers if p.name.endswith(f"{kind.rstrip('-')}-answer-key.html")]
        if chosen:
            body = "".join(_paper_body(p, f"paper-{p.stem}") for p in chosen)
            paper_chapters.append(Chapter(label, body, [Entry(f"paper-{p.stem}", p.stem) for p in chosen],
                                          new_sheet_per_entry=True))
        if keys:
            paper_chapters.append(Chapter(f"Đáp án: {label.lower()}", _paper_body(keys[0], f"key-{keys[0].stem}")))

    trainer_book = Book(title, "Bộ tài liệu của tập huấn viên", cover, [
        Chapter("Lịch học", f'<article class="page">{table}</article>'),
        *plans,
        *[Chapter(f"Tài liệu phát tay: {c.title}", c.body) for c in handout_chapters],
        *paper_chapters,
        Chapter("Bảng điểm", f'<article class="page">{_scores_help(scores)}</article>'),
    ])
    trainer_pack = print_book(trainer_book, out / TRAINER_PACK)
    if not handout_chapters:
        raise UserError("none of the chosen lectures has a handout section (## Tài liệu phát tay { #tai-lieu-phat-tay })")
    handout_book = Book(title, "Tài liệu phát tay cho học viên", cover, handout_chapters)
    handouts_pdf = print_book(handout_book, out / HANDOUTS)
    return CourseOutputs(schedule_path, trainer_pack, handouts_pdf, papers, scores, without)
