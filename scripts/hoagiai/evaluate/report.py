"""The evaluation report of one course: HTML from a template with SVG charts, a paste-ready Vietnamese summary,
and a PDF. Numbers and percentages are formatted by Babel (hoagiai.documents), never by string replacement."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and in CI
import matplotlib.pyplot as plt
from markupsafe import Markup

from hoagiai.documents import pct, points, render
from hoagiai.evaluate.scoring import BadRow, Scored
from hoagiai.evaluate.stats import Evaluation, most_missed, weakest_objectives
from hoagiai.quiz.model import localized

TEMPLATES = Path(__file__).parent / "templates"
TITLE = "Báo cáo đánh giá khóa tập huấn"

plt.rcParams.update({"svg.fonttype": "none", "font.family": ["Noto Sans", "DejaVu Sans"], "font.size": 9,
                     "axes.unicode_minus": False, "svg.hashsalt": "hoagiai"})  # same SVG for the same numbers


def svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.find("<svg"):]


def participants_chart(evaluation: Evaluation) -> str | None:
    people = evaluation.participants
    if not people:
        return None
    height = max(2.0, 0.32 * len(people) + 1)
    figure, axis = plt.subplots(figsize=(7, height))
    rows = range(len(people))
    axis.barh([r - 0.2 for r in rows], [p.pre or 0 for p in people], height=0.4, label="Đầu khóa", color="#90a4ae")
    axis.barh([r + 0.2 for r in rows], [p.post or 0 for p in people], height=0.4, label="Cuối khóa", color="#2e7d32")
    axis.set_yticks(list(rows), [p.name for p in people])
    axis.invert_yaxis()
    axis.axvline(evaluation.pass_mark, color="#b71c1c", linestyle="--", linewidth=1,
                 label=f"Đạt ({evaluation.pass_mark}%)")
    axis.set_xlim(0, 100)
    axis.set_xlabel("Điểm (%)")
    axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=8)
    axis.set_title("Điểm từng học viên")
    return svg(figure)


def difficulty_chart(evaluation: Evaluation) -> str | None:
    items = sorted(evaluation.items, key=lambda i: i.difficulty)
    if not items:
        return None
    figure, axis = plt.subplots(figsize=(7, max(2.0, 0.22 * len(items) + 1)))
    colors = ["#c62828" if i.difficulty < 0.5 else "#1565c0" for i in items]
    axis.barh(range(len(items)), [i.difficulty * 100 for i in items], color=colors)
    axis.set_yticks(list(range(len(items))), [i.qid for i in items], fontsize=7)
    axis.invert_yaxis()
    axis.set_xlim(0, 100)
    axis.set_xlabel("Tỉ lệ trả lời đúng (%)")
    axis.set_title("Độ khó từng câu (đỏ: dưới 50% trả lời đúng)")
    return svg(figure)


def summary_text(evaluation: Evaluation, questions: dict[str, Scored], objectives: dict, bad: list[BadRow]) -> str:
    """A short paragraph a manager can paste into a report."""
    people = len(evaluation.participants)
    parts = [f"Khóa tập huấn có {people} học viên tham gia kiểm tra."]
    if evaluation.mean_pre is not None and evaluation.mean_post is not None:
        parts.append(f"Điểm trung bình bài kiểm tra đầu khóa là {pct(evaluation.mean_pre)}, "
                     f"cuối khóa là {pct(evaluation.mean_post)}.")
    elif evaluation.mean_post is not None:
        parts.append(f"Điểm trung bình bài kiểm tra cuối khóa là {pct(evaluation.mean_post)}.")
    elif evaluation.mean_pre is not None:
        parts.append(f"Điểm trung bình bài kiểm tra đầu khóa là {pct(evaluation.mean_pre)}.")
    if evaluation.mean_gain is not None:
        trend = "tăng" if evaluation.mean_gain >= 0 else "giảm"
        parts.append(f"Với {evaluation.paired} học viên làm cả hai bài, điểm bình quân {trend} "
                     f"{points(abs(evaluation.mean_gain)).lstrip('+')} điểm phần trăm.")
    if evaluation.took_post:
        parts.append(f"Có {evaluation.passed_post}/{evaluation.took_post} học viên đạt yêu cầu ở bài cuối khóa "
                     f"(từ {evaluation.pass_mark}% trở lên).")
    weak = [o for o in weakest_objectives(evaluation, 2) if o.proportion < 0.7]
    if weak:
        names = "; ".join(objectives.get((o.bank, o.objective), f"{o.bank} {o.objective}").rstrip(".")
                          for o in weak)
        parts.append(f"Nội dung cần củng cố thêm: {names}.")
    if bad:
        parts.append(f"Có {len(bad)} dòng dữ liệu lỗi cần kiểm tra lại (xem mục Dòng có lỗi).")
    return " ".join(parts)


def prompt_of(scored: Scored, limit: int = 120) -> str:
    """The question as asked, shortened for a table (never altered otherwise)."""
    text = localized(scored.question.prompt, "vi")
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "…"


def render_report(evaluation: Evaluation, questions: dict[str, Scored], objectives: dict, bad: list[BadRow],
                  *, source: str, title: str = TITLE) -> str:
    charts = [chart for chart in (participants_chart(evaluation), difficulty_chart(evaluation)) if chart]
    return render(TEMPLATES, "report.html", title=title, source=source, e=evaluation,
                  summary=summary_text(evaluation, questions, objectives, bad), charts=[Markup(c) for c in charts],
                  missed=most_missed(evaluation), weak=weakest_objectives(evaluation), objectives=objectives,
                  prompts={i.qid: prompt_of(questions[i.qid]) for i in evaluation.items}, bad=bad)
