"""The legal documents register (`data/legal-register.yml`): one entry per document we cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from hoagiai.errors import Problem, UserError
from hoagiai.frontmatter import load_yaml

REGISTER_PATH = Path("data/legal-register.yml")
REQUIRED = ("id", "number", "title", "short", "issued", "status", "page", "uses", "source")


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
    """Load and validate the register; raise UserError naming the file, entry and key."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: the legal documents register is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise UserError([Problem(str(path), line, 0, "", f"YAML syntax: {getattr(exc, 'problem', exc)}")]) from None
    problems: list[Problem] = []
    register = Register()
    register.path = path
    register.mentioned = {}
    for i, entry in enumerate(data.get("mentioned") or []):
        if not isinstance(entry, dict) or not entry.get("number") or not entry.get("title") or not entry.get("source"):
            problems.append(Problem(str(path), 0, 0, f"mentioned[{i}]", "needs number, title and source"))
        else:
            register.mentioned[str(entry["number"])] = entry["title"]
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UserError(f"{path}: top level must be a mapping with a 'documents' list")
    for i, entry in enumerate(entries):
        where = f"documents[{i}]"
        if not isinstance(entry, dict):
            problems.append(Problem(str(path), 0, 0, where, "each document must be a mapping"))
            continue
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing:
            problems.append(Problem(str(path), 0, 0, f"{where} ({entry.get('id', '?')})",
                                    f"missing {', '.join(missing)}"))
            continue
        articles = entry.get("articles") or {}
        if not all(isinstance(k, int) and isinstance(v, str) for k, v in articles.items()):
            problems.append(Problem(str(path), 0, 0, f"{where} ({entry['id']})",
                                    "articles must map article numbers to exact titles"))
            continue
        if entry["id"] in register:
            problems.append(Problem(str(path), 0, 0, where, f"duplicate id {entry['id']!r}"))
            continue
        register[entry["id"]] = Document(
            id=entry["id"], number=str(entry["number"]), title=entry["title"], short=entry["short"],
            issued=str(entry["issued"]), effective=str(entry["effective"]) if entry.get("effective") else None,
            status=entry["status"], page=entry["page"], uses=entry["uses"],
            source=tuple(entry["source"]) if isinstance(entry["source"], list) else (entry["source"],),
            articles=dict(articles), secondary=frozenset(entry.get("secondary") or ()),
            aliases=tuple(entry.get("aliases") or ()),
        )
    if problems:
        raise UserError(problems)
    return register


@cache
def default_register(root: str = ".") -> Register:
    return load_register(Path(root) / REGISTER_PATH)
