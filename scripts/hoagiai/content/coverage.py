"""`hoagiai check --report`: what each module has (pages, words, objectives, questions by kind), what it
lacks, and the state of the translations."""

from __future__ import annotations

import re
from pathlib import Path

from hoagiai.content import translations
from hoagiai.content.register import load_register
from hoagiai.quiz.loader import load_banks

MODULES = range(1, 9)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_COMMENT_OR_CODE = re.compile(r"<!--.*?-->|```.*?```", re.S)


def words(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.find("\n---", 4) + 4:]
    return len(_WORD.findall(_COMMENT_OR_CODE.sub(" ", text)))


def _questions(bank):
    for q in bank.questions:
        yield q
        yield from q.questions


def coverage(root: Path) -> dict:
    docs = root / "docs"
    banks = load_banks(root=root, register=load_register(root / "data" / "legal-register.yml"))
    final_objectives = {q.objective for q in _questions(banks["final"])} if "final" in banks else set()
    modules = {}
    for n in MODULES:
        folder = docs / "chuong-trinh" / f"mo-dun-{n:02d}"
        index = folder / "index.md"
        pages = sorted(p for p in folder.glob("*.md") if not re.search(r"\.(en|km)\.md$", p.name)) if folder.exists() else []
        meta = translations.front_matter(index.read_text(encoding="utf-8")) if index.exists() else {}
        objectives = [str(o).split(":", 1)[0].strip() for o in meta.get("objectives") or []]
        bank = banks.get(f"m{n:02d}")
        kinds: dict[str, int] = {}
        asked = set()
        for q in _questions(bank) if bank else ():
            if q.kind != "scenario":
                kinds[q.kind] = kinds.get(q.kind, 0) + 1
            if q.objective:
                asked.add(q.objective)
        lecture = docs / "bai-giang-mau" / f"mo-dun-{n:02d}.md"
        missing = [part for part, ok in (
            ("overview page", index.exists()),
            ("3 reading pages", len(pages) - 1 >= 3),
            ("quiz marker on the overview", index.exists() and f"<!-- quiz m{n:02d}" in index.read_text(encoding="utf-8")),
            ("quiz bank", bank is not None),
            ("12 questions", bank is not None and len(bank.questions) >= 12),
            ("sample lecture", lecture.exists()),
            ("linked cases", index.exists() and "tinh-huong/" in index.read_text(encoding="utf-8")),
        ) if not ok]
        modules[n] = {
            "pages": len(pages),
            "words": sum(words(p) for p in pages),
            "objectives": objectives,
            "questions": len(bank.questions) if bank else 0,
            "questions_by_kind": dict(sorted(kinds.items())),
            "scenarios": sum(q.kind == "scenario" for q in bank.questions) if bank else 0,
            "objectives_without_question": [o for o in objectives
                                            if o not in asked and f"m{n:02d}.{o}" not in final_objectives],
            "lecture_words": words(lecture) if lecture.exists() else 0,
            "missing": missing,
        }
    vi_pages = [p for p in docs.rglob("*.md") if not re.search(r"\.(en|km)\.md$", p.name)]
    return {
        "site": {"vi_pages": len(vi_pages), "vi_words": sum(words(p) for p in vi_pages),
                 "banks": len(banks), "questions": sum(len(list(_questions(b))) for b in banks.values())},
        "modules": modules,
        "translations": translations.report(docs),
    }


def as_text(data: dict) -> str:
    s = data["site"]
    lines = [f"Site: {s['vi_pages']} Vietnamese pages, {s['vi_words']:,} words; {s['banks']} banks, "
             f"{s['questions']} questions (sub-questions included)", "",
             "Module  pages   words  questions  by kind                                             objectives without a question / missing parts"]
    for n, m in data["modules"].items():
        kinds = ", ".join(f"{k} {v}" for k, v in m["questions_by_kind"].items()) + f", scenario {m['scenarios']}"
        gaps = ", ".join(m["objectives_without_question"]) or "—"
        missing = ", ".join(m["missing"]) or "—"
        lines.append(f"  {n:<6}{m['pages']:>5}{m['words']:>8}{m['questions']:>11}  {kinds:<52}{gaps} / {missing}")
    lines.append("")
    for lang, r in data["translations"].items():
        lines.append(f"{lang}: {r['translated']} translated, {r['falling_back']} falling back to vi, "
                     f"{len(r['stale'])} stale, {len(r['awaiting_review'])} awaiting review")
        for path in r["stale"]:
            lines.append(f"    stale: {path}")
    return "\n".join(lines)
