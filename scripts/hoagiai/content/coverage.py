"""`hoagiai check --report`: what each module has (pages, words, objectives, questions by kind), what it
lacks, and the state of the translations."""

from __future__ import annotations

import re
from pathlib import Path

from hoagiai import curriculum
from hoagiai.content import translations
from hoagiai.content.register import load_register
from hoagiai.quiz.loader import load_banks
from hoagiai.source import is_translation, read_page

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The one marker for a point that stays unverified (README, "Unverified points"), and the older wordings.
UNVERIFIED = re.compile(r"\{[^}]*\.hg-unverified\b[^}]*\}")
HEDGES = re.compile(r"cần (?:đối chiếu|kiểm tra|xác minh)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def words(path: Path) -> int:
    """Words of a page's body outside fenced code and HTML comments."""
    return len(_WORD.findall(_COMMENT.sub(" ", read_page(path).prose_text)))


def _questions(bank):
    for q in bank.questions:
        yield q
        yield from q.questions


def coverage(root: Path) -> dict:
    docs = root / "docs"
    banks = load_banks(root=root, register=load_register(root / "data" / "legal-register.yml"))
    final_objectives = {q.objective for q in _questions(banks[curriculum.FINAL_BANK])} \
        if curriculum.FINAL_BANK in banks else set()
    modules = {}
    for module in curriculum.modules(docs):
        n, index = module.number, docs / module.overview
        pages = [index] * index.exists() + [docs / p for p in module.readings]
        overview = index.read_text(encoding="utf-8") if index.exists() else ""
        objectives = [o.id for o in module.objectives]
        bank = banks.get(module.bank)
        kinds: dict[str, int] = {}
        asked = set()
        for q in _questions(bank) if bank else ():
            if q.kind != "scenario":
                kinds[q.kind] = kinds.get(q.kind, 0) + 1
            if q.objective:
                asked.add(q.objective)
        lecture = docs / curriculum.lecture(n)
        missing = [part for part, ok in (
            ("overview page", index.exists()),
            ("3 reading pages", len(module.readings) >= 3),
            ("quiz marker on the overview", f"<!-- quiz {module.bank}" in overview),
            ("quiz bank", bank is not None),
            ("12 questions", bank is not None and len(bank.questions) >= 12),
            ("sample lecture", lecture.exists()),
            ("linked cases", "tinh-huong/" in overview),
        ) if not ok]
        modules[n] = {
            "pages": len(pages),
            "words": sum(words(p) for p in pages),
            "objectives": objectives,
            "questions": len(bank.questions) if bank else 0,
            "questions_by_kind": dict(sorted(kinds.items())),
            "scenarios": sum(q.kind == "scenario" for q in bank.questions) if bank else 0,
            "objectives_without_question": [o for o in objectives
                                            if o not in asked and f"{module.bank}.{o}" not in final_objectives],
            "lecture_words": words(lecture) if lecture.exists() else 0,
            "missing": missing,
        }
    vi_pages = [p for p in docs.rglob("*.md") if not is_translation(p)]
    return {
        "unverified": markers(docs),
        "site": {"vi_pages": len(vi_pages), "vi_words": sum(words(p) for p in vi_pages),
                 "banks": len(banks), "questions": sum(len(list(_questions(b))) for b in banks.values())},
        "modules": modules,
        "translations": translations.report(docs),
    }


def markers(docs: Path) -> dict:
    """Per language: unverified markers, and hedges still written in words (vi), with the pages holding them."""
    out = {}
    for lang in curriculum.LOCALES:
        counts: dict[str, int] = {}
        hedges: dict[str, int] = {}
        for path in sorted(docs.rglob("*.md")):
            mine = path.name.endswith(f".{lang}.md") if lang != curriculum.DEFAULT_LOCALE else not is_translation(path)
            if not mine:
                continue
            text = read_page(path).prose_text
            rel = path.relative_to(docs).as_posix()
            if n := len(UNVERIFIED.findall(text)):
                counts[rel] = n
            if lang == curriculum.DEFAULT_LOCALE and (n := len(HEDGES.findall(text))):
                hedges[rel] = n
        counts.update(_tree_markers(docs.parent, lang))
        out[lang] = {"markers": sum(counts.values()), "pages": counts,
                     **({"hedges_in_words": sum(hedges.values()), "hedge_pages": hedges}
                        if lang == curriculum.DEFAULT_LOCALE else {})}
    return out


def _tree_markers(root: Path, lang: str) -> dict[str, int]:
    """The checker's outcomes that carry an `unverified` note in this language (shown with the same marker)."""
    import yaml

    from hoagiai import yamlio
    from hoagiai.triage.model import TREE_PATH

    try:
        data = yamlio.load_fast((root / TREE_PATH).read_text(encoding="utf-8"))
        n = sum(1 for o in data.get("outcomes") or [] if isinstance(o, dict)
                and isinstance(o.get("unverified"), dict) and lang in o["unverified"])
    except (OSError, AttributeError, ValueError, yaml.YAMLError):  # `hoagiai check` reports a broken tree
        return {}
    return {TREE_PATH.as_posix(): n} if n else {}


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
    u = data["unverified"]
    lines.append("Unverified points (the .hg-unverified marker): " + ", ".join(
        f"{lang} {u[lang]['markers']}" for lang in u) + f"; hedges still in words (vi): {u['vi']['hedges_in_words']}")
    lines.append("")
    for lang, r in data["translations"].items():
        lines.append(f"{lang}: {r['translated']} translated, {r['falling_back']} falling back to vi, "
                     f"{len(r['stale'])} stale, {len(r['awaiting_review'])} awaiting review")
        for path in r["stale"]:
            lines.append(f"    stale: {path}")
    return "\n".join(lines)
