"""Thin glue between MkDocs events and the hoagiai core. Each handler dispatches to pure functions.

static-i18n builds the site once per language (vi first, then en and km nested inside vi's
on_post_build), so every handler reads the current locale from the config and stays idempotent.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hoagiai import pages, sitemaps
from hoagiai.content import register_page, translations
from hoagiai.content.citations import Citations, link_citations
from hoagiai.content.register import load_register
from hoagiai.errors import UserError
from hoagiai.htmltext import Unmatched
from hoagiai.i18n import t
from hoagiai.lessons.model import LESSON_NAME, check_lesson_text
from hoagiai.lessons.notes import collapse_trainer_notes
from hoagiai.publish import pwa
from hoagiai.quality.lang import mark_foreign_runs
from hoagiai.quiz.embed import embed_quizzes, register_link_for, restore_blocks
from hoagiai.quiz.loader import load_banks
from hoagiai.quiz.markers import front_matter_line_offset
from hoagiai.search import data as search_data
from hoagiai.search import index as search_index
from hoagiai.urls import relative_url

log = logging.getLogger("mkdocs.hooks.hoagiai")

_state: dict = {"urls": {}, "404": {}, "building": [], "sections": {}, "content": {}, "file_urls": {}}


def _locale(config) -> str:
    return str(config.theme["language"])


def on_config(config):
    root = Path(config.config_file_path).parent
    data = [root / "data" / "legal-register.yml", root / search_data.SYNONYMS, root / search_data.SUGGESTIONS,
            *sorted((root / "quizzes").glob("*.yml"))]
    stamp = [(p, p.stat().st_mtime_ns) for p in data if p.exists()]
    if _state.get("stamp") == stamp:  # static-i18n calls on_config once per language: load the data once
        return config
    register = load_register(data[0])
    _state["register"], _state["citations"] = register, Citations(register)
    try:
        _state["search"] = search_data.load(root)  # synonyms, mappings and suggestions: file:line messages
    except UserError as exc:
        raise PluginError(f"search data:\n{exc}") from None
    try:
        _state["banks"] = load_banks(root=root, register=register)
    except UserError as exc:  # a broken bank fails the build with the same messages as `hoagiai quiz check`
        raise PluginError(f"quiz banks:\n{exc}") from None
    _state["stamp"] = stamp
    return config


def on_pre_build(config):
    _state["building"].append(_locale(config))


def on_env(env, config, files):
    locale = _locale(config)
    env.globals["hg_t"] = lambda key: t(key, locale)
    return env


def on_page_markdown(markdown, page, config, files):
    if (_locale(config) == "vi" and page.file.src_uri.startswith("bai-giang-mau/")
            and LESSON_NAME.match(Path(page.file.src_uri).name)):  # once per lesson, in the first build
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        for problem in check_lesson_text(source, f"docs/{page.file.src_uri}")[1]:
            log.warning(str(problem))  # the strict build fails on a lesson whose agenda does not add up
    markdown = _embed_quizzes(markdown, page, config, files)  # first: line numbers match the source
    markdown = pages.nfc(markdown)
    markdown = collapse_trainer_notes(markdown)  # trainer notes: collapsed on the site
    markdown = pages.fill_province(markdown, config.extra["province"], page=page.file.src_uri)
    markdown = register_page.fill(markdown, _state["register"], page.file.src_uri)
    markdown = translations.fill(markdown, Path(config.docs_dir), page.file.src_uri)
    page.meta["hg_fallback"] = getattr(page.file, "locale", _locale(config)) != _locale(config)
    return markdown


def _embed_quizzes(markdown, page, config, files):
    if "<!-- quiz" not in markdown:
        return markdown

    def resolve(path: str) -> str | None:  # docs path → URL relative to this page, in this language
        url = _file_url(_locale(config), files, path)
        return relative_url(page.url, url) if url is not None else None

    def bank_page(bank_id: str) -> str | None:
        number = bank_id[1:]
        return resolve(f"chuong-trinh/mo-dun-{number}/index.md") if number.isdigit() else None

    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    link_for = register_link_for(_state["register"], page=page.file.src_uri, locale=_locale(config),
                                 use_directory_urls=config.use_directory_urls, resolve=resolve)
    try:
        # The blocks wait in page.meta and go into the HTML after Markdown (which need not parse them).
        return embed_quizzes(markdown, page=f"docs/{page.file.src_uri}", banks=_state["banks"],
                             line_offset=front_matter_line_offset(source, markdown), locale=_locale(config),
                             link_for=link_for, site_id=config.extra["site_id"], href_for_bank=bank_page,
                             stash=page.meta.setdefault("hg_quiz_blocks", []))
    except UserError as exc:
        raise PluginError(str(exc)) from None


def _file_url(locale: str, files, path: str) -> str | None:
    """Site URL of a docs file in this language's build (static-i18n's lookup is slow; citations ask often)."""
    if (locale, path) not in _state["file_urls"]:
        file = files.get_file_from_path(path)
        _state["file_urls"][locale, path] = file.url if file else None
    return _state["file_urls"][locale, path]


def on_page_content(html, page, config, files):
    locale = _locale(config)

    def href_for(target: str) -> str:  # "van-ban/luat-35-2013.md#dieu-24" → URL relative to this page
        path, _, anchor = target.partition("#")
        return relative_url(page.url, _file_url(locale, files, path)) + (f"#{anchor}" if anchor else "")

    if page.meta.get("hg_quiz_blocks"):  # one shared, cached file each, loaded only where a quiz is
        html = pages.asset_tags(relative_url(page.url, "assets/quiz/quiz.css"),
                                relative_url(page.url, "assets/quiz/quiz.js")) + html
    html = restore_blocks(html, page.meta.get("hg_quiz_blocks"))
    # A page shown as fallback in en and km has the same content HTML (and the same relative links) as in
    # vi: link and split it once.
    key = (html, page.title, page.meta.get("description", ""))
    if key not in _state["content"]:
        try:
            linked, problems = link_citations(html, _state["citations"], href_for)  # pages and quiz text alike
            sections = search_index.page_sections(linked, "", *key[1:])
        except Unmatched as exc:  # raw HTML in the Markdown that does not close
            linked, problems, sections = html, [f"{exc}: citations not linked, page not searchable"], []
        for problem in problems:
            log.warning(f"{page.file.src_uri}: {problem}")
        _state["content"][key] = (linked, sections)
    html, sections = _state["content"][key]
    _state["sections"].setdefault(locale, []).extend(s.at(page.url) for s in sections)
    if page.meta.get("hg_fallback"):
        return pages.fallback_notice(locale) + pages.wrap_lang(html, "vi")
    if page.meta.get("review") == "pending":
        return pages.review_banner(locale) + html
    return html


def on_post_page(output, page, config):
    _state["urls"].setdefault(_locale(config), []).append(page.url)
    return mark_foreign_runs(pages.fix_theme_html(output), _locale(config))  # lang on Khmer/Vietnamese runs


def on_post_template(output_content, template_name, config):
    output_content = pages.fix_theme_html(output_content)
    if template_name.endswith(".html"):  # the 404 pages, not sitemap.xml
        output_content = mark_foreign_runs(output_content, _locale(config))
    if template_name == "404.html":
        _state["404"][_locale(config)] = output_content
    return output_content


@event_priority(-200)  # after static-i18n's on_post_build (-100), which runs the en and km builds
def on_post_build(config):
    locale = _state["building"].pop()  # the config's language is stale once the nested builds ran
    site_dir = Path(config.site_dir)
    sections = _state["sections"].pop(locale, [])
    # static-i18n's build_only_locale (for authors) builds one language at the site's root.
    lang_dir = site_dir / locale if locale != "vi" and (site_dir / locale).is_dir() else site_dir
    # The en and km builds run first, inside the vi build's post_build: the vi sections are known.
    search_index.write_language(site_dir, locale, sections, _state["sections"].get("vi", []),
                                f"{locale}/" if lang_dir != site_dir else "", _state["search"])
    if locale != "vi":
        sitemaps.write(lang_dir / "sitemap.xml", config.site_url, locale, _state["urls"].pop(locale, []))
        return
    # Every language build writes the root 404.html; the last one wins. Put each where it belongs.
    for lang, text in _state["404"].items():
        (site_dir / ("" if lang == "vi" else lang) / "404.html").write_text(text, encoding="utf-8")
    _state["urls"].clear()
    _state["404"].clear()
    _state["content"].clear()
    _state["file_urls"].clear()
    pages.remove_unused_theme_files(site_dir)
    if not config.extra.get("offline_build"):
        pwa.write(site_dir, name=config.site_name, short_name=config.site_name,
                  description=config.site_description or "")
