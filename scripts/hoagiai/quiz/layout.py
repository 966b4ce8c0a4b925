"""The layout of printed papers (`papers.json`): what a participant saw, so a sheet can be scored.

Papers print options (and ordering items) a, b, c, … top to bottom in a shuffled order, different on every
variant. The layout records, for each paper (`pre`, `post` or `test`) and variant (A, B, …), the questions in
printed order and each question's printed letter → bank option (or item) id. `hoagiai evaluate` reads the
sheet's printed letters through it; the banks' own option order matters nowhere.

    {"format": "hoagiai-papers/1", "seed": 7, "banks": ["m03"],
     "papers": [{"code": "m03-pre-A", "paper": "pre", "variant": "A",
                 "questions": [{"id": "m03-q04", "letters": {"a": "c", "b": "a", "c": "d", "d": "b"}}, …]}, …]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hoagiai.errors import UserError

FORMAT = "hoagiai-papers/1"
FILE = "papers.json"


@dataclass(frozen=True)
class PrintedQuestion:
    id: str
    letters: dict[str, str]  # printed letter -> bank option id (ordering: item id), in printed order

    def bank_ids(self, printed: list[str]) -> list[str | None]:
        """Bank ids for printed letters (None for a letter that was not printed)."""
        return [self.letters.get(letter) for letter in printed]


@dataclass(frozen=True)
class PaperLayout:
    code: str  # printed on every page: "m03-pre-A"
    paper: str  # "pre", "post" or "test"
    variant: str  # "A", "B", …
    questions: tuple[PrintedQuestion, ...]  # in printed order

    def question(self, qid: str) -> PrintedQuestion | None:
        return next((q for q in self.questions if q.id == qid), None)


@dataclass(frozen=True)
class Layout:
    seed: int
    banks: tuple[str, ...]
    papers: tuple[PaperLayout, ...]
    file: str = FILE  # as shown in messages

    def paper(self, paper: str, variant: str) -> PaperLayout | None:
        return next((p for p in self.papers if p.paper == paper and p.variant == variant), None)

    def variants(self, paper: str) -> list[str]:
        return [p.variant for p in self.papers if p.paper == paper]

    def to_json(self) -> str:
        """JSON with one line per printed question, so a person can read it too."""
        def dump(value) -> str:
            return json.dumps(value, ensure_ascii=False)

        papers = ",\n".join(
            f'  {{"code": {dump(p.code)}, "paper": {dump(p.paper)}, "variant": {dump(p.variant)}, "questions": [\n'
            + ",\n".join(f"    {dump({'id': q.id, 'letters': q.letters})}" for q in p.questions) + "]}"
            for p in self.papers)
        return (f'{{"format": {dump(FORMAT)}, "seed": {self.seed}, "banks": {dump(list(self.banks))},\n'
                f' "papers": [\n{papers}]}}\n')


def parse_layout(text: str, file: str = FILE) -> Layout:
    """Read a layout; anything that is not one written by `hoagiai quiz paper` is a UserError naming the file."""
    def bad(why: str) -> UserError:
        return UserError(f"{file}: not a papers layout written by `hoagiai quiz paper` or `hoagiai course` ({why})")

    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise UserError(f"{file}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f"expected \"format\": \"{FORMAT}\"")
    try:
        papers = tuple(
            PaperLayout(str(p["code"]), str(p["paper"]), str(p["variant"]),
                        tuple(PrintedQuestion(str(q["id"]), {str(k): str(v) for k, v in q["letters"].items()})
                              for q in p["questions"]))
            for p in data["papers"])
        return Layout(int(data["seed"]), tuple(str(b) for b in data["banks"]), papers, file)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise bad(f"missing or wrong field {exc}") from None


def load_layout(path: Path, shown: str | None = None) -> Layout:
    shown = shown or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{shown}: no layout file: keep the {FILE} written beside the papers and the scores "
                        "template, or name it with --layout") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{shown}: cannot read the layout: {exc}") from None
    return parse_layout(text, shown)
