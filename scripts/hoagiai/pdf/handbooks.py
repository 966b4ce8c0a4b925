"""`hoagiai pdf`: the printed handbooks, made from the built site's pages.

- so-tay-hoa-giai-vien.pdf: module readings, the law explained, cases, forms (trainer notes left out);
- tai-lieu-tap-huan-vien.pdf: all sample lectures and the trainer's guide (trainer notes expanded);
- so-tay-bo-sung-khmer.pdf: the Khmer pages (reference translations; the notice at the foot of every page) and,
  when `docs/cong-cu/the-bo-tui.md` exists, the pocket cards as the Khmer site shows them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hoagiai import curriculum, province
from hoagiai.curriculum import DEFAULT_LOCALE
from hoagiai.documents import date
from hoagiai.errors import UserError
from hoagiai.i18n import t
from hoagiai.pdf.book import Book, Chapter, Entry, Printed, print_book
from hoagiai.pdf.site_pages import PrintPages, page_key
from hoagiai.siteconfig import load_mkdocs_yml, nav_paths

MEDIATOR_PDF = "so-tay-hoa-giai-vien.pdf"
TRAINER_PDF = "tai-lieu-tap-huan-vien.pdf"
KHMER_PDF = "so-tay-bo-sung-khmer.pdf"
KHMER = "km"
KHMER_FIRST = "ban-dich-cho-ra-soat.md"  # what a reference translation is: the book's first page
POCKET_CARDS = "cong-cu/the-bo-tui.md"
MAX_BYTES = 15 * 1024 * 1024


@dataclass(frozen=True)
class ChapterSpec:
    folder: str  # under docs/
    title: str | None = None  # None: the folder's index page title
    pattern: str = "*.md"
    sheets: bool = False  # every page starts on a new sheet
    one_per_page: bool = False  # one chapter per page (lectures)


MEDIATOR_AFTER_MODULES = [  # the mediator's handbook: every module's readings (curriculum), then these
    ChapterSpec("van-ban", "Văn bản pháp luật giải thích"),
    ChapterSpec("tinh-huong", "Tình huống"),
    ChapterSpec("bieu-mau", "Biểu mẫu", sheets=True),
    ChapterSpec("cong-cu", "Công cụ hòa giải", sheets=True),  # the checker as a checklist, the pocket cards
]
def mediator_chapters(docs: Path) -> list[ChapterSpec]:
    return [ChapterSpec(m.folder) for m in curriculum.modules(docs)] + MEDIATOR_AFTER_MODULES


TRAINER = [
    ChapterSpec("bai-giang-mau", "Bài giảng mẫu", pattern="index.md"),
    ChapterSpec("bai-giang-mau", pattern="mo-dun-*.md", one_per_page=True),
    ChapterSpec("huong-dan-tap-huan-vien", "Hướng dẫn tập huấn viên"),
]


def _sources(docs: Path, spec: ChapterSpec, nav: list[str]) -> list[str]:
    """Vietnamese pages of a folder (translations `x.en.md` excluded), in nav order, index first."""
    found = [p.relative_to(docs).as_posix() for p in sorted((docs / spec.folder).glob(spec.pattern))
             if p.name.count(".") == 1]
    order = {path: i for i, path in enumerate(nav)}
    return sorted(found, key=lambda s: (not s.endswith("/index.md"), order.get(s, len(order)), s))


def _chapters(docs: Path, specs: list[ChapterSpec], nav: list[str], site_dir: Path, trainer_notes: str):
    plan = [(spec, _sources(docs, spec, nav)) for spec in specs]
    plan = [(spec, sources) for spec, sources in plan if sources]
    if not plan:
        raise UserError(f"{docs}: none of the handbook's pages exist")
    pages = PrintPages(site_dir, [src for _, sources in plan for src in sources])
    chapters = []
    for spec, sources in plan:
        articles = [(src, *pages.article(src, trainer_notes=trainer_notes)) for src in sources]
        groups = [[a] for a in articles] if spec.one_per_page else [articles]
        for group in groups:
            title = spec.title or group[0][1]
            # The chapter's own line already names its first page when they share a title.
            entries = [Entry(page_key(src), t) for i, (src, t, _) in enumerate(group) if i or t != title]
            entries = [] if len(group) == 1 else entries
            chapters.append(Chapter(title, "".join(str(article) for _, _, article in group), entries,
                                    new_sheet_per_entry=spec.sheets))
    return chapters


def khmer_sources(docs: Path, nav: list[str]) -> list[str]:
    """The pages translated into Khmer (docs-relative vi names), the explanation of reference translations
    first, then in nav order; the site's home page (navigation only) is left out."""
    found = [p.relative_to(docs).as_posix().replace(f".{KHMER}.md", ".md")
             for p in sorted(docs.rglob(f"*.{KHMER}.md"))]
    found = [src for src in found if src != "index.md"]
    order = {path: i for i, path in enumerate(nav)}
    return sorted(found, key=lambda s: (s != KHMER_FIRST, order.get(s, len(order)), s))


