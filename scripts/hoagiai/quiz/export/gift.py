"""Moodle GIFT: one `.gift` file per bank, a category per bank.

GIFT has no ordering or scenario type (CONVENTIONS): ordering -> matching "item -> position";
each scenario sub-question -> its own question with the case text in front.
"""

from __future__ import annotations

from html import escape as html_escape
from pathlib import Path

from hoagiai.quiz.model import Bank, Question, Text, display_options, localized

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """GIFT-escape the control characters; newlines become <br> (the [html] markup)."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "<br>")


def _t(text: Text, locale: str) -> str:
    return escape(html_escape(localized(text, locale), quote=False))


def weights(count: int) -> list[str]:
    """Percentages for `count` answers that add up to 100 (Moodle snaps to its grade list)."""
    if count <= 0:
        return []
    base = round(100 / count, 5)
    values = [base] * count
    values[-1] = round(100 - base * (count - 1), 5)
    return [f"{v:.5f}".rstrip("0").rstrip(".") for v in values]


def _feedback(text: Text, locale: str) -> str:
    return f"#{_t(text, locale)}" if text else ""


def _general(question: Question, locale: str) -> str:
    return f"####{_t(question.explanation, locale)}" if question.explanation else ""


def question_gift(question: Question, locale: str = "vi", case: Text | None = None) -> str:
    stem = _t(question.prompt, locale)
    if case:
        stem = f"<p><em>{_t(case, locale)}</em></p><p>{stem}</p>"
    head = f"::{escape(question.id)}::[html]{stem}"
    lines: list[str] = []
    if question.kind == "true_false":
        by_id = {o.id: o for o in question.options}
        true_is_right = by_id["a"].correct
        right, wrong = (by_id["a"], by_id["b"]) if true_is_right else (by_id["b"], by_id["a"])
        # GIFT: the first feedback shows after a wrong answer, the second after a right one.
        wrong_fb, right_fb = _feedback(wrong.feedback, locale), _feedback(right.feedback, locale)
        if right_fb and not wrong_fb:
            wrong_fb = "#"  # keep the right-answer feedback in the second slot
        lines.append(f"{'TRUE' if true_is_right else 'FALSE'}{wrong_fb}{right_fb}")
    elif question.kind == "single":
        for option in display_options(question):  # Moodle may not shuffle: never the bank's order
            lines.append(f"{'=' if option.correct else '~'}{_t(option.text, locale)}{_feedback(option.feedback, locale)}")
    elif question.kind == "multiple":
        right = [o for o in question.options if o.correct]
        wrong = [o for o in question.options if not o.correct]
        plus, minus = iter(weights(len(right))), iter(weights(len(wrong)))
        for option in display_options(question):
            weight = next(plus) if option.correct else "-" + next(minus)
            lines.append(f"~%{weight}%{_t(option.text, locale)}{_feedback(option.feedback, locale)}")
    elif question.kind == "ordering":
        for position, item in enumerate(question.items, start=1):
            text = _t(item.text, locale).replace("->", "→")  # "->" separates a matching pair
            lines.append(f"={text} -> {position}")
    if general := _general(question, locale):
        if question.kind == "true_false":
            lines[-1] += general  # one line: some parsers read "TRUE" only when "#" follows directly
        else:
            lines.append(general)
    body = "\n".join(f"  {line}" for line in lines)
    return f"// {question.id} ({question.kind})\n{head}{{\n{body}\n}}\n"


def bank_gift(bank: Bank, locale: str = "vi") -> str:
    parts = [f"// {bank.id}: {localized(bank.title, locale)} (exported by hoagiai)",
             f"$CATEGORY: $course$/hoagiai/{bank.id}", ""]
    for top in bank.questions:
        case = top.case if top.kind == "scenario" else None
        for question in top.scored:
            parts.append(question_gift(question, locale, case))
    return "\n".join(parts)


def write(banks: dict[str, Bank], out: Path) -> list[Path]:
    paths = []
    for bank in banks.values():
        path = out / f"{bank.id}.gift"
        path.write_text(bank_gift(bank), encoding="utf-8")
        paths.append(path)
    return paths
