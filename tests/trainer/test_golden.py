"""Golden HTML of the printed documents: the evaluation report and the province summary from fixture sheets,
the course schedule, a book's cover and contents. Charts (matplotlib SVG) are replaced by a marker: their numbers
are tested in test_evaluate.py.

Regenerate (then review the diff!) with UPDATE_GOLDEN=1.
"""

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from hoagiai.course.config import CourseConfig
from hoagiai.course.render import schedule_html
from hoagiai.course.schedule import build_schedule
from hoagiai.evaluate.report import render_report
from hoagiai.evaluate.scoring import read_scores, scored_questions
from hoagiai.evaluate.stats import evaluate
from hoagiai.evaluate.summary import Course, render_summary, summarize, write_csv
from hoagiai.lessons.model import AgendaItem, Lesson
from hoagiai.pdf.book import Book, Chapter, Entry, render_html
from hoagiai.quiz.layout import load_layout
from hoagiai.quiz.loader import load_banks

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
GOLDEN = Path(__file__).parent / "golden"
OBJECTIVES = {("m09", "mt1"): "Chọn đúng phương án.", ("m09", "mt2"): "Sắp xếp đúng các bước."}


def golden(name: str, actual: str) -> None:
    actual = re.sub(r"<svg\b.*?</svg>", "<svg><!-- chart --></svg>", actual, flags=re.DOTALL)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs: rerun with UPDATE_GOLDEN=1 and review"


@pytest.fixture(scope="module")
def questions():
    return scored_questions(load_banks([FIXTURES / "m09.yml"], root=ROOT))


@pytest.fixture(scope="module")
def courses(questions):
    layout = load_layout(FIXTURES / "papers.json", "papers.json")
    found = []
    for name, sheet in (("Xã Vĩnh Lợi", "scores.csv"), ("Phường 1", "bad-input.csv")):
        course = Course(name, sheet)
        course.sheets, course.bad = read_scores((FIXTURES / sheet).read_text(encoding="utf-8"), questions, layout,
                                                sheet)
        course.evaluation = evaluate(course.sheets, questions)
        course.report = f"{sheet[:-4]}/bao-cao-danh-gia.html"
        found.append(course)
    return found


def test_report_golden(courses, questions):
    course = courses[0]
    golden("bao-cao-danh-gia.html", render_report(course.evaluation, questions, OBJECTIVES, course.bad,
                                                  source=course.source))


def test_summary_golden(courses, questions, tmp_path):
    summary = summarize(courses, questions, OBJECTIVES)
    golden("tong-hop.html", render_summary(summary))
    golden("tong-hop.csv", write_csv(summary, tmp_path / "tong-hop.csv").read_text(encoding="utf-8"))


def lecture(module: int, steps, objectives) -> Lesson:
    return Lesson(path=f"docs/bai-giang-mau/mo-dun-{module:02d}.md", title=f"Bài giảng mẫu Mô-đun {module}",
                  module=module, duration=sum(m for m, _, _ in steps), audience=("tap-huan-vien",),
                  objectives=("Một.",), materials=("Giấy A0", f"Phiếu vai diễn {module}"), preparation="",
                  agenda=tuple(AgendaItem(m, a, "Đóng vai" if k in ("acting", "debrief") else "Thảo luận", k)
                               for m, a, k in steps), quiz_objectives=objectives)


def test_schedule_golden():
    lessons = [lecture(3, [(40, "Trình tự hòa giải", "lecture"), (5, "Giao vai", "exercise"),
                           (15, "Diễn", "acting"), (20, "Rút kinh nghiệm", "debrief"), (15, "Giải lao", "break"),
                           (30, "Tình huống 1", "discussion")], ("mt1", "mt4")),
               lecture(5, [(60, "Hôn nhân và gia đình", "lecture"), (45, "Tình huống 6", "discussion")], ())]
    config = CourseConfig()
    schedule = build_schedule(lessons, config, 1)
    texts = {("m03", "mt1"): "Nêu được ba căn cứ để tiến hành hòa giải.",
             ("m03", "mt4"): "Sắp xếp đúng thứ tự các bước của một vụ hòa giải."}
    golden("lich-hoc.html", schedule_html(schedule, lessons, config, dt.date(2026, 12, 1), objectives=texts,
                                          standalone=True, title="Khóa thử", book_css="/* print.css */"))


def test_book_cover_and_contents_golden():
    book = Book("Sách thử", "Phụ đề", ["Sở Tư pháp", "Nội dung cập nhật đến ngày 26/11/2026"],
                [Chapter("Chương một", '<article class="page" id="p-a"><h1>Trang A</h1></article>'),
                 Chapter("Biểu mẫu \"đặc biệt\"", '<article class="page" id="p-b"><h1>B</h1></article>',
                         [Entry("p-b", "Mẫu B"), Entry("p-c", "Mẫu C")], new_sheet_per_entry=True)],
                footer="ការបកប្រែយោង · Bản dịch tham khảo")
    html = render_html(book, {"ch1": 3, "ch2": 5, "p-b": 5, "p-c": 6})
    golden("book.html", html.replace(html[html.index("<style>") + 8:html.index("@page ch1")], "/* print.css */\n"))
