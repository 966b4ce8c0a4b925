"""The decision tree of the checker, `data/triage.yml`: read with the project's one YAML reading and checked
like the quiz banks. Every problem is reported at once as `data/triage.yml:LINE:COL: where: message`.

The tree is a list of questions and a list of outcomes. Each answer of a question leads (`next`) to another
question or to an outcome. The checks: ids are unique and well formed, every `next` exists, every question and
outcome is reachable from `start`, the questions never loop, every outcome is reached in at most
`MAX_ANSWERS` answers, every outcome rests on verified articles (`cite`) or says what is not verified
(`unverified`), the pages it links (`read`) exist, and its texts follow the content rules (NFC, the law's
tone-mark style, citations the register holds).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hoagiai import yamlio
from hoagiai.content.citations import Citations
from hoagiai.content.register import Register
from hoagiai.curriculum import DEFAULT_LOCALE, LOCALES
from hoagiai.errors import Problem, UserError

TREE_PATH = Path("data/triage.yml")
MAX_ANSWERS = 8  # "a clear answer in under a minute"
KINDS = ("stop", "report", "refer", "care", "go")  # how an outcome is shown: stop … go
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PHONE = re.compile(r"^[0-9]{3,12}$")
POINT = re.compile(r"^[a-zđ]$")
TOP_KEYS = ("start", "questions", "outcomes")
QUESTION_KEYS = {"id": True, "text": True, "help": False, "answers": True}
ANSWER_KEYS = {"label": True, "next": True}
OUTCOME_KEYS = {"id": True, "kind": True, "title": True, "summary": True, "steps": True, "calls": False,
                "cite": False, "read": False, "unverified": False}
CALL_KEYS = {"number": True, "label": True, "checked": True}
CITE_KEYS = {"doc": True, "article": True, "clause": False, "point": False}

Text = dict  # locale → text; Vietnamese always present


def text_in(text: Text, locale: str) -> tuple[str, str]:
    """(text, its language): the reader's language when written, else Vietnamese."""
    return (text[locale], locale) if locale in text else (text[DEFAULT_LOCALE], DEFAULT_LOCALE)


@dataclass(frozen=True)
class Answer:
    label: Text
    next: str


@dataclass(frozen=True)
class Question:
    id: str
    number: int  # 1-based, in the order of the file (the checklist's numbering)
    text: Text
    help: tuple[Text, ...]
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Call:
    number: str  # dialled as written: "113"
    label: Text
    checked: str  # where and when the number was checked (kept in the data, not shown)


@dataclass(frozen=True)
class Cite:
    doc: str
    article: int
    clause: int | None = None
    point: str | None = None


@dataclass(frozen=True)
class Outcome:
    id: str
    kind: str
    title: Text
    summary: Text
    steps: tuple[Text, ...]
    calls: tuple[Call, ...] = ()
    cite: tuple[Cite, ...] = ()
    read: tuple[str, ...] = ()  # docs-relative pages
    unverified: Text | None = None


@dataclass(frozen=True)
class Tree:
    path: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]

    def paths(self) -> dict[str, list[list[tuple[str, int]]]]:
        """Every way through the tree: outcome id → list of paths, each a list of (question id, answer index)."""
        found: dict[str, list[list[tuple[str, int]]]] = {}

        def walk(node: str, path: list[tuple[str, int]]) -> None:
            if node in self.outcomes:
                found.setdefault(node, []).append(path)
                return
            for i, answer in enumerate(self.questions[node].answers):
                walk(answer.next, path + [(node, i)])

        walk(self.start, [])
        return found


