"""One reader for the Markdown sources: front matter, fenced code, numbered body lines, headings.

Every checker and tool reads pages through `read_page` / `parse_markdown`, so they agree on what is code,
what is the front matter and which line a problem is on.
- Front matter is split exactly as MkDocs splits it (`---` … `---` or `...`, then blank lines dropped) and
  read with the project's one YAML reading (`hoagiai.yamlio`); scalars that MkDocs' YAML 1.1 would read
  differently are reported so they can be quoted.
- Blocks come from markdown-it-py (CommonMark; its tokens carry line maps): fences of any length with ```
  and ~~~, also inside admonitions, details and tabs (`!!!`, `???`, `===`, bodies indented four spaces, as
  in Python-Markdown). Indented text is never code here: the site indents only container bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from hoagiai import yamlio
from hoagiai.errors import Problem, shown_path
from hoagiai.slugs import slugify

FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as mkdocs.utils.meta
_CONTAINER = re.compile(r"(?:!!!|\?\?\?\+?|===\+?)[ \t]")
_HEADING_ID = re.compile(r"\s*\{\s*#([^\s}]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    line: int  # in the file
    level: int
    text: str  # without an explicit `{ #id }`
    explicit_id: str | None

    @property
    def id(self) -> str:
        return self.explicit_id or slugify(self.text)


@dataclass
class Page:
    """A Markdown source as the tools see it. Line numbers are the file's (front matter included)."""

    file: str  # as shown in messages
    text: str
    meta: dict = field(default_factory=dict)  # {} without valid front matter
    meta_text: str | None = None  # the YAML between the --- lines
    meta_problems: list[Problem] = field(default_factory=list)  # not YAML, or not a mapping
    body_start: int = 1  # line number of the body's first line (MkDocs drops blank lines after the front matter)

    @cached_property
    def ambiguities(self) -> list[Problem]:
        """Front matter scalars MkDocs (YAML 1.1) reads differently from our tools (YAML 1.2): quote them."""
        return yamlio.ambiguous_scalars(self.meta_text, self.file, line_offset=1) if self.meta_text else []

    @property
    def has_front_matter(self) -> bool:
        return self.meta_text is not None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def body(self) -> str:
        """The body MkDocs hands to Markdown (front matter and the blank lines after it dropped)."""
        return "\n".join(self.lines[self.body_start - 1:]) + ("\n" if self.text.endswith("\n") else "")

    @cached_property
    def _tokens(self):
        return _parser().parse(self.body)

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """File line numbers inside fenced code blocks, fences included."""
        found: set[int] = set()
        if "```" not in self.body and "~~~" not in self.body:
            return frozenset()  # no fence at all: no need to parse the page
        for token in self._tokens:
            if token.type == "fence" and token.map:
                found.update(range(token.map[0] + self.body_start, token.map[1] + self.body_start))
        return frozenset(found)

    def prose(self):
        """(line number, line) of the body outside fenced code."""
        code = self.code_lines
        for number in range(self.body_start, len(self.lines) + 1):
            if number not in code:
                yield number, self.lines[number - 1]

    @cached_property
    def prose_text(self) -> str:
        return "\n".join(line for _, line in self.prose())

    @cached_property
    def headings(self) -> list[Heading]:
        out = []
        tokens = self._tokens
        for i, token in enumerate(tokens):
            if token.type == "heading_open" and token.map:
                raw = tokens[i + 1].content
                m = _HEADING_ID.search(raw)
                text = raw[:m.start()] if m else raw
                out.append(Heading(token.map[0] + self.body_start, int(token.tag[1]), text.strip(),
                                   m.group(1) if m else None))
        return out

    def anchors(self) -> list[str]:
        """Heading ids in order, as the build gives them (explicit `{ #id }`, else slugified, `_N` for repeats)."""
        seen: dict[str, int] = {}
        out = []
        for heading in self.headings:
            hid = heading.id
            if heading.explicit_id is None and hid in seen:
                seen[hid] += 1
                hid = f"{hid}_{seen[hid]}"
            else:
                seen.setdefault(hid, 0)
            out.append(hid)
        return out


@lru_cache(maxsize=1024)  # a page shown in three languages is read once; Page is not changed by its readers
def parse_markdown(text: str, file: str = "", *, front_matter: bool = True) -> Page:
    """Read a Markdown text: a whole page file, or (front_matter=False) a body MkDocs hands to a hook."""
    m = FRONT_MATTER.match(text) if front_matter else None
    if not m:
        return Page(file, text)
    meta_text = m.group(1)
    rest = text[m.end():]
    body_start = text[:m.end()].count("\n") + 1 + (len(rest) - len(rest.lstrip("\n")))
    problems: list[Problem] = []
    try:
        meta = yamlio.load_fast(meta_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(file, mark.line + 2 if mark else 1, 0, "front matter",
                                f"not valid YAML: {getattr(exc, 'problem', None) or exc}"))
        meta = {}
    if not isinstance(meta, dict):
        problems.append(Problem(file, 2, 0, "front matter", "must be a mapping of keys (title: …)"))
        meta = {}
    return Page(file, text, meta, meta_text, problems, body_start)


def read_page(path: Path, root: Path | None = None) -> Page:
    """Read a page file; messages name it relative to `root` when it lies inside."""
    return parse_markdown(Path(path).read_text(encoding="utf-8"), shown_path(path, root))


def is_translation(path: Path | str) -> bool:
    """`page.en.md`, `page.km.md` (mkdocs-static-i18n suffix structure)."""
    return Path(path).name.count(".") > 1


# --- markdown-it-py set-up --------------------------------------------------------------------------------

def _container(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Python-Markdown containers (admonition `!!!`, details `???`, tabs `===`): the indented body is parsed
    as blocks, so that fences inside are found."""
    pos = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] - state.blkIndent >= 4 or not _CONTAINER.match(state.src, pos, state.eMarks[start]):
        return False
    if silent:
        return True
    line = start + 1
    while line < end:  # the body: blank lines and lines indented past the marker's column
        if not state.isEmpty(line) and state.sCount[line] < state.blkIndent + 4:
            break
        line += 1
    old = (state.parentType, state.lineMax, state.blkIndent)
    state.parentType, state.lineMax, state.blkIndent = "container", line, state.blkIndent + 4
    token = state.push("container_open", "div", 1)
    token.map = [start, line]
    state.md.block.tokenize(state, start + 1, line)
    state.push("container_close", "div", -1)
    state.parentType, state.lineMax, state.blkIndent = old
    state.line = line
    return True


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").disable("code")  # indentation means a container body, never code
    md.block.ruler.before("fence", "container", _container)
    return md
