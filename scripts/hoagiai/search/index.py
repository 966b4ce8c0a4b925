"""Build each language's search index from the pages' content HTML: a small core read on the first search
(titles, headings, the term index; search/hg-<lang>.js) and one text file per page (search/<lang>/….js) that
search.js loads for the results it shows. The row format is written down once, in schema.json."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from hoagiai import htmltext
from hoagiai.search.data import SearchData
from hoagiai.search.text import KHMER, accented_words, tokens

SCHEMA = json.loads(files("hoagiai.search").joinpath("schema.json").read_text(encoding="utf-8"))
FIELDS = {name: [item["title"] for item in SCHEMA["$defs"][name]["prefixItems"]] for name in ("page", "doc", "section")}


def _row(row: str, **values) -> list:
    """A row in the schema's field order; a missing or unknown field is a bug here, not bad input."""
    if set(values) != set(FIELDS[row]):
        raise ValueError(f"{row} row fields {sorted(values)} != schema {FIELDS[row]}")
    return [values[name] for name in FIELDS[row]]


@dataclass
class Section:
    url: str       # site-relative, with #anchor for sub-sections
    title: str     # page title
    heading: str   # section heading ("" for the page's top part)
    text: list[str] = field(default_factory=list)
    level: int = 0  # heading level 2-4, 0 for the top part

    def at(self, page_url: str) -> Section:
        """The same section on the page at page_url (sections are built with url "" or "#anchor")."""
        return Section(page_url + self.url, self.title, self.heading, self.text, self.level)

    @property
    def anchor(self) -> str:
        return self.url.partition("#")[2]


