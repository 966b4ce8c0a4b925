"""`hoagiai check`: content problems as `file:line: message` (NFC, tone marks, citations, front matter, HTML)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hoagiai.content import translations
from hoagiai.content.citations import Citations
from hoagiai.content.register import load_register
from hoagiai.content.rules import check_rules, load_rules
from hoagiai.curriculum import lecture_module
from hoagiai.errors import Problem, UserError
from hoagiai.lessons.model import ModuleObjectives, check_lesson_page, objective_catalog
from hoagiai.search import data as search_data
from hoagiai.source import Page, parse_markdown

# Open syllables oa/oe/uy with the tone on the second vowel ("hoà", "thoả", "huỷ"): the law writes "hòa",
# "thỏa", "hủy". With a final consonant ("toàn", "khoản", "huỳnh") both styles agree, so those are fine.
NEW_STYLE = re.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\w)")
OLD_STYLE_HINT = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
                  "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
RAW_HTML = re.compile(r"<script\b|\son[a-z]+\s*=", re.IGNORECASE)
DOC_NUMBER = re.compile(r"\b\d{1,4}/(?:\d{4}/)?(?:NĐ|QĐ|TT|QH|NQ|KH|PL|BC|CT|TTLT|NQLT)[A-ZĐƯa-z0-9\-]*(?:/[A-ZĐƯa-z0-9\-]+)*")
ARTICLE_HEADING = re.compile(r"^Điều (\d+)\.\s+(.*)$")


def check_article_headings(page: Page, rel: str, doc) -> list[Problem]:
    """On a document's page, `Điều N. <title> { #dieu-N }` must match the register."""
    problems = []
    for heading in page.headings:
        m = ARTICLE_HEADING.match(heading.text)
        if not m or heading.explicit_id is None:
            continue
        number, article, title, anchor = heading.line, int(m.group(1)), m.group(2), heading.explicit_id
        if article not in doc.articles:
            problems.append(Problem(rel, number, 0, "", f"Điều {article} is not a verified article of {doc.id} in the register"))
        elif title != doc.articles[article]:
            problems.append(Problem(rel, number, 0, "", f'title of Điều {article} is "{title}"; the register says '
                                                        f'"{doc.articles[article]}"'))
        if anchor != f"dieu-{article}":
            problems.append(Problem(rel, number, 0, "", f"anchor #{anchor} should be #dieu-{article}"))
    return problems


def text_problems(text: str, citations: Citations) -> list[str]:
    """What the page check says of the same words in a data file (forms, the checker's tree): NFC, tone marks,
    citations, document numbers."""
    found = []
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        found.append("text is not Unicode NFC")
    for m in NEW_STYLE.finditer(text):
        found.append(f'tone mark style "{m.group(0)}": write "{OLD_STYLE_HINT.get(m.group(0).lower(), "?")}"'
                     " (hòa, thỏa, hủy as in the law)")
    for cit in citations.find(nfc):
        if message := citations.problem(cit):
            found.append(message)
    for m in DOC_NUMBER.finditer(text):
        if not citations.register.known_number(m.group(0)):
            found.append(f"document number {m.group(0)} is not in data/legal-register.yml")
    return found


