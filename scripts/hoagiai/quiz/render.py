"""HTML for a quiz block and the progress page: escaped, stable ids, answers excluded from search.

Without JavaScript every question reads and a native <details> reveals the answer; quiz.js adds the
check/retry buttons, scoring and progress on top of this same markup.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from hoagiai.quiz.model import Bank, Question, Source, Text, display_items, display_options, localized

LinkFor = Callable[[str, "int | None"], "tuple[str, str]"]  # (doc id, article) -> (href, title)

STRINGS = {
    "vi": {
        "question": "Câu {n}.", "case": "Tình huống", "show_answer": "Xem đáp án và giải thích",
        "correct": "đúng", "wrong": "sai", "correct_order": "Thứ tự đúng:", "sources": "Căn cứ:",
        "position": "Vị trí", "pass_mark": "Điểm đạt: {p}%.", "count": "Mỗi lần làm: {n} câu chọn ngẫu nhiên.",
        "progress_bank": "Bài tự kiểm tra", "progress_best": "Điểm cao nhất",
        "progress_none": "Chưa làm", "progress_nojs": "Cần bật JavaScript để lưu và xem tiến độ.",
        "progress_help": "Tiến độ chỉ lưu trên trình duyệt của máy này.",
    },
    "en": {
        "question": "Question {n}.", "case": "Case", "show_answer": "Show the answer and explanation",
        "correct": "correct", "wrong": "wrong", "correct_order": "Correct order:", "sources": "Legal basis:",
        "position": "Position", "pass_mark": "Pass mark: {p}%.", "count": "Each attempt: {n} random questions.",
        "progress_bank": "Self-check", "progress_best": "Best score",
        "progress_none": "Not taken yet", "progress_nojs": "Turn on JavaScript to save and see your progress.",
        "progress_help": "Progress is saved only in this device's browser.",
    },
    "km": {  # reference translation, awaiting native review
        "question": "សំណួរ {n}.", "case": "ករណីសិក្សា", "show_answer": "មើលចម្លើយ និងការពន្យល់",
        "correct": "ត្រូវ", "wrong": "ខុស", "correct_order": "លំដាប់ត្រឹមត្រូវ៖", "sources": "មូលដ្ឋានច្បាប់៖",
        "position": "លំដាប់", "pass_mark": "ពិន្ទុជាប់៖ {p}%.", "count": "ម្តងៗ៖ សំណួរចៃដន្យ {n}.",
        "progress_bank": "ការត្រួតពិនិត្យខ្លួនឯង", "progress_best": "ពិន្ទុខ្ពស់បំផុត",
        "progress_none": "មិនទាន់ធ្វើ", "progress_nojs": "សូមបើក JavaScript ដើម្បីរក្សាទុក និងមើលវឌ្ឍនភាព។",
        "progress_help": "វឌ្ឍនភាពត្រូវបានរក្សាទុកតែនៅក្នុងកម្មវិធីរុករកនៃឧបករណ៍នេះប៉ុណ្ណោះ។",
    },
}


def strings(locale: str) -> dict[str, str]:
    base = STRINGS["vi"]
    return {**base, **STRINGS.get(locale, {})}


def _paragraphs(text: str) -> str:
    """Blank lines split paragraphs; single newlines become <br>."""
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in parts)


def _inline(text: Text, locale: str) -> str:
    return escape(localized(text, locale)).replace("\n", "<br>")


def _sources(sources: tuple[Source, ...], link_for: LinkFor, s: dict[str, str]) -> str:
    if not sources:
        return ""
    links = []
    for source in sources:
        href, title = link_for(source.doc, source.article)
        links.append(f'<a href="{escape(href)}">{escape(title)}</a>')
    return f'<p class="hg-src">{escape(s["sources"])} {"; ".join(links)}</p>'


def _answer(question: Question, locale: str, link_for: LinkFor, s: dict[str, str]) -> str:
    if question.kind == "ordering":
        rows = "".join(f'<li data-o="{escape(i.id)}">{_inline(i.text, locale)}</li>' for i in question.items)
        key = f'<p>{escape(s["correct_order"])}</p><ol class="hg-key">{rows}</ol>'
    else:
        rows = []
        for option in display_options(question):
            mark = s["correct"] if option.correct else s["wrong"]
            feedback = localized(option.feedback, locale)
            rows.append(
                f'<li data-o="{escape(option.id)}"{" data-ok" if option.correct else ""}>'
                f'{_inline(option.text, locale)} <strong>({escape(mark)})</strong>'
                + (f' <span class="hg-fb">{escape(feedback)}</span>' if feedback else "") + "</li>")
        key = f'<ul class="hg-key">{"".join(rows)}</ul>'
    explanation = localized(question.explanation, locale)
    return (f'<details class="hg-answer" data-search-exclude><summary>{escape(s["show_answer"])}</summary>'
            f'{key}<div class="hg-expl">{_paragraphs(explanation)}</div>'
            f'{_sources(question.sources, link_for, s)}</details>')


def _inputs(question: Question, locale: str, s: dict[str, str]) -> str:
    qid = f"q-{question.id}"
    if question.kind == "ordering":
        items = display_items(question)
        choices = '<option value="">–</option>' + "".join(
            f'<option value="{n}">{n}</option>' for n in range(1, len(items) + 1))
        rows = "".join(
            f'<div class="hg-opt hg-ord" data-o="{escape(i.id)}"><select id="{qid}-{escape(i.id)}" '
            f'name="{qid}-{escape(i.id)}" aria-label="{escape(s["position"])}: {_inline(i.text, locale)}">'
            f'{choices}</select> <label for="{qid}-{escape(i.id)}">{_inline(i.text, locale)}</label></div>'
            for i in items)
    else:
        kind = "checkbox" if question.kind == "multiple" else "radio"
        rows = "".join(
            f'<div class="hg-opt" data-o="{escape(o.id)}"><input type="{kind}" id="{qid}-{escape(o.id)}" '
            f'name="{qid}" value="{escape(o.id)}"> <label for="{qid}-{escape(o.id)}">'
            f'{_inline(o.text, locale)}</label></div>'
            for o in display_options(question))
    return f'<div class="hg-opts">{rows}</div>'


def render_question(question: Question, number: int, locale: str, link_for: LinkFor,
                    case: Text | None = None) -> str:
    s = strings(locale)
    return (
        f'<div class="hg-q" id="q-{escape(question.id)}" data-q="{escape(question.id)}" '
        f'data-kind="{question.kind}" data-hash="{question.content_hash(case)}"><fieldset>'
        f'<legend><span class="hg-num">{escape(s["question"].format(n=number))}</span> '
        f'{_inline(question.prompt, locale)}</legend>{_inputs(question, locale, s)}</fieldset>'
        f'{_answer(question, locale, link_for, s)}</div>'
    )


def render_quiz(bank: Bank, *, locale: str, link_for: LinkFor, site_id: str, count: int | None = None) -> str:
    """One quiz block. `count` = questions drawn per attempt (quiz.js); all show without JS."""
    s = strings(locale)
    parts = [
        f'<div class="hg-quiz" id="quiz-{escape(bank.id)}" data-bank="{escape(bank.id)}" '
        f'data-site="{escape(site_id)}" data-pass="{bank.pass_mark}"'
        + (f' data-count="{count}"' if count else "") + ">",
        f'<p class="hg-head"><strong>{_inline(bank.title, locale)}</strong> '
        f'{escape(s["pass_mark"].format(p=bank.pass_mark))}'
        + (f' {escape(s["count"].format(n=count))}' if count else "") + "</p>",
    ]
    number = 0
    for top in bank.questions:
        parts.append(f'<div class="hg-unit" data-unit="{escape(top.id)}">')
        if top.kind == "scenario":
            parts.append(f'<div class="hg-case"><p><strong>{escape(s["case"])}:</strong></p>'
                         f'{_paragraphs(localized(top.case, locale))}'
                         + (f"<p>{_inline(top.prompt, locale)}</p>" if top.prompt else "") + "</div>")
        for question in top.scored:
            number += 1
            case = top.case if top.kind == "scenario" else None
            parts.append(render_question(question, number, locale, link_for, case))
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def render_progress(banks: dict[str, Bank], *, locale: str, site_id: str,
                    href_for: Callable[[str], str | None] | None = None) -> str:
    """The "Tiến độ của tôi" table: quiz.js fills in each bank's best score from localStorage."""
    s = strings(locale)
    rows = []
    for bank in sorted(banks.values(), key=lambda b: b.id):
        title = _inline(bank.title, locale)
        href = href_for(bank.id) if href_for else None
        name = f'<a href="{escape(href)}">{title}</a>' if href else title
        rows.append(f'<tr data-bank="{escape(bank.id)}" data-pass="{bank.pass_mark}"><th scope="row">{name}</th>'
                    f'<td class="hg-best">{escape(s["progress_none"])}</td></tr>')
    return (
        f'<div class="hg-progress" data-site="{escape(site_id)}">'
        f'<p class="hg-nojs">{escape(s["progress_nojs"])}</p>'
        f'<p>{escape(s["progress_help"])}</p>'
        f'<table><thead><tr><th scope="col">{escape(s["progress_bank"])}</th>'
        f'<th scope="col">{escape(s["progress_best"])}</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )
