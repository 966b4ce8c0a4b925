"""`hoagiai pdf`: the two printed handbooks, made from the built site's pages.

- so-tay-hoa-giai-vien.pdf: module readings, the law explained, cases, forms (trainer notes left out);
- tai-lieu-tap-huan-vien.pdf: all sample lectures and the trainer's guide (trainer notes expanded).
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hoagiai.errors import UserError
from hoagiai.pdf.book import Book, Chapter, Entry, Printed, print_book
from hoagiai.pdf.site_pages import PrintPages, page_key
from hoagiai.siteconfig import load_mkdocs_yml, nav_paths

MEDIATOR_PDF = "so-tay-hoa-giai-vien.pdf"
TRAINER_PDF = "tai-lieu-tap-huan-vien.pdf"
MAX_BYTES = 15 * 1024 * 1024


@dataclass(frozen=True)
class ChapterSpec:
    folder: str  # under docs/
    title: str | None = None  # None: the folder's index page title
    pattern: str = "*.md"
    sheets: bool = False  # every page starts on a new sheet
    one_per_page: bool = False  # one chapter per page (lectures)


MEDIATOR = [ChapterSpec(f"chuong-trinh/mo-dun-{n:02d}") for n in range(1, 9)] + [
    ChapterSpec("van-ban", "Văn bản pháp luật giải thích"),
    ChapterSpec("tinh-huong", "Tình huống"),
    ChapterSpec("bieu-mau", "Biểu mẫu", sheets=True),
    ChapterSpec("cong-cu", "Công cụ hòa giải", sheets=True),  # the checker as a checklist, the pocket cards
]
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


def _cover_lines(config: dict) -> list[str]:
    province = (config.get("extra") or {}).get("province") or {}
    lines = [str(province.get(key)) for key in ("issuer", "name_note") if province.get(key)]
    as_of = str(province.get("content_as_of") or "")
    if as_of:
        year, _, rest = as_of.partition("-")
        month, _, day = rest.partition("-")
        shown = f"{day}/{month}/{year}" if day else as_of  # ISO date in the config, Vietnamese order on paper
        lines.append(f"Nội dung cập nhật đến ngày {shown}")
    return [line for line in lines if "TODO" not in line]


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
                           _chapters(docs, MEDIATOR, nav, site_dir, "omit")),
        TRAINER_PDF: Book("Tài liệu dành cho tập huấn viên", "Bài giảng mẫu và hướng dẫn tập huấn", cover,
                          _chapters(docs, TRAINER, nav, site_dir, "expand")),
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
