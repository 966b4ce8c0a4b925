"""What our build adds to MkDocs, as one object the glue (scripts/mkdocs_hooks.py) forwards events to.

static-i18n builds the site once per language: vi first, then en and km nested inside vi's post-build. This
class keeps the state across those builds (data loaded once, per-language URLs, search sections, 404 pages)
and decides what happens after each language's build (search index, sitemaps, 404 moves, PWA files).
It knows nothing of MkDocs' objects: pages arrive as `PageRef`, file lookups as a `resolve` function.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from hoagiai import curriculum, pages, province, reading, sitemaps
from hoagiai.content import register_page, translations
from hoagiai.content.citations import Citations, link_citations
from hoagiai.content.register import REGISTER_PATH, load_register
from hoagiai.errors import UserError
from hoagiai.forms import embed as form_embed
from hoagiai.forms.model import FORMS_DIR, load_forms
from hoagiai.forms.render import render_form
from hoagiai.htmltext import Unmatched
from hoagiai.i18n import t
from hoagiai.lessons.model import check_lesson_text, objective_catalog
from hoagiai.lessons.notes import collapse_trainer_notes
from hoagiai.pages.lang import mark_foreign_runs
from hoagiai.publish import pwa
from hoagiai.quiz.embed import embed_quizzes, register_link_for, restore_blocks
from hoagiai.quiz.loader import BANKS_DIR, load_banks
from hoagiai.quiz.markers import front_matter_line_offset
from hoagiai.search import data as search_data
from hoagiai.search import index as search_index
from hoagiai.source import parse_markdown, read_page
from hoagiai.triage import embed as triage_embed
from hoagiai.triage.model import TREE_PATH, load_tree
from hoagiai.triage.render import render_tree
from hoagiai.urls import relative_url

TRIAGE_ASSETS = ("assets/tools/triage.css", "assets/tools/triage.js")  # loaded only where the checker is
Resolve = Callable[[str], "str | None"]  # docs path → site URL in the language being built, None if absent


@cache
def _background() -> ProcessPoolExecutor:
    """One worker process, started clean (spawn: never a fork of MkDocs' threads), kept for the whole run."""
    return ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))


def _finish_html(output: str, locale: str) -> str:
    """A whole HTML page as written: theme markup repaired, lang on Khmer/Vietnamese runs, white space between
    tags compacted."""
    return pages.compact(mark_foreign_runs(pages.fix_theme_html(output), locale))


@dataclass
class PageRef:
    """The page facts our transforms need (the glue copies them from MkDocs' Page)."""

    src_uri: str  # docs-relative source path: "chuong-trinh/mo-dun-03/index.md"
    abs_src_path: str
    url: str  # site-relative URL in this language: "en/chuong-trinh/mo-dun-03/"
    title: str
    meta: dict  # the page's front matter; our transforms leave notes in it for later events
    file_locale: str  # the language of the source file (vi for a fallback page in en/km)
    canonical_url: str | None = None  # the page's public address (from site_url)


