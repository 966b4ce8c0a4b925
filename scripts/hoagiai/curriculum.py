"""The curriculum map: per module its quiz bank, overview page, readings, sample lectures and objectives,
and the site's languages. Every other place asks here instead of spelling out `mo-dun-NN` or `mNN`.

Module N ↔ bank `mNN` ↔ folder `docs/chuong-trinh/mo-dun-NN/` ↔ front matter `module: N` (CONVENTIONS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hoagiai.source import is_translation, read_page

LOCALES = ("vi", "en", "km")
DEFAULT_LOCALE = "vi"
TRANSLATED_LOCALES = LOCALES[1:]
FINAL_BANK = "final"
PROGRAM_DIR = "chuong-trinh"
LECTURES_DIR = "bai-giang-mau"
LECTURE_NAME = re.compile(r"^mo-dun-(\d{2})(-[a-z0-9-]+)?\.md$")  # translations (x.en.md) do not match
_FOLDER = re.compile(r"^mo-dun-(\d{2})$")
_BANK = re.compile(r"^m(\d{2})$")
_OBJECTIVE = re.compile(r"^\s*([a-z0-9-]+)\s*:\s*(.+)$", re.DOTALL)


def bank_id(module: int) -> str:
    return f"m{module:02d}"


def module_of_bank(bank: str) -> int | None:
    m = _BANK.match(bank)
    return int(m.group(1)) if m else None


def folder(module: int) -> str:
    """docs-relative folder of a module: `chuong-trinh/mo-dun-03`."""
    return f"{PROGRAM_DIR}/mo-dun-{module:02d}"


def overview(module: int) -> str:
    return f"{folder(module)}/index.md"


def bank_overview(bank: str) -> str | None:
    """The overview page a module bank belongs to (`m03` → `chuong-trinh/mo-dun-03/index.md`)."""
    module = module_of_bank(bank)
    return overview(module) if module is not None else None


def lecture(module: int) -> str:
    """The module's main sample lecture (more may follow as `mo-dun-NN-<slug>.md`)."""
    return f"{LECTURES_DIR}/mo-dun-{module:02d}.md"


def lecture_module(path: str | Path) -> int | None:
    """Module number of a sample lecture file name, None for any other page."""
    m = LECTURE_NAME.match(Path(path).name)
    return int(m.group(1)) if m and Path(path).parent.name == LECTURES_DIR else None


@dataclass(frozen=True)
class Objective:
    id: str  # "mt1"
    text: str


@dataclass(frozen=True)
class Module:
    number: int
    readings: tuple[str, ...]  # docs-relative Vietnamese pages of the folder, overview excluded
    lectures: tuple[str, ...]
    objectives: tuple[Objective, ...]

    @property
    def bank(self) -> str:
        return bank_id(self.number)

    @property
    def folder(self) -> str:
        return folder(self.number)

    @property
    def overview(self) -> str:
        return overview(self.number)


def module_numbers(docs: Path) -> list[int]:
    base = Path(docs) / PROGRAM_DIR
    return sorted(int(m.group(1)) for p in base.iterdir() if p.is_dir() and (m := _FOLDER.match(p.name))) \
        if base.is_dir() else []


def objectives_of(meta: dict) -> tuple[Objective, ...]:
    """`objectives:` items written `mt1: text` in a module overview's front matter."""
    out = []
    for item in meta.get("objectives") or []:
        m = _OBJECTIVE.match(str(item))
        if m:
            out.append(Objective(m.group(1), m.group(2).strip()))
    return tuple(out)


def load_module(docs: Path, number: int) -> Module:
    docs = Path(docs)
    base = docs / folder(number)
    pages = sorted(p for p in base.glob("*.md") if not is_translation(p)) if base.is_dir() else []
    index = base / "index.md"
    meta = read_page(index).meta if index.is_file() else {}
    lectures = sorted(p.relative_to(docs).as_posix() for p in (docs / LECTURES_DIR).glob(f"mo-dun-{number:02d}*.md")
                      if lecture_module(p) == number)
    return Module(number, tuple(p.relative_to(docs).as_posix() for p in pages if p.name != "index.md"),
                  tuple(lectures), objectives_of(meta))


def modules(docs: Path) -> list[Module]:
    return [load_module(docs, n) for n in module_numbers(docs)]


def objective_texts(docs: Path, banks: list[str] | None = None) -> dict[tuple[str, str], str]:
    """(bank, objective id) → text for the module banks asked (all by default)."""
    wanted = None if banks is None else {module_of_bank(b) for b in banks}
    return {(m.bank, o.id): o.text for m in modules(docs) if wanted is None or m.number in wanted
            for o in m.objectives}