_EXCLUDED = htmltext.start_tags(["script", "style", "nav", "svg"])
# Quiz answers and explanations are marked data-search-exclude; the questions themselves (class hg-quiz) are
# no answer to a situation either: a quiz page stays findable by its title and headings.
_EXCLUDED_BY_ATTRIBUTE = ("data-search-exclude", 'class="headerlink"', 'class="hg-quiz"')
_HEADING = re.compile(r"<h([1-4])\b([^>]*)>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]*)"')


def _searchable(content_html: str) -> str:
    """The HTML without comments, scripts, navigation, icons, quizzes and what is marked data-search-exclude."""
    spans = htmltext.outermost_spans(content_html, _EXCLUDED)
    for attribute in _EXCLUDED_BY_ATTRIBUTE:
        spans += htmltext.spans_of_tags_with(content_html, attribute)
    kept, pos = [], 0
    for start, end in sorted(spans):
        if end > pos:  # a span inside one already dropped adds nothing
            kept.append(content_html[pos:max(pos, start)])
            pos = end
    kept.append(content_html[pos:])
    return "".join(kept)


def page_sections(content_html: str, url: str, title: str, description: str = "") -> list[Section]:
    """Split content HTML into sections at h2–h4 headings with an id (an h1's text is the page title)."""
    html = _searchable(content_html)
    sections = [Section(url, title, "", [description + " "])]
    pos = 0
    for m in _HEADING.finditer(html):
        sections[-1].text.append(htmltext.strip_tags(html[pos:m.start()]))
        heading_id = (_ID.search(m.group(2)) or [None, ""])[1]
        if m.group(1) != "1" and heading_id:
            heading = " ".join(html_lib.unescape(htmltext.strip_tags(m.group(3))).split())
            sections.append(Section(f"{url}#{heading_id}", title, heading, level=int(m.group(1))))
        elif m.group(1) != "1":  # a heading no link can reach: its words stay in its section's text
            sections[-1].text.append(f" {htmltext.strip_tags(m.group(3))} ")
        pos = m.end()
    sections[-1].text.append(htmltext.strip_tags(html[pos:]))
    for sec in sections:
        sec.text = [html_lib.unescape("".join(sec.text))]
    return [s for s in sections if s.heading or s.text[0].strip() or s is sections[0]]


# What a page is, from its URL (language prefix and .html removed): search.js weighs body words by kind
# (its KIND_WEIGHT), so that cases, FAQ answers, readings and law come before quizzes and overviews.
KINDS = [
    (r"(tinh-huong/tinh-huong-\d+|dan-toc-thieu-so/tinh-huong-dtts-\d+)/", "case"),
    (r"hoi-dap/", "faq"),
    (r"van-ban/[^/]+/", "law"),
    (r"(chuong-trinh/|chuong-trinh/mo-dun-\d+/|tinh-huong/|van-ban/|bieu-mau/|dan-toc-thieu-so/|bai-giang-mau/"
     r"|huong-dan-tap-huan-vien/|cong-cu/)?", "overview"),
    (r"tu-kiem-tra/", "quiz"),
    (r"tien-do/", "progress"),
    (r"ban-dich-cho-ra-soat/", "review"),
    (r"gui-cau-hoi/", "ask"),
    (r"(bai-giang-mau|huong-dan-tap-huan-vien)/.+", "trainer"),
]


def _path(url: str) -> str:
    """"en/tinh-huong/tinh-huong-12.html" → "tinh-huong/tinh-huong-12/"; the home page → ""."""
    path = re.sub(r"^(en|km)/", "", url.split("#")[0])
    path = path.removesuffix("index.html")
    return path.removesuffix(".html") + "/" if path.endswith(".html") else path


def kind_of(url: str) -> str:
    path = _path(url)
    return next((kind for pattern, kind in KINDS if re.fullmatch(pattern, path)), "reading")


def text_name(lang: str, url: str) -> str:
    """The page's text file (without search/ and .js): "vi/tinh-huong/tinh-huong-12"; the home page "vi/index"."""
    path = re.sub(r"^(en|km)/", "", url.split("#")[0]).removesuffix(".html").rstrip("/")
    return f"{lang}/{path or 'index'}"


def _pages(sections: list[Section]):
    """(page URL, its sections): a page's sections are consecutive."""
    first = 0
    for i in range(1, len(sections) + 1):
        if i == len(sections) or sections[i].url.split("#")[0] != sections[first].url.split("#")[0]:
            yield sections[first].url.split("#")[0], sections[first:i]
            first = i


@cache  # fallback pages repeat the same sections in every language
def _joined(parts: tuple[str, ...]) -> str:
    return " ".join("".join(parts).split())


def _encode(postings: dict[int, int]) -> str:
    out, previous = [], 0
    for doc in sorted(postings):
        tf = min(postings[doc], 35)
        out.append(_base36(doc - previous) + (f".{_base36(tf)}" if tf > 1 else ""))
        previous = doc
    return ",".join(out)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def build_index(sections: list[Section], data: SearchData | None = None, lang: str = "vi") -> tuple[dict, dict]:
    """(core, texts): the core follows schema.json; texts maps each page's text file name to its sections' texts."""
    data = data or SearchData()
    pages, docs, rows, texts = [], [], [], {}
    terms: dict[str, dict[int, int]] = defaultdict(dict)  # token -> {section: body frequency}
    spellings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for url, block in _pages(sections):
        kind, name = kind_of(url), text_name(lang, url)
        page = len(pages)
        pages.append(_row("page", url=url, title=block[0].title, text=name))
        texts[name] = [_joined(tuple(sec.text)) for sec in block]
        # An FAQ page: each question (h3) is a result of its own, titled with the question.
        questions = [sec for sec in block if sec.level == 3] if kind == "faq" else []
        doc_of = {id(sec): len(docs) + 1 + questions.index(sec) if sec in questions else len(docs) for sec in block}
        parts = [("", block[0].title, [s for s in block if s not in questions])]
        parts += [(sec.anchor, sec.heading, [sec]) for sec in questions]
        section_tokens = [tokens(text) for text in texts[name]]  # a doc's length: its sections' token counts
        for anchor, title, members in parts:
            at = [block.index(sec) for sec in members]
            doc = len(docs)
            for folded, word in accented_words(" ".join(texts[name][i] for i in at)):
                spellings[folded][word].add(doc)
            docs.append(_row("doc", page=page, anchor=anchor, title=title, kind=kind,
                             length=sum(len(section_tokens[i]) for i in at)))
        for sec, text, toks in zip(block, texts[name], section_tokens):
            for tok, n in Counter(toks).items():
                terms[tok][len(rows)] = n
            rows.append(_row("section", doc=doc_of[id(sec)], anchor=sec.anchor, heading=sec.heading, level=sec.level,
                             khmer=" ".join(KHMER.findall(text))))
    core = {
        "version": SCHEMA["properties"]["version"]["const"], "lang": lang, "fields": FIELDS,
        "pages": pages, "docs": docs, "sections": rows,
        **_postings(terms, rows),
        "accents": _accents(spellings, _by_doc(terms, rows)),
        "synonyms": data.groups, "mappings": [list(m) for m in data.mappings],
        "suggestions": [list(s) for s in data.suggestions.get(lang, [])],
    }
    return core, texts


# A token in more than this share of the sections ("hòa", "có", "không") is posted per doc, not per section:
# a third of the core's size saved, and where such a word stands within a page tells little.
COMMON_SHARE = 0.2


def _postings(terms: dict[str, dict[int, int]], sections: list[list]) -> dict[str, dict[str, str]]:
    """"terms": token -> postings over sections; "common": the most common tokens -> postings over docs."""
    doc = FIELDS["section"].index("doc")
    out: dict[str, dict[str, str]] = {"terms": {}, "common": {}}
    for tok in sorted(terms):
        if len(terms[tok]) > COMMON_SHARE * len(sections):
            per_doc: dict[int, int] = {}
            for s, n in terms[tok].items():
                per_doc[sections[s][doc]] = per_doc.get(sections[s][doc], 0) + n
            out["common"][tok] = _encode(per_doc)
        else:
            out["terms"][tok] = _encode(terms[tok])
    return out


def _by_doc(terms: dict[str, dict[int, int]], sections: list[list]) -> dict[str, set[int]]:
    doc = FIELDS["section"].index("doc")
    return {tok: {sections[s][doc] for s in postings} for tok, postings in terms.items()}


def _accents(spellings: dict[str, dict[str, set[int]]], docs_with: dict[str, set[int]]) -> dict[str, list[str]]:
    """For a token written more than one way: the most frequent spelling with the docs lacking it, then the others
    with the docs holding them (most docs hold the most frequent spelling only, so this stays small)."""
    out = {}
    for folded in sorted(spellings):
        forms = spellings[folded]
        if len(forms) < 2 and folded in forms:
            continue  # only ever written as itself
        main = max(sorted(forms), key=lambda w: len(forms[w]))
        entry = [main, _encode(dict.fromkeys(docs_with[folded] - forms[main], 1))]
        for form in sorted(forms):
            if form != main:
                entry += [form, _encode(dict.fromkeys(forms[form], 1))]
        out[folded] = entry
    return out


def build_shared_index(sections: list[Section], vi_sections: list[Section], prefix: str,
                       data: SearchData | None = None, lang: str = "en") -> tuple[dict, dict]:
    """The index of a language whose pages are mostly Vietnamese pages shown as fallback: it holds its own
    pages only, and refers to the Vietnamese index for a page whose sections are the Vietnamese page's
    ("plan": [[0 own or 1 Vietnamese, first page, count], ...] in page order; "prefix": the URL prefix of
    this language). search.js merges the two into the index `build_index(sections)` would give."""
    vi_pages = {url: (i, block) for i, (url, block) in enumerate(_pages(vi_sections))}
    own, plan, own_pages = [], [], 0
    for url, block in _pages(sections):
        first, vi_block = vi_pages.get(url.removeprefix(prefix), (0, []))
        if url.startswith(prefix) and _same_sections(block, vi_block, prefix):
            step = [1, first, 1]
        else:
            step = [0, own_pages, 1]
            own += block
            own_pages += 1
        if plan and plan[-1][0] == step[0] and plan[-1][1] + plan[-1][2] == step[1]:
            plan[-1][2] += 1  # one step for a run of consecutive pages
        else:
            plan.append(step)
    core, texts = build_index(own, data, lang)
    return {**core, "plan": plan, "prefix": prefix}, texts


def _same_sections(block: list[Section], vi_block: list[Section], prefix: str) -> bool:
    return len(block) == len(vi_block) and all(
        a.url == prefix + b.url and (a.title, a.heading, a.text, a.level) == (b.title, b.heading, b.text, b.level)
        for a, b in zip(block, vi_block))


def _script(global_name: str, key: str, value) -> str:
    """A .js file (not .json) so it also loads from file://, where fetch/XHR are blocked."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return f'(window.{global_name}=window.{global_name}||{{}})["{key}"]={data};\n'


def write(site_dir: Path, lang: str, core: dict, texts: dict[str, list[str]]) -> None:
    """search/hg-<lang>.js (window.HG_SEARCH[lang]) and search/<text>.js for each page (window.HG_SEARCH_TEXT)."""
    folder = Path(site_dir) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"hg-{lang}.js").write_text(_script("HG_SEARCH", lang, core), encoding="utf-8")
    for name, page_texts in texts.items():
        path = folder / f"{name}.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_script("HG_SEARCH_TEXT", name, page_texts), encoding="utf-8")


def write_language(site_dir: Path, lang: str, sections: list[Section], vi_sections: list[Section] | None,
                   prefix: str, data: SearchData) -> None:
    """The one call the build makes per language, after its pages: Vietnamese first-class, en and km
    referring to the Vietnamese index for the pages they show in Vietnamese."""
    if lang == "vi" or vi_sections is None:
        core, texts = build_index(sections, data, lang)
    else:
        core, texts = build_shared_index(sections, vi_sections, prefix, data, lang)
    write(site_dir, lang, core, texts)
