"""Article content of built site pages, cleaned for print: one id space, links inside the book, no UI."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from hoagiai.errors import UserError

# Interactive or screen-only parts of a page that mean nothing on paper.
DROP = ("a.headerlink", ".md-content__button", ".hg-quiz", "script", "form", "button", "nav", ".md-tags",
        ".md-source-file", ".hg-fallback", "input[type=search]", ".hg-tools", ".hg-speak-one")  # reading aids


def built_path(site_dir: Path, src: str) -> Path:
    """The HTML file built from docs/<src>, with or without directory URLs."""
    stem = src[:-3]
    candidates = [f"{stem}.html"] if stem == "index" or stem.endswith("/index") else [f"{stem}.html",
                                                                                       f"{stem}/index.html"]
    for rel in candidates:
        if (site_dir / rel).is_file():
            return site_dir / rel
    raise UserError(f"{site_dir}: no built page for docs/{src} (looked for {', '.join(candidates)})")


def page_key(src: str) -> str:
    """A stable element id for a page: `chuong-trinh/mo-dun-03/index.md` -> `p-chuong-trinh-mo-dun-03-index`."""
    return "p-" + src[:-3].replace("/", "-")


class PrintPages:
    """The pages of one printed book, so links between them become links inside the PDF."""

    def __init__(self, site_dir: Path, sources: list[str]):
        self.site_dir = Path(site_dir).resolve()
        self.paths = {src: built_path(self.site_dir, src) for src in sources}
        self.by_file = {path.relative_to(self.site_dir).as_posix(): page_key(src) for src, path in self.paths.items()}

    def article(self, src: str, *, trainer_notes: str) -> tuple[str, Tag]:
        """(page title, cleaned <article>); trainer_notes is "expand" or "omit"."""
        path = self.paths[src]
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            raise UserError(f"{path}: no <article> content (was the site built with Material?)")
        for selector in DROP:
            for element in article.select(selector):
                element.decompose()
        for note in article.select(".trainer"):
            if trainer_notes == "omit":
                note.decompose()
        for details in article.find_all("details"):
            details["open"] = ""  # paper cannot be clicked open
        key = page_key(src)
        for element in article.find_all(id=True):
            element["id"] = f"{key}--{element['id']}"
        here = path.relative_to(self.site_dir).as_posix()
        for link in article.find_all("a", href=True):
            self._relink(link, here, key)
        for image in article.find_all("img", src=True):
            if not urlsplit(image["src"]).scheme:
                target = (path.parent / unquote(image["src"])).resolve()
                image["src"] = target.as_uri()
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True) if heading else src
        article.name = "article"
        article.attrs = {"class": ["page"], "id": key}
        return title, article

    def _relink(self, link: Tag, here: str, key: str) -> None:
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return  # external: printed as is
        if not parts.path:
            link["href"] = f"#{key}--{parts.fragment}" if parts.fragment else f"#{key}"
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
        if target.endswith("/") or not target.endswith(".html"):
            target = posixpath.join(target, "index.html")
        target_key = self.by_file.get(target)
        if target_key is None:
            link.unwrap()  # a page outside this book: keep the words, drop the dead link
            return
        link["href"] = f"#{target_key}--{parts.fragment}" if parts.fragment else f"#{target_key}"
