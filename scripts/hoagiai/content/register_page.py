"""The "Văn bản pháp luật" index: the register rendered as a Markdown table at `<!-- legal-register -->`."""

from __future__ import annotations

import posixpath

from hoagiai.content.register import Register

MARKER = "<!-- legal-register -->"


def _date(iso: str | None) -> str:
    if not iso:  # the one marker for a point not verified (README, "Writing a page")
        return ('*chưa kiểm chứng*{ .hg-unverified title="Các nguồn đã đọc không ghi ngày này; '
                'xem trang của văn bản." }')
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def register_table(register: Register, page_src: str) -> str:
    here = posixpath.dirname(page_src)
    rows = ["| Số hiệu | Tên văn bản | Ban hành | Hiệu lực | Tình trạng | Chúng tôi dùng để |",
            "|---|---|---|---|---|---|"]
    for doc in register.values():
        link = posixpath.relpath(doc.page, here or ".")
        rows.append(f"| {doc.number} | [{doc.title}]({link}) | {_date(doc.issued)} | {_date(doc.effective)} "
                    f"| {doc.status} | {doc.uses} |")
    return "\n".join(rows)


def fill(markdown: str, register: Register, page_src: str) -> str:
    return markdown.replace(MARKER, register_table(register, page_src)) if MARKER in markdown else markdown
