"""JSON: every bank as plain data (with each question's content hash), one file for all banks."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from hoagiai.quiz.model import Bank, Question


def _question(question: Question) -> dict:
    data = dataclasses.asdict(question)
    data.pop("line")
    data["hash"] = question.content_hash()
    data["questions"] = [_question(q) for q in question.questions]
    return {k: v for k, v in data.items() if v not in ({}, [], (), None)}


def banks_data(banks: dict[str, Bank]) -> dict:
    return {"banks": [{"id": b.id, "title": b.title, "pass_mark": b.pass_mark,
                       "questions": [_question(q) for q in b.questions]} for b in banks.values()]}


def write(banks: dict[str, Bank], out: Path) -> list[Path]:
    path = out / "quizzes.json"
    path.write_text(json.dumps(banks_data(banks), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [path]
