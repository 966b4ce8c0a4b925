"""Print pipeline: page content cleaned for paper (fast, on a tiny fake site) and the real PDFs (slow)."""

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from hoagiai.pdf.book import Book, Chapter, print_book
from hoagiai.pdf.site_pages import PrintPages, built_path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = '<html><body><nav>menu</nav><article class="md-content__inner md-typeset">{}</article></body></html>'


def fake_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(ARTICLE.format(
        '<h1 id="top">Trang A<a class="headerlink" href="#top">¶</a></h1>'
        '<p><a href="../b/page/#dieu-5">Điều 5</a> <a href="../c/">ngoài sách</a> <a href="https://x.org/">web</a></p>'
        '<div class="admonition trainer"><p class="admonition-title">Ghi chú cho tập huấn viên</p><p>Bí mật</p></div>'
        '<details class="note"><summary>Gợi ý</summary><p>Ẩn</p></details>'), encoding="utf-8")
    (site / "b" / "page").mkdir()
    (site / "b" / "page" / "index.html").write_text(ARTICLE.format('<h1 id="b">Trang B</h1><h2 id="dieu-5">Điều 5</h2>'),
                                                    encoding="utf-8")
    (site / "index.html").write_text("home", encoding="utf-8")
    return site


def test_article_cleaned_and_relinked(tmp_path):
    site = fake_site(tmp_path)
    assert built_path(site, "b/page.md") == site / "b" / "page" / "index.html"
    pages = PrintPages(site, ["a/index.md", "b/page.md"])
    title, article = pages.article("a/index.md", trainer_notes="omit")
    html = str(article)
    assert title == "Trang A"
    assert 'id="p-a-index"' in html and 'id="p-a-index--top"' in html
    assert 'href="#p-b-page--dieu-5"' in html  # a link to a page in the book stays a link, inside the PDF
    assert "ngoài sách" in html and 'href="../c/"' not in html  # outside the book: words kept, link dropped
    assert 'href="https://x.org/"' in html
    assert "Bí mật" not in html and "¶" not in html and "menu" not in html
    assert "<details class=\"note\" open" in html
    _, expanded = pages.article("a/index.md", trainer_notes="expand")
    assert "Bí mật" in str(expanded)


# --- slow: real PDFs -------------------------------------------------------------------------------------


def pdftotext(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def not_blank(pdf: Path, page: int, tmp_path: Path) -> bool:
    prefix = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(prefix)], check=True)
    image = Image.open(f"{prefix}.png").convert("L")
    dark = sum(image.histogram()[:128])
    return dark / (image.width * image.height) > 0.003


def assert_good_pdf(pdf: Path, tmp_path: Path, *, min_pages: int) -> PdfReader:
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= min_pages
    assert pdf.stat().st_size <= 15 * 1024 * 1024
    rows = fonts(pdf)
    assert rows and all("yes" in row[-5:-2][0] for row in rows if row[0] != "[none]")  # "emb" column
    assert any("NotoSans-Regular" in row[0] for row in rows)
    assert not any("Liberation" in row[0] for row in rows), rows  # no glyph fell back to a font without Vietnamese
    assert not_blank(pdf, min(3, len(reader.pages)), tmp_path)
    return reader


def toc_numbers(pdf: Path) -> dict[str, int]:
    """Chapter/page title -> page number as printed in the table of contents (the pages before chapter 1)."""
    reader = PdfReader(str(pdf))
    first_chapter = reader.get_destination_page_number(reader.named_destinations["/ch1"]) + 1
    found = {}
    for page in range(2, first_chapter):
        for line in pdftotext(pdf, page, layout=True).splitlines():
            match = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
            if match:
                found.setdefault(match.group(1).strip(), int(match.group(2)))
    return found


@pytest.fixture(scope="module")
def handbooks(site, tmp_path_factory):
    from hoagiai.pdf.handbooks import make_handbooks

    out = tmp_path_factory.mktemp("pdf")
    return {p.path.name: p for p in make_handbooks(ROOT, out, site_dir=site)}


@pytest.mark.slow
def test_handbooks_are_good_a4_pdfs(handbooks, tmp_path):
    assert sorted(handbooks) == ["so-tay-bo-sung-khmer.pdf", "so-tay-hoa-giai-vien.pdf", "tai-lieu-tap-huan-vien.pdf"]
    for printed in handbooks.values():
        reader = assert_good_pdf(printed.path, tmp_path, min_pages=20)
        box = reader.pages[5].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


@pytest.mark.slow
def test_toc_page_numbers_and_running_heads(handbooks):
    pdf = handbooks["so-tay-hoa-giai-vien.pdf"].path
    toc = toc_numbers(pdf)
    assert "Biểu mẫu" in toc and "Tình huống" in toc
    for chapter in ("Biểu mẫu", "Tình huống", "Văn bản pháp luật giải thích"):
        number = toc[chapter]
        for page in (number, number + 1):  # the chapter's first page and the next: book title + chapter on top
            head = [ln.strip() for ln in pdftotext(pdf, page).splitlines() if ln.strip()][:2]
            assert head == ["Sổ tay hòa giải viên", chapter], (page, head)
    last = len(PdfReader(str(pdf)).pages)
    for page in (2, 10, last):  # a page number on every page after the cover
        lines = [ln.strip() for ln in pdftotext(pdf, page).splitlines() if ln.strip()]
        assert str(page) in lines[-3:], (page, lines[-3:])


@pytest.mark.slow
def test_trainer_notes_only_in_trainer_book(handbooks):
    mediator = pdftotext(handbooks["so-tay-hoa-giai-vien.pdf"].path)
    trainer = pdftotext(handbooks["tai-lieu-tap-huan-vien.pdf"].path)
    assert "Ghi chú cho tập huấn viên" not in mediator
    assert "Ghi chú cho tập huấn viên" in trainer
    assert "Điều 24" in mediator and "Bài giảng mẫu Mô-đun 3" in trainer


@pytest.mark.slow
def test_khmer_handbook_embeds_a_khmer_font_and_says_reference_translation_on_every_page(handbooks, tmp_path):
    pdf = handbooks["so-tay-bo-sung-khmer.pdf"].path
    rows = fonts(pdf)
    assert any("NotoSansKhmer" in row[0] and row[-5] == "yes" for row in rows), rows  # embedded
    pages = len(PdfReader(str(pdf)).pages)
    for page in range(1, pages + 1):  # the cover too
        text = re.sub(r"\s+", " ", pdftotext(pdf, page))
        assert "Bản dịch tham khảo, đang chờ người bản ngữ rà soát." in text, page
    text = re.sub(r"\s", "", pdftotext(pdf))
    assert "ការសម្រុះសម្រួលក្នុងសហគមន៍ខ្មែរ" in text  # a Khmer page's title (pdftotext may space clusters)
    assert not_blank(pdf, 3, tmp_path)


def test_khmer_book_takes_the_khmer_pages_and_the_pocket_cards(tmp_path):
    """Which pages go into the Khmer handbook, on a tiny fake project and site."""
    from hoagiai.pdf.handbooks import khmer_book

    root = tmp_path / "project"
    docs = root / "docs"
    for name in ("index.km.md", "ban-dich-cho-ra-soat.km.md", "a/trang.km.md", "cong-cu/the-bo-tui.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x", encoding="utf-8")
    site = tmp_path / "site" / "km"
    for name, title in (("ban-dich-cho-ra-soat.html", "ការបកប្រែ"), ("a/trang.html", "ទំព័រ"),
                        ("cong-cu/the-bo-tui.html", "Thẻ bỏ túi")):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(ARTICLE.format(f"<h1>{title}</h1><p>…</p>"), encoding="utf-8")
    book = khmer_book(root, tmp_path / "site", {"nav": ["a/trang.md", "ban-dich-cho-ra-soat.md"]})
    assert [c.title for c in book.chapters] == ["ការបកប្រែ", "ទំព័រ", "Thẻ bỏ túi"]
    assert book.lang == "km" and "Bản dịch tham khảo" in book.footer and book.chapters[-1].new_sheet_per_entry
    (docs / "cong-cu" / "the-bo-tui.md").unlink()
    assert [c.title for c in khmer_book(root, tmp_path / "site", {}).chapters] == ["ការបកប្រែ", "ទំព័រ"]


