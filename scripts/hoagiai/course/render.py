"""The schedule as HTML: a table per day (used in lich-hoc.html and in the trainer pack)."""

from __future__ import annotations

import datetime as dt
from html import escape

from hoagiai.course.config import CourseConfig, clock
from hoagiai.course.schedule import Schedule
from hoagiai.lessons.model import Lesson

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def day_label(day: int, start: dt.date | None) -> str:
    if start is None:
        return f"Ngày {day}"
    date = start + dt.timedelta(days=day - 1)
    return f"Ngày {day}: {WEEKDAYS[date.weekday()]}, {date:%d/%m/%Y}"


def schedule_html(schedule: Schedule, lessons: list[Lesson], config: CourseConfig, start: dt.date | None) -> str:
    modules = ", ".join(str(m) for m in dict.fromkeys(lesson.module for lesson in lessons))
    sessions = ", ".join(f"{clock(s.start)}–{clock(s.end)}" for s in config.sessions)
    intro = (f"<p>Mô-đun: <strong>{escape(modules)}</strong> · {schedule.days} ngày · buổi học {escape(sessions)}, "
             f"mỗi buổi giải lao {config.break_minutes} phút · tổng thời lượng {schedule.teaching_minutes} phút "
             "(kể cả kiểm tra đầu và cuối khóa).</p>")
    parts = [intro]
    for day in range(1, schedule.days + 1):
        rows = []
        for plan in (p for p in schedule.sessions if p.day == day):
            label = "Buổi sáng" if plan.start < 12 * 60 else "Buổi chiều"
            rows.append(f'<tr class="session"><th colspan="4">{label} ({clock(plan.start)}–{clock(plan.end)})</th></tr>')
            for slot in plan.slots:
                time = f"{clock(slot.start)}–{clock(slot.end)}"
                if slot.kind == "break":
                    rows.append(f'<tr class="break"><td>{time}</td><td colspan="3">Giải lao</td></tr>')
                    continue
                unit = slot.unit
                lesson = unit.lesson.title + (" (tiếp)" if slot.continued else "") if unit.lesson else ""
                rows.append(f"<tr><td>{time}</td><td>{escape(unit.activity)}</td><td>{escape(unit.method)}</td>"
                            f"<td>{escape(lesson)}</td></tr>")
        if not rows:
            rows.append('<tr><td colspan="4">Không có hoạt động (dự phòng).</td></tr>')
        parts.append(f"<h2>{escape(day_label(day, start))}</h2><table class=\"schedule\"><thead><tr><th>Giờ</th>"
                     f"<th>Hoạt động</th><th>Phương pháp</th><th>Bài</th></tr></thead><tbody>{''.join(rows)}"
                     "</tbody></table>")
    materials = list(dict.fromkeys(m for lesson in lessons for m in lesson.materials))
    parts.append("<h2>Vật liệu cần chuẩn bị</h2><ul>" + "".join(f"<li>{escape(m)}</li>" for m in materials) + "</ul>")
    return "".join(parts)


def standalone(title: str, body: str, css: str) -> str:
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{escape(title)}</title><style>{css}</style>'
            f'</head><body><main class="page"><h1>{escape(title)}</h1>{body}</main></body></html>\n')
