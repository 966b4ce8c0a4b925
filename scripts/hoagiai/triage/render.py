"""The checker as HTML: a numbered checklist that reads well without JavaScript (each answer links to the next
question or to its outcome), with the data attributes docs/assets/tools/triage.js needs to show one question at
a time. Texts are escaped; the reader's language is used where the tree has it, Vietnamese (marked lang="vi")
where it does not.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from hoagiai.content.citations import cite_link
from hoagiai.content.register import Register
from hoagiai.i18n import t
from hoagiai.triage.model import Cite, Outcome, Question, Text, Tree, text_in

PREFIX = "hg-t-"  # element ids: never clash with heading ids
MARKER = "<!-- triage -->"  # on its own line in a page: the checker goes there

# The tool's own words (the tree holds the rest).
UI: dict[str, dict[str, str]] = {
    "questions": {"vi": "Các câu hỏi, theo thứ tự", "en": "The questions, in order",
                  "km": "សំណួរ តាមលំដាប់លំដោយ"},
    "outcomes": {"vi": "Các kết quả", "en": "The outcomes", "km": "លទ្ធផល"},
    "question": {"vi": "Câu", "en": "Question", "km": "សំណួរ"},
    "go_question": {"vi": "sang câu {n}", "en": "go to question {n}", "km": "ទៅសំណួរទី {n}"},
    "go_outcome": {"vi": "kết quả: {title}", "en": "outcome: {title}", "km": "លទ្ធផល៖ {title}"},
    "result": {"vi": "Kết quả", "en": "Result", "km": "លទ្ធផល"},
    "back": {"vi": "Quay lại câu trước", "en": "Back to the previous question", "km": "ត្រឡប់ទៅសំណួរមុន"},
    "restart": {"vi": "Làm lại từ đầu", "en": "Start again", "km": "ចាប់ផ្តើមម្តងទៀត"},
    "basis": {"vi": "Căn cứ", "en": "Legal basis", "km": "មូលដ្ឋានច្បាប់"},
    "read": {"vi": "Đọc thêm", "en": "Read more", "km": "អានបន្ថែម"},
    "calls": {"vi": "Gọi ngay", "en": "Call now", "km": "ហៅភ្លាម"},
}


def ui(key: str, locale: str, **values) -> str:
    texts = UI[key]
    return (texts.get(locale) or texts["vi"]).format(**values)


def cite_label(cite: Cite, short: str, locale: str) -> str:
    """"điểm c khoản 1 Điều 3 Luật Hòa giải ở cơ sở" in vi; "Article 3(1)(c), Luật …" in en; Khmer likewise."""
    if locale == "en":
        parts = f"({cite.clause})" if cite.clause else ""
        parts += f"({cite.point})" if cite.point else ""
        return f"Article {cite.article}{parts}, {short}"
    if locale == "km":
        label = f"មាត្រា {cite.article}"
        label += f" កថាខណ្ឌ {cite.clause}" if cite.clause else ""
        label += f" ចំណុច {cite.point}" if cite.point else ""
        return f"{label}, {short}"
    label = f"Điều {cite.article} {short}"
    label = f"khoản {cite.clause} {label}" if cite.clause else label
    return f"điểm {cite.point} {label}" if cite.point else label


class _Renderer:
    def __init__(self, tree: Tree, register: Register, locale: str, href_for: Callable[[str], str],
                 page_link: Callable[[str], tuple[str, str]]):
        self.tree, self.register, self.locale = tree, register, locale
        self.href_for, self.page_link = href_for, page_link

    def t(self, text: Text) -> str:
        shown, lang = text_in(text, self.locale)
        return escape(shown) if lang == self.locale else f'<span lang="{lang}">{escape(shown)}</span>'

    def plain(self, text: Text) -> str:
        return text_in(text, self.locale)[0]

    def render(self) -> str:
        tree, locale = self.tree, self.locale
        attrs = {"data-hg-tool": "triage", "data-hg-start": PREFIX + tree.start,
                 "data-hg-question": ui("question", locale), "data-hg-result": ui("result", locale),
                 "data-hg-back": ui("back", locale), "data-hg-restart": ui("restart", locale)}
        out = ['<div class="hg-triage" ' + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">",
               '<p class="hg-triage__status hg-sr-only" role="status" aria-live="polite"></p>',
               '<div class="hg-triage__stage" hidden></div>',
               '<div class="hg-triage__checklist">',
               f'<h2 id="{PREFIX}cau-hoi">{escape(ui("questions", locale))}</h2>',
               '<ol class="hg-triage__questions">']
        out += [self.question(q) for q in tree.questions.values()]
        out += ["</ol>", f'<h2 id="{PREFIX}ket-qua">{escape(ui("outcomes", locale))}</h2>']
        out += [self.outcome(o) for o in tree.outcomes.values()]
        out += ["</div>", "</div>"]
        return "\n".join(out)

    def question(self, q: Question) -> str:
        parts = [f'<li id="{PREFIX}{q.id}" class="hg-triage__question">',
                 f'<p class="hg-triage__text"><strong>{self.t(q.text)}</strong></p>']
        if q.help:
            parts.append('<ul class="hg-triage__help">' + "".join(f"<li>{self.t(h)}</li>" for h in q.help) + "</ul>")
        parts.append('<ul class="hg-triage__answers">')
        for answer in q.answers:
            target = self.tree.questions.get(answer.next)
            where = ui("go_question", self.locale, n=target.number) if target else \
                ui("go_outcome", self.locale, title=self.plain(self.tree.outcomes[answer.next].title))
            parts.append(f'<li><a href="#{PREFIX}{answer.next}" data-hg-next="{PREFIX}{answer.next}">'
                         f'<span class="hg-triage__label">{self.t(answer.label)}</span> → {escape(where)}</a></li>')
        parts += ["</ul>", "</li>"]
        return "\n".join(parts)

    def outcome(self, o: Outcome) -> str:
        locale = self.locale
        parts = [f'<section id="{PREFIX}{o.id}" class="hg-triage__outcome" data-hg-kind="{o.kind}" '
                 f'aria-labelledby="{PREFIX}{o.id}-title">',
                 f'<h3 id="{PREFIX}{o.id}-title">{self.t(o.title)}</h3>',
                 f'<p class="hg-triage__summary">{self.t(o.summary)}</p>',
                 '<ol class="hg-triage__steps">' + "".join(f"<li>{self.t(s)}</li>" for s in o.steps) + "</ol>"]
        if o.calls:
            calls = "".join(f'<li><a class="hg-triage__call" href="tel:{escape(c.number)}">'
                            f'<strong>{escape(c.number)}</strong> {self.t(c.label)}</a></li>' for c in o.calls)
            parts.append(f'<p class="hg-triage__calls-title"><strong>{escape(ui("calls", locale))}:</strong></p>'
                         f'<ul class="hg-triage__calls">{calls}</ul>')
        if o.cite:
            links = []
            for cite in o.cite:
                doc = self.register[cite.doc]
                links.append(cite_link(doc, cite.article, escape(cite_label(cite, doc.short, locale)), self.href_for,
                                       locale))
            parts.append(f'<p class="hg-triage__basis"><strong>{escape(ui("basis", locale))}:</strong> '
                         + "; ".join(links) + ".</p>")
        if o.unverified:
            parts.append(f'<p class="hg-triage__unverified"><em class="hg-unverified" '
                         f'title="{escape(self.plain(o.unverified))}">{escape(t("unverified.label", locale))}</em></p>')
        if o.read:
            links = []
            for path in o.read:
                href, title = self.page_link(path)
                links.append(f'<a href="{escape(href)}">{escape(title)}</a>')
            parts.append(f'<p class="hg-triage__read"><strong>{escape(ui("read", locale))}:</strong> '
                         + " · ".join(links) + "</p>")
        parts.append("</section>")
        return "\n".join(parts)


def render_tree(tree: Tree, register: Register, locale: str, *, href_for: Callable[[str], str],
                page_link: Callable[[str], tuple[str, str]]) -> str:
    """The checker's HTML for one page. `href_for("van-ban/x.md#dieu-3")` and `page_link("docs/path.md")` →
    (href, title) give URLs relative to that page, in its language."""
    return _Renderer(tree, register, locale, href_for, page_link).render()