@pytest.mark.slow
def test_khmer_text_uses_a_khmer_font(tmp_path):
    khmer = "ការផ្សះផ្សានៅមូលដ្ឋាន"
    book = Book("Thử tiếng Khmer", "ភាសាខ្មែរ", [], [Chapter("Chương 1", f'<article class="page" id="p1" lang="km">'
                                                                   f"<h1>{khmer}</h1><p>{khmer * 20}</p></article>")])
    printed = print_book(book, tmp_path / "km.pdf")
    assert any("NotoSansKhmer" in row[0] for row in fonts(printed.path))
    assert khmer in re.sub(r"\s", "", pdftotext(printed.path))  # pdftotext may split Khmer clusters with spaces
    assert not_blank(printed.path, 3, tmp_path)


@pytest.mark.slow
def test_course_pack(site, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoagiai.course.cli import course

    monkeypatch.chdir(ROOT)
    out = tmp_path / "course"
    result = CliRunner().invoke(course, ["--modules", "1,3", "--days", "1", "--start", "2026-12-01", "--seed", "5",
                                         "--out", str(out), "--site", str(site)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["bo-tai-lieu-tap-huan-vien.pdf", "de-kiem-tra", "lich-hoc.html", "papers.json",
                     "scores-template.csv", "tai-lieu-phat-tay-hoc-vien.pdf"]
    schedule = (out / "lich-hoc.html").read_text(encoding="utf-8")
    assert "Ngày 1: Thứ Ba, 01/12/2026" in schedule and "m03 mt4</strong>" in schedule
    assert_good_pdf(out / "bo-tai-lieu-tap-huan-vien.pdf", tmp_path, min_pages=10)
    pack = pdftotext(out / "bo-tai-lieu-tap-huan-vien.pdf")
    for part in ("Lịch học", "Ghi chú cho tập huấn viên", "Bài kiểm tra đầu khóa", "Đáp án", "scores-template.csv",
                 "Mục tiêu trong đề kiểm tra đầu và cuối khóa mà bài này", "papers.json"):
        assert part in re.sub(r"\s+", " ", pack), part
    handouts = pdftotext(out / "tai-lieu-phat-tay-hoc-vien.pdf")
    assert "Tài liệu phát tay" in handouts and "Ghi chú cho tập huấn viên" not in handouts


def test_course_that_does_not_fit_fails_before_printing(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoagiai.course.cli import course

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(course, ["--modules", "1,2,3,4,5,6,7,8", "--days", "1", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "do not fit in 1 day(s)" in result.output and "Use --days" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_evaluation_and_summary_pdfs(tmp_path):
    from hoagiai.evaluate.cli import evaluate_sheets
    from hoagiai.quiz.loader import load_banks

    fixtures = Path(__file__).parent / "fixtures" / "evaluate"
    banks = load_banks([fixtures / "m09.yml"], root=ROOT)
    one = evaluate_sheets(ROOT, [fixtures / "scores.csv"], tmp_path / "one", banks=banks)
    assert len(one.problems) == 4 and [p.name for p in one.written] == ["bao-cao-danh-gia.html", "bao-cao-danh-gia.pdf"]
    pdf = one.written[1]
    assert_good_pdf(pdf, tmp_path, min_pages=2)
    text = pdftotext(pdf)
    assert "Báo cáo đánh giá khóa tập huấn" in text and "47,9%" in text
    several = evaluate_sheets(ROOT, [fixtures / "scores.csv", fixtures / "bad-input.csv"], tmp_path / "all",
                              names=["Xã Vĩnh Lợi", "Phường 1"], banks=banks)
    summary = tmp_path / "all" / "tong-hop.pdf"
    assert summary in several.written and (tmp_path / "all" / "tong-hop.csv") in several.written
    assert_good_pdf(summary, tmp_path, min_pages=1)
    text = re.sub(r"\s+", " ", pdftotext(summary))
    assert "Tổng hợp kết quả các khóa tập huấn" in text and "Xã Vĩnh Lợi" in text and "60,7%" in text