def khmer_book(root: Path, site_dir: Path, config: dict) -> Book:
    docs, nav = root / "docs", nav_paths(config)
    sources = khmer_sources(docs, nav)
    cards = [POCKET_CARDS] if (docs / POCKET_CARDS).is_file() else []
    if not sources and not cards:
        raise UserError(f"{docs}: no Khmer pages (*.km.md) to print")
    pages = PrintPages(Path(site_dir) / KHMER, sources + cards)
    chapters = []
    for src in sources + cards:
        title, article = pages.article(src, trainer_notes="omit")
        chapters.append(Chapter(title, str(article), new_sheet_per_entry=src in cards))
    notice = f"{t('review.pending', KHMER)} · {t('review.pending', DEFAULT_LOCALE)}"
    cover = [*_cover_lines(config), "ការបកប្រែយោង: ទំព័រភាសាវៀតណាម គឺជាច្បាប់ដើម។",
             "Bản dịch tham khảo: trang tiếng Việt là bản gốc."]
    return Book("សៀវភៅបន្ថែមជាភាសាខ្មែរ", "Sổ tay bổ sung tiếng Khmer · ឯកសារសម្រាប់អ្នកសម្រុះសម្រួលនៅមូលដ្ឋាន",
                cover, chapters, lang=KHMER, toc_title="មាតិកា · Mục lục", footer=notice)


def _cover_lines(config: dict) -> list[str]:
    """The issuer, the province note and the content date; a setting not known yet is left off the cover."""
    settings = (config.get("extra") or {}).get("province") or {}
    lines = [str(settings[key]) for key in ("issuer", "name_note") if province.is_set(settings.get(key))]
    as_of = settings.get("content_as_of")
    if province.is_set(as_of):
        try:  # an ISO date in the config, the Vietnamese style on paper
            shown = date(dt.date.fromisoformat(str(as_of)[:10]))
        except ValueError:
            shown = str(as_of)
        lines.append(f"Nội dung cập nhật đến ngày {shown}")
    return lines


@contextlib.contextmanager
def built_site(root: Path, site_dir: Path | None):
    """A built site to print from: the given one, or a fresh strict build with page.html URLs."""
    if site_dir is not None:
        if not (Path(site_dir) / "index.html").is_file():
            raise UserError(f"{site_dir}: not a built site (no index.html); run `hoagiai build` first")
        yield Path(site_dir)
        return
    from hoagiai.build import mkdocs_build

    with tempfile.TemporaryDirectory(prefix="hoagiai-print-site-") as tmp:
        target = Path(tmp) / "site"
        mkdocs_build(root, target, env={"DIRECTORY_URLS": "false"})
        yield target


def handbook_books(root: Path, site_dir: Path) -> dict[str, Book]:
    config = load_mkdocs_yml(root)
    nav, docs, cover = nav_paths(config), root / "docs", _cover_lines(config)
    return {
        MEDIATOR_PDF: Book("Sổ tay hòa giải viên", "Tài liệu bồi dưỡng hòa giải viên ở cơ sở", cover,
                           _chapters(docs, mediator_chapters(docs), nav, site_dir, "omit")),
        TRAINER_PDF: Book("Tài liệu dành cho tập huấn viên", "Bài giảng mẫu và hướng dẫn tập huấn", cover,
                          _chapters(docs, TRAINER, nav, site_dir, "expand")),
        KHMER_PDF: khmer_book(root, site_dir, config),
    }


def make_handbooks(root: Path, out_dir: Path, *, site_dir: Path | None = None) -> list[Printed]:
    printed = []
    with built_site(root, site_dir) as site:
        for name, book in handbook_books(root, site).items():
            result = print_book(book, Path(out_dir) / name)
            size = result.path.stat().st_size
            if size > MAX_BYTES:
                raise UserError(f"{result.path}: {size / 2**20:.1f} MB is over the 15 MB limit")
            printed.append(result)
    return printed