@dataclass
class SiteBuild:
    root: Path
    warn: Callable[[str], None]
    use_directory_urls: bool = True
    site_id: str = "hoagiai"
    province: dict = field(default_factory=dict)
    site_url: str | None = None
    site_name: str = ""
    offline: bool = False
    _stamp: list | None = None
    _building: list[str] = field(default_factory=list)
    _urls: dict[str, list[str]] = field(default_factory=dict)
    _404: dict[str, str] = field(default_factory=dict)
    _sections: dict[str, list] = field(default_factory=dict)
    _content: dict = field(default_factory=dict)  # fallback pages: same content HTML in every language
    _file_urls: dict[str, dict] = field(default_factory=dict)
    _read: set[str] = field(default_factory=set)  # sources whose front matter was checked
    _forms_html: dict[str, str] = field(default_factory=dict)
    _site_dir: Path | None = None
    _vi_index: Future | None = None  # the Vietnamese search files, being written in another process
    objective_catalog: dict | None = None  # module -> ModuleObjectives, for lectures' quiz_objectives

    # --- configuration and data ---------------------------------------------------------------------------
    def configure(self, *, use_directory_urls: bool, site_id: str, province_settings: dict,
                  site_url: str | None = None, site_name: str = "", offline: bool = False) -> None:
        """Called once per language build; the data files are read again only when one has changed."""
        self.use_directory_urls, self.site_id, self.province = use_directory_urls, site_id, province_settings
        self.site_url, self.site_name, self.offline = site_url, site_name, offline
        data = [self.root / REGISTER_PATH, self.root / search_data.SYNONYMS, self.root / search_data.SUGGESTIONS,
                self.root / TREE_PATH, *sorted((self.root / FORMS_DIR).glob("*.yml")),
                *sorted((self.root / BANKS_DIR).glob("*.yml"))]
        stamp = [(p, p.stat().st_mtime_ns) for p in data if p.exists()]
        if self._stamp != stamp:
            self._load_data(data, stamp)
        # Lectures' quiz_objectives are checked against the module overviews (read again: they may change
        # while serving) and the banks.
        self.objective_catalog = objective_catalog(self.root, self.banks)

    def _load_data(self, data: list[Path], stamp: list) -> None:
        self.register = load_register(data[0])
        self.citations = Citations(self.register)
        try:
            self.search = search_data.load(self.root)  # synonyms, village words, suggestions
        except UserError as exc:
            raise UserError([f"search data:\n{exc}"]) from None
        try:
            self.banks = load_banks(root=self.root, register=self.register)
        except UserError as exc:  # the same messages as `hoagiai quiz check`
            raise UserError([f"quiz banks:\n{exc}"]) from None
        # The checker's decision tree (data/triage.yml), when the site has one; a page using it needs it.
        self.tree = load_tree(self.root, self.register) if (self.root / TREE_PATH).exists() else None
        self.forms = load_forms(self.root, self.citations)
        self._stamp = stamp

    def start(self, locale: str, site_dir: Path) -> None:
        self._building.append(locale)
        if locale == curriculum.DEFAULT_LOCALE:
            self._site_dir = Path(site_dir)
        elif self._vi_index is None and self._sections.get(curriculum.DEFAULT_LOCALE):
            # The Vietnamese pages are all done (static-i18n builds en and km inside vi's post-build): write
            # their search files on the other core while the en and km pages render.
            self._vi_index = _background().submit(
                search_index.write_language, self._site_dir, curriculum.DEFAULT_LOCALE,
                self._sections[curriculum.DEFAULT_LOCALE], None, "", self.search)

    def resolver(self, locale: str, lookup: Resolve) -> Resolve:
        """`lookup` cached per language (static-i18n's file lookup is slow; citations ask often)."""
        known = self._file_urls.setdefault(locale, {})

        def resolve(path: str) -> str | None:
            if path not in known:
                known[path] = lookup(path)
            return known[path]

        return resolve

    def template_globals(self, locale: str) -> dict:
        return {"hg_t": lambda key: t(key, locale),
                "hg_province": lambda key: province.text(self.province, key, locale),
                "hg_province_set": lambda key: province.is_set(self.province.get(key))}

    # --- pages -------------------------------------------------------------------------------------------
    def page_markdown(self, markdown: str, page: PageRef, locale: str, resolve: Resolve) -> str:
        source = Path(page.abs_src_path).read_text(encoding="utf-8")  # the file, front matter included
        shown = f"docs/{page.src_uri}"
        if page.abs_src_path not in self._read:  # each source once: MkDocs read its front matter as YAML 1.1
            self._read.add(page.abs_src_path)
            for problem in parse_markdown(source, shown).ambiguities:
                self.warn(str(problem))  # the strict build fails: the two readings disagree, quote the value
        if locale == curriculum.DEFAULT_LOCALE and curriculum.lecture_module(page.src_uri) is not None:
            for problem in check_lesson_text(source, shown, self.objective_catalog)[1]:
                self.warn(str(problem))  # the strict build fails on a lesson whose agenda does not add up
        line_offset = front_matter_line_offset(source, markdown)  # before any change: the body is the file's tail
        markdown = self._embed_quizzes(markdown, page, locale, resolve, line_offset)
        markdown, page.meta["hg_triage"] = triage_embed.mark(markdown)
        markdown = self._embed_forms(markdown, page, line_offset)
        markdown = pages.nfc(markdown)
        markdown = collapse_trainer_notes(markdown)  # trainer notes: collapsed on the site
        markdown = province.fill(markdown, self.province, locale=locale, page=page.src_uri)
        markdown = register_page.fill(markdown, self.register, page.src_uri)
        markdown = translations.fill(markdown, self.root / "docs", page.src_uri)
        page.meta["hg_fallback"] = page.file_locale != locale
        return markdown

    def _embed_quizzes(self, markdown: str, page: PageRef, locale: str, resolve: Resolve, line_offset: int) -> str:
        if "<!-- quiz" not in markdown:
            return markdown

        def relative(path: str) -> str | None:  # docs path → URL relative to this page, in this language
            url = resolve(path)
            return relative_url(page.url, url) if url is not None else None

        def bank_page(bank_id: str) -> str | None:
            overview = curriculum.bank_overview(bank_id)
            return relative(overview) if overview else None

        link_for = register_link_for(self.register, page=page.src_uri, locale=locale,
                                     use_directory_urls=self.use_directory_urls, resolve=relative)
        # The blocks wait in page.meta and go into the HTML after Markdown (which need not parse them).
        return embed_quizzes(markdown, page=f"docs/{page.src_uri}", banks=self.banks,
                             line_offset=line_offset, locale=locale,
                             link_for=link_for, site_id=self.site_id, href_for_bank=bank_page,
                             stash=page.meta.setdefault("hg_quiz_blocks", []))

    def _embed_forms(self, markdown: str, page: PageRef, line_offset: int) -> str:
        if "<!-- form" not in markdown:
            return markdown

        def render(form_id: str) -> str:  # the same Vietnamese form in every language: rendered once a build
            if form_id not in self._forms_html:
                self._forms_html[form_id] = render_form(
                    self.forms.forms[form_id], self.forms.ui, site_id=self.site_id, province=self.province,
                    mail_subject=t("mail.subject", curriculum.DEFAULT_LOCALE))
            return self._forms_html[form_id]

        return form_embed.embed_forms(markdown, page=f"docs/{page.src_uri}", src_uri=page.src_uri, forms=self.forms,
                                      line_offset=line_offset, render=render,
                                      stash=page.meta.setdefault("hg_form_blocks", []))

    def page_content(self, html: str, page: PageRef, locale: str, resolve: Resolve) -> str:
        def href_for(target: str) -> str:  # "van-ban/luat-35-2013.md#dieu-24" → URL relative to this page
            path, _, anchor = target.partition("#")
            return relative_url(page.url, resolve(path)) + (f"#{anchor}" if anchor else "")

        if page.meta.get("hg_quiz_blocks"):  # one shared, cached file each, loaded only where a quiz is
            html = pages.asset_tags(relative_url(page.url, "assets/quiz/quiz.css"),
                                    relative_url(page.url, "assets/quiz/quiz.js")) + html
        html = restore_blocks(html, page.meta.get("hg_quiz_blocks"))
        if page.meta.get("hg_triage"):
            html = self._triage(html, page, locale, resolve, href_for)
        html = self._page_assets(page) + html
        if page.meta.get("hg_form_blocks"):  # the same for the fillable forms (docs/bieu-mau/, gui-cau-hoi)
            html = pages.asset_tags(relative_url(page.url, "assets/forms/forms.css"),
                                    relative_url(page.url, "assets/forms/forms.js")) + html
            html = form_embed.restore_blocks(html, page.meta["hg_form_blocks"])
        # A page shown as fallback in en and km has the same content HTML (and relative links) as in vi:
        # link and split it once.
        key = (html, page.title, page.meta.get("description", ""))
        if key not in self._content:
            try:
                linked, problems = link_citations(html, self.citations, href_for, page.file_locale)  # quiz text too
                sections = search_index.page_sections(linked, "", *key[1:])
            except Unmatched as exc:  # raw HTML in the Markdown that does not close
                linked, problems, sections = html, [f"{exc}: citations not linked, page not searchable"], []
            for problem in problems:
                self.warn(f"{page.src_uri}: {problem}")
            self._content[key] = (linked, sections)
        html, sections = self._content[key]
        self._sections.setdefault(locale, []).extend(s.at(page.url) for s in sections)
        html = self._reading_aids(html, page, locale, resolve)  # after the search sections: not content
        if page.meta.get("hg_fallback"):
            return pages.fallback_notice(locale) + pages.wrap_lang(html, curriculum.DEFAULT_LOCALE)
        if page.meta.get("review") == "pending":
            return pages.review_banner(locale) + html
        return html

    def _reading_aids(self, html: str, page: PageRef, locale: str, resolve: Resolve) -> str:
        """Text size on every page; "Nghe" on reading pages (one per answer on the FAQ); "Chia sẻ" when the
        site has its real address."""
        kind = reading.read_aloud(page.src_uri)
        help_page = resolve(reading.HELP_PAGE)  # a small site may not have the how-to page
        help_href = relative_url(page.url, help_page) + "#" + reading.HELP_ANCHOR if help_page else None
        share = reading.share_address(page.canonical_url, self.site_url, offline=self.offline)
        tools = reading.toolbar(locale, site_id=self.site_id, speak=kind == "page", help_href=help_href,
                                share_url=share, title=page.meta.get("title") or page.title or self.site_name)
        return reading.add_aids(html, tools, locale=locale, answers=kind == "answers")

    def _triage(self, html: str, page: PageRef, locale: str, resolve: Resolve,
                href_for: Callable[[str], str]) -> str:
        """The checker where the page's `<!-- triage -->` marker was, and its own small CSS and JS."""
        def page_link(path: str) -> tuple[str, str]:
            url = resolve(path)
            if url is None:  # the tree's check saw the file; it is missing from the build (strict fails)
                self.warn(f"{page.src_uri}: the checker links docs/{path}, which is not in the site")
                return "#", path
            return relative_url(page.url, url), self._page_title(path, locale)

        if self.tree is None:
            self.warn(f"{page.src_uri}: the page has <!-- triage --> but {TREE_PATH.as_posix()} is missing")
            return html
        block = render_tree(self.tree, self.register, locale, href_for=href_for, page_link=page_link)
        tags = pages.asset_tags(*(relative_url(page.url, asset) for asset in TRIAGE_ASSETS))
        return tags + triage_embed.restore(html, block)

    def _page_title(self, path: str, locale: str) -> str:
        """A page's title in a language (its translation's, else the Vietnamese one)."""
        docs = self.root / "docs"
        translated = docs / path.replace(".md", f".{locale}.md")
        source = translated if locale != curriculum.DEFAULT_LOCALE and translated.is_file() else docs / path
        return str(read_page(source).meta.get("title") or path)

    def _page_assets(self, page: PageRef) -> str:
        """Stylesheets a page asks for in its front matter (`page_assets: [tools/cards.css]`, under
        docs/assets/), so that one page's print layout does not weigh on every page."""
        tags = []
        for asset in page.meta.get("page_assets") or ():
            path = f"assets/{asset}"
            if not str(asset).endswith(".css") or not (self.root / "docs" / path).is_file():
                self.warn(f"{page.src_uri}: page_assets: no stylesheet docs/{path}")
                continue
            tags.append(f'<link rel="stylesheet" href="{relative_url(page.url, path)}">')
        return "\n".join(tags) + ("\n" if tags else "")

    def page_output(self, output: str, url: str, locale: str) -> str:
        self._urls.setdefault(locale, []).append(url)
        return _finish_html(output, locale)

    def template_output(self, output: str, template_name: str, locale: str) -> str:
        if template_name.endswith(".html"):  # the 404 pages
            output = _finish_html(output, locale)
        else:  # sitemap.xml
            output = pages.fix_theme_html(output)
        if template_name == "404.html":
            self._404[locale] = output
        return output

    # --- after each language's build -------------------------------------------------------------------
    def finish(self, site_dir: Path, *, description: str = "") -> None:
        """Runs after static-i18n's own post-build; the en and km builds finish inside vi's."""
        locale = self._building.pop()
        sections = self._sections.pop(locale, [])
        # static-i18n's build_only_locale (for authors) builds one language at the site's root.
        lang_dir = site_dir / locale if locale != curriculum.DEFAULT_LOCALE and (site_dir / locale).is_dir() \
            else site_dir
        if locale == curriculum.DEFAULT_LOCALE and self._vi_index is not None:
            job, self._vi_index = self._vi_index, None
            job.result()  # written in the background; its error, if any, is raised here
        else:  # the vi sections are known: the en and km builds run inside the vi build's post-build
            search_index.write_language(site_dir, locale, sections, self._sections.get(curriculum.DEFAULT_LOCALE, []),
                                        f"{locale}/" if lang_dir != site_dir else "", self.search)
        if locale != curriculum.DEFAULT_LOCALE:
            sitemaps.write(lang_dir / "sitemap.xml", self.site_url, locale, self._urls.pop(locale, []))
            return
        # Every language build writes the root 404.html; the last one wins. Put each where it belongs.
        for lang, text in self._404.items():
            folder = site_dir if lang == curriculum.DEFAULT_LOCALE else site_dir / lang
            (folder / "404.html").write_text(text, encoding="utf-8")
        self._urls.clear()
        self._404.clear()
        self._content.clear()
        self._file_urls.clear()
        self._forms_html.clear()
        pages.remove_unused_theme_files(site_dir)
        if not self.offline:
            pwa.write(site_dir, name=self.site_name, short_name=self.site_name, description=description)
