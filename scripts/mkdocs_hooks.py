"""The only glue between MkDocs events and the hoagiai core: each handler forwards to `hoagiai.sitebuild`.

static-i18n builds the site once per language (vi first, then en and km nested inside vi's post-build);
the current language is read from the config at every event.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hoagiai.errors import UserError
from hoagiai.sitebuild import PageRef, SiteBuild

log = logging.getLogger("mkdocs.hooks.hoagiai")
build: SiteBuild | None = None


def _locale(config) -> str:
    return str(config.theme["language"])


def _page(page, config) -> PageRef:
    return PageRef(page.file.src_uri, page.file.abs_src_path, page.url, page.title, page.meta,
                   getattr(page.file, "locale", _locale(config)),  # static-i18n sets the source file's language
                   page.canonical_url)


def _resolve(config, files):
    def lookup(path: str) -> str | None:
        file = files.get_file_from_path(path)
        return file.url if file else None

    return build.resolver(_locale(config), lookup)


def on_config(config):
    global build
    root = Path(config.config_file_path).parent
    if build is None or build.root != root:
        build = SiteBuild(root, warn=log.warning)
    try:
        build.configure(use_directory_urls=config.use_directory_urls, site_id=config.extra["site_id"],
                        province_settings=config.extra["province"], site_url=config.site_url,
                        site_name=config.site_name, offline=bool(config.extra.get("offline_build")))
    except UserError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_pre_build(config):
    build.start(_locale(config), Path(config.site_dir))


def on_env(env, config, files):
    env.globals.update(build.template_globals(_locale(config)))
    return env


def on_page_markdown(markdown, page, config, files):
    try:
        return build.page_markdown(markdown, _page(page, config), _locale(config), _resolve(config, files))
    except (UserError, KeyError) as exc:
        raise PluginError(str(exc)) from None


def on_page_content(html, page, config, files):
    return build.page_content(html, _page(page, config), _locale(config), _resolve(config, files))


def on_post_page(output, page, config):
    return build.page_output(output, page.url, _locale(config))


def on_post_template(output_content, template_name, config):
    return build.template_output(output_content, template_name, _locale(config))


@event_priority(-200)  # after static-i18n's on_post_build (-100), which runs the en and km builds
def on_post_build(config):
    build.finish(Path(config.site_dir), description=config.site_description or "")