class _TreeChecker:
    """Checks the parsed YAML; positions come from ruamel's nodes when it is the positioned reading."""

    def __init__(self, file: str, register: Register, docs: Path | None):
        self.file, self.register, self.docs = file, register, docs
        self.citations = Citations(register)
        self.problems: list[Problem] = []

    def bad(self, pos: yamlio.Pos, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, pos[0], pos[1], where, message))

    # --- small readers --------------------------------------------------------------------------------
    def mapping(self, node: Any, pos: yamlio.Pos, where: str, keys: dict[str, bool]) -> bool:
        if not isinstance(node, dict):
            self.bad(pos, where, "must be a mapping (key: value)")
            return False
        for key in node:
            if key not in keys:
                self.bad(yamlio.key_pos(node, key, pos), f"{where}.{key}",
                         f"unknown key (allowed: {', '.join(keys)})")
        for key, required in keys.items():
            if required and node.get(key) in (None, "", [], {}):
                self.bad(pos, where, f"missing {key}")
        return True

    def seq(self, parent: dict, key: str, pos: yamlio.Pos, where: str) -> list[tuple[Any, yamlio.Pos, str]]:
        node = parent.get(key)
        if node in (None, []):
            return []
        here = yamlio.value_pos(parent, key, pos)
        if not isinstance(node, list):
            self.bad(here, f"{where}.{key}", "must be a list")
            return []
        return [(item, yamlio.item_pos(node, i, here), f"{where}.{key}[{i}]") for i, item in enumerate(node)]

    def text(self, node: Any, pos: yamlio.Pos, where: str) -> Text:
        """`{vi: "…", en: "…", km: "…"}`: Vietnamese required; each text NFC, in the law's tone-mark style,
        citing only verified articles."""
        if node is None:
            return {}
        if not isinstance(node, dict):
            self.bad(pos, where, 'must map languages to texts, e.g. {vi: "…", en: "…"}')
            return {}
        text: Text = {}
        for locale, value in node.items():
            here = yamlio.value_pos(node, locale, pos)
            if locale not in LOCALES:
                self.bad(yamlio.key_pos(node, locale, pos), where, f"unknown language {locale!r} "
                         f"(use {', '.join(LOCALES)})")
            elif not isinstance(value, str) or not value.strip():
                self.bad(here, f"{where}.{locale}", "must be a non-empty text")
            else:
                self.content(value, here, f"{where}.{locale}")
                text[locale] = unicodedata.normalize("NFC", value.strip())
        if DEFAULT_LOCALE not in node:
            self.bad(pos, where, "needs the Vietnamese text (vi)")
        return text

    def content(self, value: str, pos: yamlio.Pos, where: str) -> None:
        from hoagiai.content.checks import text_problems  # the page checks' own rules (it imports this module)

        for message in text_problems(value, self.citations):
            self.bad(pos, where, message)

    def ident(self, node: dict, pos: yamlio.Pos, where: str) -> str | None:
        value = node.get("id")
        if value is None:
            return None
        if not isinstance(value, str) or not ID.match(value):
            self.bad(yamlio.value_pos(node, "id", pos), f"{where}.id",
                     f"must be ASCII lower-case letters, digits and '-' (got {value!r})")
            return None
        return value

    # --- the tree -------------------------------------------------------------------------------------
    def run(self, data: Any) -> tuple[Tree | None, list[Problem]]:
        top = (1, 1)
        if not isinstance(data, dict):
            self.bad(top, "", "top level must be a mapping with start, questions and outcomes")
            return None, self.problems
        for key in data:
            if key not in TOP_KEYS:
                self.bad(yamlio.key_pos(data, key, top), str(key), f"unknown key (allowed: {', '.join(TOP_KEYS)})")
        for key in TOP_KEYS:
            if data.get(key) in (None, "", []):
                self.bad(top, "", f"missing {key}")
        questions: dict[str, Question] = {}
        outcomes: dict[str, Outcome] = {}
        where_is: dict[str, tuple[yamlio.Pos, str]] = {}  # id → (position, "questions[2] (id)")
        answers_at: dict[tuple[str, int], tuple[yamlio.Pos, str]] = {}

        def claim(node_id: str | None, pos: yamlio.Pos, where: str) -> bool:
            if node_id is None:
                return False
            if node_id in where_is:
                self.bad(pos, f"{where}.id", f"duplicate id {node_id!r} (also {where_is[node_id][1]})")
                return False
            where_is[node_id] = (pos, f"{where} ({node_id})")
            return True

        for i, (node, pos, where) in enumerate(self.seq(data, "questions", top, "")):
            where = where.lstrip(".")
            question = self.question(node, pos, where, len(questions) + 1, answers_at)
            if question and claim(question.id, pos, where):
                questions[question.id] = question
        for node, pos, where in self.seq(data, "outcomes", top, ""):
            where = where.lstrip(".")
            outcome = self.outcome(node, pos, where)
            if outcome and claim(outcome.id, pos, where):
                outcomes[outcome.id] = outcome
        start = data.get("start")
        if start is None or not questions:
            pass  # reported above as missing
        elif start not in questions:
            self.bad(yamlio.value_pos(data, "start", top), "start",
                     f"must be the id of a question (got {start!r})")
        else:
            self.graph(start, questions, outcomes, where_is, answers_at)
        if self.problems:
            return None, self.problems
        return Tree(self.file, start, questions, outcomes), []

    def question(self, node: Any, pos: yamlio.Pos, where: str, number: int,
                 answers_at: dict) -> Question | None:
        where_id = _named(where, node)
        if not self.mapping(node, pos, where_id, QUESTION_KEYS):
            return None
        node_id = self.ident(node, pos, where)
        text = self.text(node.get("text"), yamlio.value_pos(node, "text", pos), f"{where_id}.text")
        help_ = tuple(self.text(item, p, w) for item, p, w in self.seq(node, "help", pos, where_id))
        answers = []
        items = self.seq(node, "answers", pos, where_id)
        if node.get("answers") is not None and isinstance(node.get("answers"), list) and len(items) < 2:
            self.bad(yamlio.value_pos(node, "answers", pos), f"{where_id}.answers",
                     "a question needs at least two answers")
        for i, (item, p, w) in enumerate(items):
            if not self.mapping(item, p, w, ANSWER_KEYS):
                continue
            label = self.text(item.get("label"), yamlio.value_pos(item, "label", p), f"{w}.label")
            target = item.get("next")
            if target is not None and not isinstance(target, str):
                self.bad(yamlio.value_pos(item, "next", p), f"{w}.next", "must be the id of a question or an outcome")
                continue
            if node_id and target:
                answers_at[(node_id, i)] = (yamlio.value_pos(item, "next", p), f"{w}.next")
            answers.append(Answer(label, target or ""))
        # Returned even with problems in its texts, so that the graph checks still see its id and answers.
        return Question(node_id, number, text, help_, tuple(answers)) if node_id else None

    def outcome(self, node: Any, pos: yamlio.Pos, where: str) -> Outcome | None:
        w0 = _named(where, node)
        if not self.mapping(node, pos, w0, OUTCOME_KEYS):
            return None
        node_id = self.ident(node, pos, where)
        kind = node.get("kind")
        if kind is not None and kind not in KINDS:
            self.bad(yamlio.value_pos(node, "kind", pos), f"{w0}.kind", f"unknown kind {kind!r} (use {', '.join(KINDS)})")
        texts = {key: self.text(node.get(key), yamlio.value_pos(node, key, pos), f"{w0}.{key}")
                 for key in ("title", "summary")}
        steps = tuple(self.text(item, p, w) for item, p, w in self.seq(node, "steps", pos, w0))
        unverified = self.text(node.get("unverified"), yamlio.value_pos(node, "unverified", pos), f"{w0}.unverified") \
            if node.get("unverified") is not None else None
        calls = []
        for item, p, w in self.seq(node, "calls", pos, w0):
            if not self.mapping(item, p, w, CALL_KEYS):
                continue
            number = item.get("number")
            if number is not None and not (isinstance(number, str) and PHONE.match(number)):
                self.bad(yamlio.value_pos(item, "number", p), f"{w}.number",
                         f'must be the digits to dial, in quotes (e.g. "113"), not {number!r}')
            if item.get("checked") is not None and not (isinstance(item["checked"], str) and item["checked"].strip()):
                self.bad(yamlio.value_pos(item, "checked", p), f"{w}.checked",
                         "must say where and when the number was checked")
            calls.append(Call(str(number), self.text(item.get("label"), yamlio.value_pos(item, "label", p),
                                                     f"{w}.label"), str(item.get("checked") or "")))
        cites = []
        for item, p, w in self.seq(node, "cite", pos, w0):
            cite = self.cite(item, p, w)
            if cite:
                cites.append(cite)
        reads = []
        for item, p, w in self.seq(node, "read", pos, w0):
            if not isinstance(item, str) or not item.endswith(".md"):
                self.bad(p, w, f"must be a page path under docs/, e.g. chuong-trinh/mo-dun-05/bao-luc-gia-dinh.md "
                               f"(got {item!r})")
            elif self.docs is not None and not (self.docs / item).is_file():
                self.bad(p, w, f"no page docs/{item}")
            else:
                reads.append(item)
        if node.get("cite") in (None, []) and node.get("unverified") is None:
            self.bad(pos, w0, "needs cite (the verified articles it rests on) or unverified "
                              "(what could not be checked, and where to check it)")
        # Returned even with problems in its fields, so that answers leading here are not called dangling.
        return Outcome(node_id, str(kind), texts["title"], texts["summary"], steps, tuple(calls), tuple(cites),
                       tuple(reads), unverified) if node_id else None

    def cite(self, item: Any, pos: yamlio.Pos, where: str) -> Cite | None:
        if not self.mapping(item, pos, where, CITE_KEYS):
            return None
        doc_id, article = item.get("doc"), item.get("article")
        clause, point = item.get("clause"), item.get("point")
        doc = self.register.get(doc_id) if isinstance(doc_id, str) else None
        if doc_id is not None and doc is None:
            self.bad(yamlio.value_pos(item, "doc", pos), f"{where}.doc",
                     f"unknown document {doc_id!r} (ids are in data/legal-register.yml)")
        if article is not None and (isinstance(article, bool) or not isinstance(article, int)):
            self.bad(yamlio.value_pos(item, "article", pos), f"{where}.article", f"must be a number, not {article!r}")
            return None
        if doc is not None and article is not None and article not in doc.articles:
            self.bad(yamlio.value_pos(item, "article", pos), f"{where}.article",
                     f"{doc.short} ({doc.number}) has no verified article {article} in the register")
            return None
        if clause is not None and (isinstance(clause, bool) or not isinstance(clause, int) or clause < 1):
            self.bad(yamlio.value_pos(item, "clause", pos), f"{where}.clause", f"must be a number, not {clause!r}")
            return None
        if point is not None and not (isinstance(point, str) and POINT.match(point) and clause is not None):
            self.bad(yamlio.value_pos(item, "point", pos), f"{where}.point",
                     "must be one letter (a, b, đ …) and needs a clause")
            return None
        if doc is None or article is None:
            return None
        return Cite(doc_id, article, clause, point)

    def graph(self, start: str, questions: dict[str, Question], outcomes: dict[str, Outcome],
              where_is: dict, answers_at: dict) -> None:
        """Dangling `next`, unreachable nodes, loops and the number of answers to each outcome."""
        known = set(questions) | set(outcomes)
        for (qid, i), (pos, where) in sorted(answers_at.items(), key=lambda kv: kv[1][0]):
            target = questions[qid].answers[i].next if qid in questions and i < len(questions[qid].answers) else None
            if target is not None and target not in known:
                self.bad(pos, where, f"no question or outcome has the id {target!r}")
        # Reachability (breadth first) and loops (depth first, with the path that loops).
        reached, queue = {start}, [start]
        while queue:
            node = queue.pop()
            for answer in questions[node].answers if node in questions else ():
                if answer.next in known and answer.next not in reached:
                    reached.add(answer.next)
                    queue.append(answer.next)
        for node_id in [n for n in where_is if n not in reached]:
            pos, where = where_is[node_id]
            self.bad(pos, where, f"not reachable from start {start!r}: no answer leads here")
        # Loops: depth first, keeping the path, so that the message shows the loop; the finishing order is a
        # topological order for the longest-path count below.
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        order: list[str] = []
        looped = False

        def visit(node: str, path: list[str]) -> None:
            nonlocal looped
            state[node] = 1
            for i, answer in enumerate(questions[node].answers):
                target = answer.next
                if target not in questions:
                    continue
                if state.get(target) == 1:
                    cycle = (path + [node])[(path + [node]).index(target):] + [target]
                    pos, where = answers_at.get((node, i), ((1, 1), node))
                    self.bad(pos, where, f"leads back to {target!r}, so the questions loop ({' → '.join(cycle)}); "
                                         "the tree must not loop")
                    looped = True
                elif target not in state:
                    visit(target, path + [node])
            state[node] = 2
            order.append(node)

        visit(start, [])
        if looped:
            return
        # The most answers it can take to reach each outcome (longest path in the acyclic graph).
        depth: dict[str, tuple[int, list[str]]] = {start: (0, [start])}
        for node in reversed(order):
            if node not in depth:
                continue
            steps, path = depth[node]
            for answer in questions[node].answers:
                if answer.next in known and steps + 1 > depth.get(answer.next, (-1, []))[0]:
                    depth[answer.next] = (steps + 1, path + [answer.next])
        for node_id in outcomes:
            steps, path = depth.get(node_id, (0, []))
            if steps > MAX_ANSWERS:
                pos, where = where_is[node_id]
                self.bad(pos, where, f"takes up to {steps} answers to reach ({' → '.join(path)}); "
                                     f"at most {MAX_ANSWERS}")


def _named(where: str, node: Any) -> str:
    """`outcomes[2] (o-refer)`: the place in the file and the id, when there is one."""
    node_id = node.get("id") if isinstance(node, dict) else None
    return f"{where} ({node_id})" if isinstance(node_id, str) and node_id else where


def check_tree_text(text: str, file: str, register: Register, docs: Path | None = None) -> tuple[Tree | None, list[Problem]]:
    """Check a tree given as YAML text; return the tree (None when it has problems) and every problem."""
    return yamlio.checked(text, file, lambda data: _TreeChecker(file, register, docs).run(data))


def load_tree(root: Path, register: Register, path: Path | None = None) -> Tree:
    """The checker's tree (default `data/triage.yml` under root); UserError with every problem."""
    path = Path(path) if path is not None else Path(root) / TREE_PATH
    try:
        shown = path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{shown}: the checker's decision tree is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{shown}: cannot read the decision tree: {exc}") from None
    tree, problems = check_tree_text(text, shown, register, Path(root) / "docs")
    if problems:
        raise UserError(problems)
    return tree
