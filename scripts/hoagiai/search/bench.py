"""Search quality: run benchmark queries in Chromium against a built site; hit@1, hit@3 and empty results.

Two sets: tests/search/queries.yml (one expected page per query, per language) and
tests/search/situations.yml (situations typed as a mediator would, each with the pages that answer it).
A result is a page, or an FAQ question (`hoi-dap/#hd-33`): an expected `page/#anchor` is hit by that
result only, an expected `page/` by any result on that page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hoagiai import yamlio

QUERIES = Path("tests/search/queries.yml")
SITUATIONS = Path("tests/search/situations.yml")
_RUN = """async qs => {
  const api = await window.hgSearchReady();
  await api.load();
  const out = [];
  for (const q of qs) out.push((await api.run(q)).slice(0, 5).map(r => r.url));
  return out;
}"""


@dataclass
class Result:
    lang: str
    query: str
    expect: list[str]
    urls: list[str]  # the first results' URLs (page, or page#question)

    @property
    def rank(self) -> int | None:
        for i, url in enumerate(self.urls):
            if any(url == e or ("#" not in e and url.split("#")[0] == e) for e in self.expect):
                return i + 1
        return None


def load(path: Path) -> list[dict]:
    """Queries as {lang, q, expect: [urls]} (queries.yml's single `expect` becomes a list; lang defaults to vi)."""
    items = yamlio.load_fast(path.read_text(encoding="utf-8"))
    return [{**q, "lang": q.get("lang", "vi"),
             "expect": q["expect"] if isinstance(q["expect"], list) else [q["expect"]]} for q in items]



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
        urls = page.evaluate(_RUN, [q["q"] for q in items])
        results += [Result(lang, q["q"], q["expect"], u) for q, u in zip(items, urls)]
        page.close()
    return results


def figures(results: list[Result]) -> dict[str, float]:
    n = len(results)
    return {"queries": n,
            "hit@1": round(sum(r.rank == 1 for r in results) / n, 3),
            "hit@3": round(sum(r.rank is not None and r.rank <= 3 for r in results) / n, 3),
            "zero_results": sum(not r.urls for r in results)}


def summary(results: list[Result]) -> dict[str, dict[str, float]]:
    """Per language (queries.yml)."""
    return {lang: figures([r for r in results if r.lang == lang]) for lang in sorted({r.lang for r in results})}
