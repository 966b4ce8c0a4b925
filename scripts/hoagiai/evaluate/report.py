"""The evaluation report: HTML with embedded SVG charts, a paste-ready Vietnamese summary, and a PDF."""

from __future__ import annotations

import io
from html import escape

import matplotlib

matplotlib.use("Agg")  # no display on servers and in CI
import matplotlib.pyplot as plt

from hoagiai.evaluate.scoring import BadRow, Scored
from hoagiai.evaluate.stats import Evaluation, most_missed, weakest_objectives
from hoagiai.quiz.model import localized

plt.rcParams.update({"svg.fonttype": "none", "font.family": ["Noto Sans", "DejaVu Sans"], "font.size": 9,
                     "axes.unicode_minus": False})

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; @bottom-center { content: counter(page) "/" counter(pages); font: 9pt "Noto Sans", sans-serif; } }
body { font-family: "Noto Sans", "Noto Sans Khmer", "Noto Sans Math", sans-serif; font-size: 10pt; line-height: 1.45; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 18pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0; } tr { break-inside: avoid; }
th, td { border: 0.6pt solid #555; padding: 2pt 5pt; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.summary { border: 1pt solid #1b5e20; background: #f1f8e9; padding: 6pt 10pt; }
.low { color: #b71c1c; font-weight: bold; } figure { margin: 8pt 0; break-inside: avoid; } svg { max-width: 100%; height: auto; }
.note { font-size: 9pt; color: #333; }
"""


def pct(value: float | None) -> str:
    """Vietnamese number style: 72,5% (comma decimals, no trailing ,0)."""
    if value is None:
        return "–"
    text = f"{value:.1f}".replace(".", ",")
    return (text.removesuffix(",0")) + "%"


def signed(value: float | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + pct(value)[:-1] + " điểm"


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
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
    axis.axvline(evaluation.pass_mark, color="#b71c1c", linestyle="--", linewidth=1, label=f"Đạt ({evaluation.pass_mark}%)")
    axis.set_xlim(0, 100)
    axis.set_xlabel("Điểm (%)")
    axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3, fontsize=8)
    axis.set_title("Điểm từng học viên")
    return _svg(figure)


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
    return _svg(figure)


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
                     f"{pct(abs(evaluation.mean_gain))[:-1]} điểm phần trăm.")
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


def _prompt(scored: Scored) -> str:
    text = localized(scored.question.prompt, "vi")
    return text if len(text) <= 120 else text[:117].rstrip() + "…"


def render_report(evaluation: Evaluation, questions: dict[str, Scored], objectives: dict, bad: list[BadRow],
                  *, source: str) -> str:
    summary = summary_text(evaluation, questions, objectives, bad)
    rows = "".join(
        f"<tr><td>{escape(p.name)}</td><td class=num>{pct(p.pre)}</td><td class=num>{pct(p.post)}</td>"
        f"<td class=num>{signed(p.gain)}</td><td>{'' if p.post is None else ('Đạt' if p.post >= evaluation.pass_mark else '<span class=low>Chưa đạt</span>')}</td></tr>"
        for p in evaluation.participants)
    items = "".join(
        f"<tr><td><code>{escape(i.qid)}</code></td><td>{escape(_prompt(questions[i.qid]))}</td>"
        f"<td class=num>{i.correct}/{i.answered}</td>"
        f"<td class=num{' low' if i.difficulty < 0.5 else ''}>{i.difficulty:.2f}".replace(".", ",") + "</td>"
        f"<td class=num{' low' if i.discrimination is not None and i.discrimination < 0.2 else ''}>"
        + ("–" if i.discrimination is None else f"{i.discrimination:.2f}".replace(".", ",")) + "</td></tr>"
        for i in evaluation.items)
    missed = "".join(f"<li><code>{escape(i.qid)}</code> ({pct(i.difficulty * 100)} đúng): "
                     f"{escape(_prompt(questions[i.qid]))}</li>" for i in most_missed(evaluation))
    weak = "".join(f"<li>{escape(o.bank)} · {escape(o.objective)} ({pct(o.proportion * 100)} đúng, {o.answered} lượt): "
                   f"{escape(objectives.get((o.bank, o.objective), ''))}</li>" for o in weakest_objectives(evaluation))
    bad_rows = "".join(f"<tr><td class=num>{b.row}</td><td>{escape(b.message)}</td></tr>" for b in bad)
    charts = "".join(f"<figure>{svg}</figure>" for svg in (participants_chart(evaluation), difficulty_chart(evaluation))
                     if svg)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Báo cáo đánh giá khóa tập huấn</title>
<style>{CSS}</style></head><body>
<h1>Báo cáo đánh giá khóa tập huấn</h1>
<p class="note">Dữ liệu: <code>{escape(source)}</code> · {len(evaluation.participants)} học viên ·
{len(evaluation.items)} câu hỏi được chấm · điểm đạt {evaluation.pass_mark}%</p>
<h2>Tóm tắt</h2><p class="summary">{escape(summary)}</p>
<h2>Kết quả từng học viên</h2>
<table><thead><tr><th>Học viên</th><th class=num>Đầu khóa</th><th class=num>Cuối khóa</th><th class=num>Tiến bộ</th>
<th>Kết quả</th></tr></thead><tbody>{rows}</tbody></table>
<h2>Biểu đồ</h2>{charts}
<h2>Câu hỏi sai nhiều nhất</h2><ol>{missed or '<li>Không có câu nào bị trả lời sai.</li>'}</ol>
<h2>Mục tiêu học viên còn yếu</h2><ol>{weak or '<li>Các câu hỏi chưa gắn mục tiêu (objective).</li>'}</ol>
<h2>Phân tích từng câu hỏi</h2>
<p class="note">Độ khó p = tỉ lệ trả lời đúng (0 đến 1; càng thấp càng khó). Độ phân biệt D theo chỉ số nhóm
trên – nhóm dưới 27% (Kelley): xếp các bài có câu đó theo tổng điểm, lấy 27% bài điểm cao nhất và 27% bài điểm
thấp nhất (ít nhất 1 bài mỗi nhóm), D = p nhóm trên − p nhóm dưới. D dưới 0,2 (tô đỏ) là câu phân biệt kém,
nên xem lại. Ô trống trong bảng điểm là câu không có trong đề; dấu “-” là bỏ trống, tính sai.</p>
<table><thead><tr><th>Mã câu</th><th>Câu hỏi</th><th class=num>Đúng</th><th class=num>p</th><th class=num>D</th></tr>
</thead><tbody>{items}</tbody></table>
<h2>Dòng có lỗi</h2>
{f'<table><thead><tr><th class=num>Dòng</th><th>Lỗi</th></tr></thead><tbody>{bad_rows}</tbody></table>' if bad
 else '<p>Không có dòng lỗi.</p>'}
</body></html>
"""
