"""Load quiz banks and report ALL problems at once as `file:line:col: where: message`."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarbool import ScalarBoolean

from hoagiai import yamlio
from hoagiai.content.register import REGISTER_PATH, Register, load_register
from hoagiai.errors import Problem, UserError, shown_path
from hoagiai.quiz.model import (
    CHOICE_KINDS,
    DEFAULT_PASS_MARK,
    KINDS,
    LOCALES,
    Bank,
    Item,
    Option,
    Question,
    Source,
    Text,
)

BANKS_DIR = Path("quizzes")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# The bank format: shared with schema.py so the JSON Schema cannot drift from the checks.
BANK_KEYS = {"id": True, "title": True, "questions": True, "pass_mark": False}
QUESTION_KEYS = {  # key -> required
    "single": {"id": True, "kind": True, "prompt": True, "options": True, "explanation": True,
               "sources": False, "objective": False},
    "ordering": {"id": True, "kind": True, "prompt": True, "items": True, "explanation": True,
                 "sources": False, "objective": False},
    "scenario": {"id": True, "kind": True, "case": True, "questions": True, "prompt": False,
                 "explanation": False, "sources": False, "objective": False},
}
QUESTION_KEYS["multiple"] = QUESTION_KEYS["true_false"] = QUESTION_KEYS["single"]
OPTION_KEYS = {"id": True, "text": True, "correct": True, "feedback": False}
ITEM_KEYS = {"id": True, "text": True}
SOURCE_KEYS = {"doc": True, "article": False}
SCENARIO_SIZE = (2, 5)
MIN_ORDERING_ITEMS = 3

Pos = yamlio.Pos


_pos_of, _key_pos, _value_pos, _item_pos = yamlio.pos_of, yamlio.key_pos, yamlio.value_pos, yamlio.item_pos


def _is_bool(value: Any) -> bool:
    return isinstance(value, (bool, ScalarBoolean))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


class _BankChecker:
    """Walks one parsed bank: collects problems and builds the model with what is valid."""

    def __init__(self, file: str, register: Register | None, seen_ids: dict[str, str]):
        self.file = file
        self.register = register
        self.seen_ids = seen_ids  # question id -> "file:line:col", across banks
        self.problems: list[Problem] = []

    def report(self, pos: Pos, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, pos[0], pos[1], where, message))

    # --- generic shapes -------------------------------------------------------------------------
    def mapping(self, node: Any, pos: Pos, where: str, keys: dict[str, bool], what: str) -> bool:
        """Check a mapping's keys (unknown, missing); False when it is not a mapping at all."""
        if not isinstance(node, dict):
            self.report(pos, where, f"{what} must be a mapping")
            return False
        for key in node:
            if key not in keys:
                self.report(_key_pos(node, key, pos), where, _unknown_key(key, keys))
        for key, required in keys.items():
            if required and node.get(key) is None:
                self.report(pos, where, f"missing required key '{key}'")
        return True

    def ident(self, node: CommentedMap, pos: Pos, where: str) -> str | None:
        value = node.get("id")
        if value is None:
            return None
        if not isinstance(value, str) or not ID_RE.match(value):
            self.report(_value_pos(node, "id", pos), where,
                        f"id must be ASCII lower-case letters, digits and '-' (got {str(value)!r})")
            return None
        return value

    def text(self, parent: CommentedMap, key: str, pos: Pos, where: str) -> Text:
        """A localized text `{vi: "…", en: "…", km: "…"}`; {} when absent or invalid."""
        node = parent.get(key)
        if node is None:
            return {}
        here = _value_pos(parent, key, pos)
        label = f"{where}.{key}" if where else key
        if not isinstance(node, dict):
            self.report(here, label, 'must be a mapping of language to text, e.g. {vi: "…"}')
            return {}
        text: Text = {}
        for locale, value in node.items():
            if locale not in LOCALES:
                self.report(_key_pos(node, locale, here), label,
                            f"unknown language {str(locale)!r} (use {', '.join(LOCALES)})")
            elif not isinstance(value, str) or not value.strip():
                self.report(_value_pos(node, locale, here), f"{label}.{locale}",
                            "text must be a non-empty string")
            else:
                text[locale] = _nfc(value)
        if "vi" not in node:
            self.report(here, label, "missing Vietnamese text (vi)")
        return text

    def seq(self, parent: CommentedMap, key: str, pos: Pos, where: str) -> list[tuple[Any, Pos, str]]:
        node = parent.get(key)
        if node is None:
            return []
        here = _value_pos(parent, key, pos)
        if not isinstance(node, list):
            self.report(here, f"{where}.{key}" if where else key, "must be a list")
            return []
        if not node:
            self.report(here, f"{where}.{key}" if where else key, f"{key} must not be empty")
        prefix = f"{where}." if where else ""
        return [(child, _item_pos(node, i, here), f"{prefix}{key}[{i}]") for i, child in enumerate(node)]

    # --- bank -----------------------------------------------------------------------------------
    def bank(self, data: Any, stem: str) -> Bank | None:
        pos = (1, 1)
        if not isinstance(data, dict):
            self.report(pos, "", "top level must be a mapping with id, title and questions")
            return None
        self.mapping(data, pos, "", BANK_KEYS, "a bank")
        bank_id = self.ident(data, pos, "id")
        if bank_id and bank_id != stem:
            self.report(_value_pos(data, "id", pos), "id",
                        f"bank id {bank_id!r} does not match the file name '{stem}.yml'")
        title = self.text(data, "title", pos, "")
        pass_mark = data.get("pass_mark", DEFAULT_PASS_MARK)
        if _is_bool(pass_mark) or not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
            self.report(_value_pos(data, "pass_mark", pos), "pass_mark",
                        "pass_mark must be a whole number from 1 to 100")
            pass_mark = DEFAULT_PASS_MARK
        questions = [q for node, p, where in self.seq(data, "questions", pos, "")
                     if (q := self.question(node, p, where, nested=False))]
        if self.problems or not bank_id:
            return None
        return Bank(id=bank_id, title=title, questions=tuple(questions), pass_mark=pass_mark, path=self.file)

    # --- questions ------------------------------------------------------------------------------
    def question(self, node: Any, pos: Pos, where: str, nested: bool) -> Question | None:
        if not isinstance(node, dict):
            self.report(pos, where, "a question must be a mapping")
            return None
        kind = node.get("kind")
        if kind is not None and kind not in KINDS:  # a tuple: `in` never hashes the YAML value
            self.report(_value_pos(node, "kind", pos), f"{where}.kind",
                        f"unknown kind {str(kind)!r} (use {', '.join(KINDS)})")
            kind = None
        if kind in QUESTION_KEYS:
            keys = QUESTION_KEYS[kind]
        else:  # unknown kind: still report unknown keys against everything a question may hold
            keys = {k: k in ("id", "kind") for spec in QUESTION_KEYS.values() for k in spec}
        self.mapping(node, pos, where, keys, "a question")
        qid = self.ident(node, pos, f"{where}.id")
        if qid:
            if qid in self.seen_ids:
                self.report(_value_pos(node, "id", pos), f"{where}.id",
                            f"duplicate id {qid!r} (first used at {self.seen_ids[qid]})")
            else:
                line, col = _value_pos(node, "id", pos)
                self.seen_ids[qid] = f"{self.file}:{line}:{col}"
        prompt = self.text(node, "prompt", pos, where)
        explanation = self.text(node, "explanation", pos, where)
        sources = self.sources(node, pos, where)
        objective = node.get("objective")
        if objective is not None and (_is_bool(objective) or not isinstance(objective, (str, int))):
            self.report(_value_pos(node, "objective", pos), f"{where}.objective",
                        "objective must be a text or a number")
            objective = None

        options: list[Option] = []
        items: list[Item] = []
        case: Text = {}
        subs: list[Question] = []
        if kind in CHOICE_KINDS:
            options = self.options(node, pos, where, kind, prompt)
        elif kind == "ordering":
            items = self.items(node, pos, where, prompt)
        elif kind == "scenario":
            if nested:
                self.report(pos, where, "a scenario question cannot contain another scenario")
            case = self.text(node, "case", pos, where)
            entries = self.seq(node, "questions", pos, where)
            low, high = SCENARIO_SIZE
            if entries and not low <= len(entries) <= high:
                self.report(_value_pos(node, "questions", pos), f"{where}.questions",
                            f"a scenario needs {low} to {high} questions (found {len(entries)})")
            subs = [q for child, p, w in entries if (q := self.question(child, p, w, nested=True))]
        if not qid or kind is None:
            return None
        return Question(
            id=qid, kind=kind, prompt=prompt, explanation=explanation, options=tuple(options),
            items=tuple(items), sources=tuple(sources),
            objective=str(objective) if objective is not None else None,
            case=case, questions=tuple(subs), line=pos[0],
        )

    def _child_ids(self, node: CommentedMap, pos: Pos, where: str, seen: dict[str, str]) -> str | None:
        cid = self.ident(node, pos, f"{where}.id")
        if cid and cid in seen:
            self.report(_value_pos(node, "id", pos), f"{where}.id",
                        f"duplicate id {cid!r} (also {seen[cid]})")
        elif cid:
            seen[cid] = where
        return cid

    def _same_locales(self, node: CommentedMap, pos: Pos, where: str, prompt: Text) -> None:
        text = node.get("text")
        for locale in LOCALES:
            if locale in prompt and isinstance(text, dict) and locale not in text:
                self.report(_value_pos(node, "text", pos), f"{where}.text",
                            f"lacks {locale!r} text (the prompt has it)")

    def options(self, node: CommentedMap, pos: Pos, where: str, kind: str, prompt: Text) -> list[Option]:
        entries = self.seq(node, "options", pos, where)
        options: list[Option] = []
        seen: dict[str, str] = {}
        correct_count = 0
        for child, p, w in entries:
            if not self.mapping(child, p, w, OPTION_KEYS, "an option"):
                continue
            oid = self._child_ids(child, p, w, seen)
            text = self.text(child, "text", p, w)
            self._same_locales(child, p, w, prompt)
            feedback = self.text(child, "feedback", p, w)
            correct = child.get("correct")
            if correct is not None and not _is_bool(correct):
                self.report(_value_pos(child, "correct", p), f"{w}.correct",
                            f"correct must be true or false (got {str(correct)!r})")
                correct = False
            correct_count += bool(correct)
            if oid:
                options.append(Option(id=oid, text=text, correct=bool(correct), feedback=feedback))
        here = _value_pos(node, "options", pos)
        if entries and correct_count == 0:
            self.report(here, f"{where}.options", "no correct option")
        if kind in ("single", "true_false") and correct_count > 1:
            self.report(here, f"{where}.options",
                        f"more than one correct option in a {kind} question ({correct_count})")
        if kind == "true_false" and entries and sorted(seen) != ["a", "b"]:
            self.report(here, f"{where}.options",
                        "a true_false question has exactly two options: a (true) and b (false)")
        return options

    def items(self, node: CommentedMap, pos: Pos, where: str, prompt: Text) -> list[Item]:
        entries = self.seq(node, "items", pos, where)
        if 0 < len(entries) < MIN_ORDERING_ITEMS:
            self.report(_value_pos(node, "items", pos), f"{where}.items",
                        f"an ordering needs at least {MIN_ORDERING_ITEMS} items (Moodle imports it as a "
                        "matching question, which needs 3)")
        items: list[Item] = []
        seen: dict[str, str] = {}
        for child, p, w in entries:
            if not self.mapping(child, p, w, ITEM_KEYS, "an item"):
                continue
            iid = self._child_ids(child, p, w, seen)
            text = self.text(child, "text", p, w)
            self._same_locales(child, p, w, prompt)
            if iid:
                items.append(Item(id=iid, text=text))
        return items

    def sources(self, node: CommentedMap, pos: Pos, where: str) -> list[Source]:
        sources: list[Source] = []
        for child, p, w in self.seq(node, "sources", pos, where):
            if not self.mapping(child, p, w, SOURCE_KEYS, "a source"):
                continue
            doc, article = child.get("doc"), child.get("article")
            if doc is None:
                continue
            if not isinstance(doc, str):
                self.report(_value_pos(child, "doc", p), f"{w}.doc", "doc must be a document id")
                continue
            if article is not None and (_is_bool(article) or not isinstance(article, int) or article < 1):
                self.report(_value_pos(child, "article", p), f"{w}.article",
                            "article must be an article number (Điều N)")
                continue
            if self.register is not None:
                document = self.register.get(doc)
                if document is None:
                    self.report(_value_pos(child, "doc", p), f"{w}.doc",
                                f"unknown document {doc!r} (not in {_register_name(self.register)})")
                    continue
                if article is not None and article not in document.articles:
                    self.report(_value_pos(child, "article", p), f"{w}.article",
                                f"document {doc!r} has no verified article {article} "
                                f"in {_register_name(self.register)}")
                    continue
            sources.append(Source(doc=doc, article=article))
        return sources