def check_markdown(path: Path, rel: str, citations: Citations,
                   catalog: dict[int, ModuleObjectives] | None = None) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    problems: list[Problem] = []
    if unicodedata.normalize("NFC", text) != text:
        line = next((i for i, ln in enumerate(text.splitlines(), 1) if unicodedata.normalize("NFC", ln) != ln), 1)
        problems.append(Problem(rel, line, 0, "", "text is not Unicode NFC (the build normalises it; fix the file)"))
        text = unicodedata.normalize("NFC", text)
    page = parse_markdown(text, rel)
    problems += page.meta_problems + page.ambiguities
    if not page.has_front_matter:
        problems.append(Problem(rel, 1, 0, "", "no YAML front matter (title, description)"))
    elif not page.meta_problems or page.meta:
        for key in ("title", "description"):
            if not page.meta.get(key):
                problems.append(Problem(rel, 1, 0, "front matter", f"missing {key}"))
    for number, line in page.prose():
        if RAW_HTML.search(line):
            problems.append(Problem(rel, number, 0, "", "raw <script> or on*= handler in Markdown"))
        if not line.lstrip().startswith(">"):  # quotations keep their own spelling
            for m in NEW_STYLE.finditer(re.sub(r"`[^`]*`", "", line)):
                seen = m.group(0)
                fix = OLD_STYLE_HINT.get(seen.lower(), "?")
                problems.append(Problem(rel, number, m.start() + 1, "",
                                        f'tone mark style "{seen}": write "{fix}" (hòa, thỏa, hủy as in the law)'))
        if line.lstrip().startswith("#"):
            continue  # headings are not linked; article headings are checked in check_article_headings
        for cit in citations.find(line):
            message = citations.problem(cit)
            if message:
                problems.append(Problem(rel, number, cit.start + 1, "", message))
        for m in DOC_NUMBER.finditer(line):
            if not citations.register.known_number(m.group(0)):
                problems.append(Problem(rel, number, m.start() + 1, "",
                                        f"document number {m.group(0)} is not in data/legal-register.yml"))
    doc = next((d for d in citations.register.values() if rel.endswith("docs/" + d.page)
                or rel == d.page or rel.endswith("/" + d.page)), None)
    if doc is not None:
        problems += check_article_headings(page, rel, doc)
    if lecture_module(path) is not None:
        problems += check_lesson_page(page, catalog)[1]
    return problems


def _triage_problems(root: Path, register) -> list[Problem]:
    """The checker's decision tree (data/triage.yml), with the build's own messages."""
    from hoagiai.triage.model import TREE_PATH, load_tree  # it uses this module's content rules

    if not (root / TREE_PATH).exists():
        return []  # a site without the checker; a page that embeds it fails the build
    try:
        load_tree(root, register)
    except UserError as exc:
        return [p if isinstance(p, Problem) else Problem(str(p)) for p in exc.problems]
    return []


def check_tree(root: Path, paths: list[Path] | None = None) -> list[Problem]:
    register = load_register(root / "data" / "legal-register.yml")
    citations = Citations(register)
    files = [p.resolve() for p in paths] if paths else sorted((root / "docs").rglob("*.md"))
    problems: list[Problem] = []
    if not paths:
        problems += translations.check(root / "docs", root)
        problems += _triage_problems(root, register)
        problems += _form_problems(root, citations)
        problems += search_data.problems(root)  # synonyms, village words, suggestions, as the build reads them
    catalog = _objective_catalog(root)
    for path in files:
        if not path.is_file():
            problems.append(Problem(str(path), 0, 0, "", "no such Markdown file"))
        elif path.suffix == ".md":
            rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
            problems += check_markdown(path, rel, citations, catalog)
    # Content rules (data/content-rules.yml): pages and, on a whole-tree check, the quiz banks.
    problems += check_rules(root, load_rules(root), [p for p in files if p.is_file()] if paths else None)
    return sorted(problems)


def _objective_catalog(root: Path) -> dict[int, ModuleObjectives] | None:
    """Module objectives and the banks' questions, for lectures' `quiz_objectives`; None while a bank is
    broken (`hoagiai quiz check` names its problems)."""
    from hoagiai.quiz.loader import load_banks

    try:
        return objective_catalog(root, load_banks(root=root))
    except UserError:
        return None


def _form_problems(root: Path, citations: Citations) -> list[Problem]:
    """The fillable forms' definitions (data/forms/): their words are checked like a page's."""
    from hoagiai.forms.model import load_forms  # it reuses this module's checks

    try:
        load_forms(root, citations)
    except UserError as exc:
        return list(exc.problems)
    return []
