"""CSV: one row per marked question (scenario sub-questions included), for spreadsheets and reviewers."""

from __future__ import annotations

import csv
from pathlib import Path

from hoagiai.quiz.model import Bank, localized

COLUMNS = ["bank", "question", "kind", "scenario", "case", "prompt", "options", "answer", "explanation",
           "sources", "objective", "hash"]


def rows(banks: dict[str, Bank]) -> list[dict[str, str]]:
    out = []
    for bank in banks.values():
        for question, scenario in bank.scored_questions():
            choices = question.items if question.kind == "ordering" else question.options
            out.append({
                "bank": bank.id, "question": question.id, "kind": question.kind,
                "scenario": scenario.id if scenario else "",
                "case": localized(scenario.case, "vi") if scenario else "",
                "prompt": localized(question.prompt, "vi"),
                "options": "\n".join(f"{c.id}. {localized(c.text, 'vi')}" for c in choices),
                "answer": question.answer_code(),
                "explanation": localized(question.explanation, "vi"),
                "sources": "; ".join(s.doc + (f"#dieu-{s.article}" if s.article else "") for s in question.sources),
                "objective": question.objective or "",
                "hash": question.content_hash(scenario.case if scenario else None),
            })
    return out


def write(banks: dict[str, Bank], out: Path) -> list[Path]:
    path = out / "quizzes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows(banks))
    return [path]