def _register_name(register: Register) -> str:
    return REGISTER_PATH.as_posix()  # messages name the file as authors know it


def _unknown_key(key: Any, keys: dict[str, bool]) -> str:
    close = difflib.get_close_matches(str(key), list(keys), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(keys)}"
    return f"unknown key {str(key)!r} ({hint})"


def check_text(text: str, file: str, register: Register | None = None,
               seen_ids: dict[str, str] | None = None) -> tuple[Bank | None, list[Problem]]:
    """Check one bank's YAML text; return the bank (None when it has problems) and every problem."""
    seen_ids = {} if seen_ids is None else seen_ids

    def check(data):
        # The fast reading may be followed by the positioned one: its ids enter the shared table only when
        # it is final (no problems), so that the second reading does not meet its own ids as duplicates.
        trial_ids = dict(seen_ids)
        checker = _BankChecker(file, register, trial_ids)
        bank = checker.bank(data, Path(file).stem)
        if not checker.problems or isinstance(data, CommentedMap):
            seen_ids.update(trial_ids)
        return bank, checker.problems

    return yamlio.checked(text, file, check)


def bank_paths(root: Path | str = ".") -> list[Path]:
    return sorted((Path(root) / BANKS_DIR).glob("*.yml"))


def load_banks(paths: list[Path] | None = None, *, root: Path | str = ".",
               register: Register | None = None) -> dict[str, Bank]:
    """Load banks (default: all in quizzes/), raising UserError with every problem found."""
    root = Path(root)
    problems: list[Problem] = []
    if register is None:
        try:
            register = load_register(root / REGISTER_PATH)
        except UserError as exc:
            problems.extend(exc.problems)
    banks: dict[str, Bank] = {}
    seen_ids: dict[str, str] = {}
    for path in paths if paths is not None else bank_paths(root):
        path = Path(path)
        shown = shown_path(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(shown, 0, 0, "", "no such bank file"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(shown, 0, 0, "", f"cannot read the bank: {exc}"))
            continue
        bank, found = check_text(text, shown, register, seen_ids)
        problems.extend(found)
        if bank and bank.id in banks:
            problems.append(Problem(shown, 1, 1, "id", f"duplicate bank id {bank.id!r} "
                                                       f"(also {banks[bank.id].path})"))
        elif bank:
            banks[bank.id] = bank
    if problems:
        raise UserError(problems)
    return banks
