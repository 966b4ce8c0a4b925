"""Printable papers, answer keys and scores-template.csv; PDF through chromium (slow)."""

import csv
import re
import shutil
import subprocess
from html import escape

import pytest

from hoagiai.errors import UserError
from hoagiai.quiz.layout import load_layout
from hoagiai.quiz.paper import make_papers, plan_papers

from quiz_support import golden


def ids_on(paper):
    return [q.id for unit in paper.units for q in unit.question.scored]


def test_variants_shuffle_and_are_reproducible(banks):
    first = plan_papers([banks["m01"]], variants=2, seed=7)
    again = plan_papers([banks["m01"]], variants=2, seed=7)
    assert [p.code for p in first] == ["m01-A", "m01-B"]
    assert [ids_on(p) for p in first] == [ids_on(p) for p in again]
    assert sorted(ids_on(first[0])) == sorted(ids_on(first[1]))


def test_pre_post_do_not_overlap(banks):
    papers = plan_papers([banks["m01"]], variants=1, pre_post=True, seed=3)
    pre, post = (set(ids_on(p)) for p in papers)
    assert pre and post and not pre & post
    assert pre | post == {q.id for q, _ in banks["m01"].scored_questions()}


def test_html_papers_keys_scores_template_and_layout(banks, register, tmp_path):
    written = make_papers([banks["m01"]], out=tmp_path, variants=2, pre_post=True, seed=7, register=register)
    assert sorted(p.name for p in written) == sorted([
        "m01-pre-A.html", "m01-pre-B.html", "m01-post-A.html", "m01-post-B.html",
        "m01-pre-answer-key.html", "m01-post-answer-key.html", "scores-template.csv", "papers.json"])
    paper = (tmp_path / "m01-pre-A.html").read_text(encoding="utf-8")
    assert "Họ và tên" in paper and "Trả lời" in paper and "size: A4" in paper and '"Noto Sans"' in paper
    assert "(đúng)" not in paper and "Giải thích" not in paper  # no answers on the participant's paper
    assert "&lt;script&gt;" in paper or "m01-q01" not in paper
    key = (tmp_path / "m01-pre-answer-key.html").read_text(encoding="utf-8")
    assert "Đáp án" in key and "Đề A" in key and "Đề B" in key
    assert "Điều 32. Hiệu lực thi hành (Luật Hòa giải ở cơ sở)" in key or "m01-q01" not in key
    header = next(csv.reader((tmp_path / "scores-template.csv").open(encoding="utf-8")))
    assert header[:3] == ["participant", "paper", "variant"]
    assert header[3:] == [q.id for q, _ in banks["m01"].scored_questions()]
    layout = load_layout(tmp_path / "papers.json")
    assert (layout.seed, layout.banks) == (7, ("m01",))
    assert [(p.code, p.paper, p.variant) for p in layout.papers] == [
        ("m01-pre-A", "pre", "A"), ("m01-pre-B", "pre", "B"), ("m01-post-A", "post", "A"), ("m01-post-B", "post", "B")]
    planned = plan_papers([banks["m01"]], variants=2, pre_post=True, seed=7)
    assert layout.papers == tuple(p.layout() for p in planned)


def test_options_print_a_b_c_top_to_bottom_in_a_shuffled_order(banks):
    """Printed letters follow the page; the bank's letters never show, and variants differ."""
    papers = plan_papers([banks["m01"]], variants=26, seed=3)
    orders = set()
    for paper in papers:
        for item in paper.questions:
            assert [c.letter for c in item.choices] == list("abcdefgh"[:len(item.choices)])
            bank_ids = tuple(c.id for c in item.choices)
            if item.question.kind == "true_false":
                assert bank_ids == tuple(o.id for o in item.question.options)  # Đúng, Sai as in the bank
            if item.question.kind == "ordering":
                assert bank_ids != item.question.correct_ids()  # never printed in the right order
            if item.question.id == "m01-q01":
                orders.add(bank_ids)
    assert len(orders) == 6  # all orders of three options occur over 26 variants


def test_keys_are_in_printed_letters(banks):
    paper = plan_papers([banks["m01"]], seed=5)[0]
    for item in paper.questions:
        letter = {c.id: c.letter for c in item.choices}
        printed = [letter[i] for i in item.question.correct_ids()]
        expected = ">".join(printed) if item.question.kind == "ordering" else "+".join(sorted(printed))
        assert item.key == expected
        assert item.layout().letters == {c.letter: c.id for c in item.choices}


def test_answer_key_lists_printed_codes(banks, register, tmp_path):
    make_papers([banks["m01"]], out=tmp_path, seed=5, register=register)
    key = (tmp_path / "m01-answer-key.html").read_text(encoding="utf-8")
    for item in plan_papers([banks["m01"]], seed=5)[0].questions:
        assert re.search(rf"<td>{item.number}</td><td class=\"code\">{re.escape(item.question.id)}</td>"
                         rf"<td class=\"code\"><strong>{re.escape(escape(item.key))}</strong>", key), item.question.id


def test_several_banks_make_one_paper(banks, register, tmp_path):
    from dataclasses import replace

    other = replace(banks["m01"], id="m02")
    written = make_papers([banks["m01"], other], out=tmp_path, seed=1, register=register)
    assert {p.name for p in written} == {"m01-m02-A.html", "m01-m02-answer-key.html", "scores-template.csv",
                                         "papers.json"}


@pytest.mark.parametrize("name", ["m01-pre-A.html", "m01-pre-answer-key.html"])
def test_paper_and_key_golden(banks, register, tmp_path, name):
    """The printed documents as HTML (regenerate with UPDATE_GOLDEN=1 and review the diff)."""
    make_papers([banks["m01"]], out=tmp_path, variants=2, pre_post=True, seed=7, register=register,
                course="Khóa thử")
    golden(f"paper-{name}", (tmp_path / name).read_text(encoding="utf-8"))


def test_bad_arguments_are_user_errors(banks, tmp_path):
    with pytest.raises(UserError):
        make_papers([banks["m01"]], out=tmp_path, fmt="docx")
    with pytest.raises(UserError):
        plan_papers([banks["m01"]], variants=27)


KHMER = "ការផ្សះផ្សា"


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("chromium") or not shutil.which("pdffonts"), reason="needs chromium, poppler")
def test_pdf_fonts_and_rendered_page(banks, register, tmp_path):
    from dataclasses import replace

    bank = banks["m01"]
    khmer = replace(bank, title={"vi": bank.title["vi"], "km": KHMER})
    written = make_papers([khmer], out=tmp_path, seed=2, fmt="pdf", lang="km", register=register)
    pdf = tmp_path / "m01-A.pdf"
    assert pdf in written and pdf.stat().st_size > 1000
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSans-" in fonts and "NotoSansKhmer" in fonts
    assert "Liberation" not in fonts  # no fallback font mixing for Vietnamese
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    [image] = tmp_path.glob("page*.pgm")
    data = image.read_bytes()
    header_end = data.index(b"255\n") + 4
    pixels = data[header_end:]
    dark = sum(1 for b in pixels if b < 128)
    assert dark > len(pixels) * 0.005, "the rendered page is blank"
