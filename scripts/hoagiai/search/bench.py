"""Search quality: run the benchmark queries in Chromium against a built site, report hit@1 and hit@3."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path("tests/search/queries.yml")
_RUN = """async q => {
  const pages = await (await window.hgSearchReady()).run(q);
  return pages.slice(0, 5).map(p => p.url);
}"""


@dataclass
class Result:
    lang: str
    query: str
    expect: str
    pages: list[str]

    @property
    def rank(self) -> int | None:
        return self.pages.index(self.expect) + 1 if self.expect in self.pages else None


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run(site: Path, queries: list[dict], browser) -> list[Result]:
    """Run every query on its language's home page (file://, as a phone with the offline copy would)."""
    results = []
    by_lang: dict[str, list[dict]] = {}
    for q in queries:
        by_lang.setdefault(q["lang"], []).append(q)
    for lang, items in by_lang.items():
        page = browser.new_page()
        home = site / ("" if lang == "vi" else lang) / "index.html"
        page.goto(home.as_uri())
        page.evaluate("window.hgSearchReady().then(api => api.load())")
        for q in items:
            results.append(Result(lang, q["q"], q["expect"], page.evaluate(_RUN, q["q"])))
        page.close()
    return results


def summary(results: list[Result]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for lang in sorted({r.lang for r in results}):
        rs = [r for r in results if r.lang == lang]
        out[lang] = {"queries": len(rs),
                     "hit@1": round(sum(r.rank == 1 for r in rs) / len(rs), 3),
                     "hit@3": round(sum(r.rank is not None and r.rank <= 3 for r in rs) / len(rs), 3)}
    return out
