"""The legal documents register (`data/legal-register.yml`): one entry per document we cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hoagiai import yamlio
from hoagiai.errors import Problem, UserError

REGISTER_PATH = Path("data/legal-register.yml")
REQUIRED = ("id", "number", "title", "short", "issued", "status", "page", "uses", "source")
OPTIONAL = ("effective", "articles", "secondary", "aliases")


@dataclass(frozen=True)
class Document:
    id: str
    number: str
    title: str
    short: str  # the name used in citations: "Luật Hòa giải ở cơ sở", "Nghị định 15/2014/NĐ-CP"
    issued: str
    effective: str | None
    status: str
    page: str  # docs-relative Markdown path, e.g. "van-ban/luat-35-2013.md"
    uses: str
    source: tuple[str, ...]
    articles: dict[int, str] = field(default_factory=dict)
    secondary: frozenset[int] = frozenset()  # articles verified only in a secondary source
    aliases: tuple[str, ...] = ()

    def anchor(self, article: int) -> str:
        return f"dieu-{article}"

    def href(self, article: int | None = None) -> str:
        """docs-relative link target, e.g. "van-ban/luat-35-2013.md#dieu-24"."""
        return self.page + (f"#{self.anchor(article)}" if article else "")


class Register(dict[str, Document]):
    path: Path
    mentioned: dict[str, str]  # number → title: documents named in the text but not explained

    def known_number(self, number: str) -> bool:
        return number in self.mentioned or any(doc.number == number for doc in self.values())

    def article_title(self, doc_id: str, article: int) -> str | None:
        doc = self.get(doc_id)
        return doc.articles.get(article) if doc else None


def load_register(path: Path | str = REGISTER_PATH) -> Register:
    """Load and validate the register; raise UserError with every problem, naming file, line, entry and key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: the legal documents register is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read the register: {exc}") from None
    register, problems = yamlio.checked(text, str(path), lambda data: _RegisterChecker(path).run(data))
    if problems:
        raise UserError(problems)
    return register


class _RegisterChecker:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[Problem] = []

    def bad(self, pos: yamlio.Pos, where: str, message: str) -> None:
        self.problems.append(Problem(str(self.path), pos[0], pos[1], where, message))

    def run(self, data) -> tuple[Register, list[Problem]]:
        register = Register()
        register.path = self.path
        register.mentioned = {}
        top = (1, 1)
        if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
            self.bad(top, "", "top level must be a mapping with a 'documents' list (and an optional 'mentioned' list)")
            return register, self.problems
        for key in data:
            if key not in ("documents", "mentioned"):
                self.bad(yamlio.key_pos(data, key, top), str(key), "unknown key (allowed: documents, mentioned)")
        mentioned = data.get("mentioned") or []
        if not isinstance(mentioned, list):
            self.bad(yamlio.value_pos(data, "mentioned", top), "mentioned", "must be a list of {number, title, source}")
            mentioned = []
        for i, entry in enumerate(mentioned):
            pos = yamlio.item_pos(mentioned, i, top)
            if not isinstance(entry, dict) or not all(_text(entry.get(k)) for k in ("number", "title")) \
                    or not _texts(entry.get("source")):
                self.bad(pos, f"mentioned[{i}]", "needs number, title and source")
            else:
                register.mentioned[str(entry["number"])] = str(entry["title"])
        entries = data["documents"]
        for i, entry in enumerate(entries):
            self.document(register, entry, f"documents[{i}]", yamlio.item_pos(entries, i, top))
        return register, self.problems

    def document(self, register: Register, entry, where: str, pos: yamlio.Pos) -> None:
        if not isinstance(entry, dict):
            self.bad(pos, where, "each document must be a mapping")
            return
        where = f"{where} ({entry.get('id', '?')})"
        missing = [k for k in REQUIRED if entry.get(k) in (None, "", [])]
        if missing:
            self.bad(pos, where, f"missing {', '.join(missing)}")
        for key in entry:
            if key not in REQUIRED + OPTIONAL:
                self.bad(yamlio.key_pos(entry, key, pos), f"{where}.{key}",
                         f"unknown key (allowed: {', '.join(REQUIRED + OPTIONAL)})")
        for key in ("id", "number", "title", "short", "issued", "status", "page", "uses"):
            if entry.get(key) not in (None, "") and not isinstance(entry[key], str):
                self.bad(yamlio.value_pos(entry, key, pos), f"{where}.{key}",
                         "must be text (put it in quotes)")
        articles = entry.get("articles") or {}
        if not isinstance(articles, dict):
            self.bad(yamlio.value_pos(entry, "articles", pos), f"{where}.articles",
                     "must map article numbers to exact titles")
            articles = {}
        for number, title in articles.items():
            if isinstance(number, bool) or not isinstance(number, int) or not _text(title):
                self.bad(yamlio.key_pos(articles, number, yamlio.value_pos(entry, "articles", pos)),
                         f"{where}.articles.{number}", "must map an article number to its exact title")
        if entry.get("source") not in (None, "", []) and not _texts(entry["source"]):
            self.bad(yamlio.value_pos(entry, "source", pos), f"{where}.source", "must be a text or a list of texts")
        secondary = entry.get("secondary") or []
        if not isinstance(secondary, list) or any(n not in articles for n in secondary):
            self.bad(yamlio.value_pos(entry, "secondary", pos), f"{where}.secondary",
                     "must list article numbers that are in `articles`")
            secondary = []
        if entry.get("id") in register:
            self.bad(yamlio.value_pos(entry, "id", pos), f"{where}.id", f"duplicate id {entry['id']!r}")
        if self.problems:
            return
        source = entry["source"]
        register[entry["id"]] = Document(
            id=entry["id"], number=entry["number"], title=entry["title"], short=entry["short"],
            issued=entry["issued"], effective=str(entry["effective"]) if entry.get("effective") else None,
            status=entry["status"], page=entry["page"], uses=entry["uses"],
            source=tuple(map(str, source)) if isinstance(source, list) else (str(source),),
            articles={n: str(t) for n, t in articles.items()}, secondary=frozenset(secondary),
            aliases=tuple(map(str, entry.get("aliases") or ())),
        )


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts(value) -> bool:
    """One text or a non-empty list of texts."""
    return _text(value) or (isinstance(value, list) and bool(value) and all(map(_text, value)))


@cache
def default_register(root: str = ".") -> Register:
    return load_register(Path(root) / REGISTER_PATH)
