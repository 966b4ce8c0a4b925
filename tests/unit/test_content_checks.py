"""`hoagiai check` rules, each with the exact message a writer sees."""

from pathlib import Path

import pytest

from hoagiai.content.checks import check_markdown
from hoagiai.content.citations import Citations, link_citations
from hoagiai.content.register import load_register
from hoagiai.htmltext import Unmatched

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def citations():
    return Citations(load_register(ROOT / "data" / "legal-register.yml"))


def check(tmp_path, citations, body, rel="docs/x.md", front="---\ntitle: T\ndescription: D\n---\n"):
    path = tmp_path / "page.md"
    path.write_text(front + body, encoding="utf-8")
    return [str(p) for p in check_markdown(path, rel, citations)]


def test_clean_page_has_no_problems(tmp_path, citations):
    assert check(tmp_path, citations, "# T\n\nTheo Điều 24 Luật Hòa giải ở cơ sở, hòa giải thành.\n") == []


def test_unknown_article_is_named(tmp_path, citations):
    assert check(tmp_path, citations, "# T\n\nĐiều 99 Bộ luật Dân sự.\n") == [
        'docs/x.md:7:1: "Điều 99 Bộ luật Dân sự": Bộ luật Dân sự (91/2015/QH13) has no verified article 99 in the register']


def test_new_tone_mark_style_is_named_with_the_fix(tmp_path, citations):
    assert check(tmp_path, citations, "# T\n\nHoà giải và thoả thuận; toàn bộ, khoản 2 đều đúng.\n") == [
        'docs/x.md:7:2: tone mark style "oà": write "òa" (hòa, thỏa, hủy as in the law)',
        'docs/x.md:7:15: tone mark style "oả": write "ỏa" (hòa, thỏa, hủy as in the law)']


def test_not_nfc_missing_front_matter_and_raw_script(tmp_path, citations):
    import unicodedata

    found = check(tmp_path, citations, unicodedata.normalize("NFD", "# Hòa\n") + '<script>x</script>\n', front="")
    assert found == ["docs/x.md:1: text is not Unicode NFC (the build normalises it; fix the file)",
                     "docs/x.md:1: no YAML front matter (title, description)",
                     "docs/x.md:2: raw <script> or on*= handler in Markdown"]


def test_unknown_document_number(tmp_path, citations):
    assert check(tmp_path, citations, "# T\n\nTheo Nghị định 99/2030/NĐ-CP và 15/2014/NĐ-CP.\n") == [
        "docs/x.md:7:16: document number 99/2030/NĐ-CP is not in data/legal-register.yml"]


def test_article_heading_must_match_the_register(tmp_path, citations):
    body = ("# Luật\n\n### Điều 24. Hòa giải thành { #dieu-24 }\n\n### Điều 20. Thời gian hòa giải { #dieu-20 }\n\n"
            "### Điều 12. Tổ hòa giải { #dieu-21 }\n")
    assert check(tmp_path, citations, body, rel="docs/van-ban/luat-35-2013.md") == [
        'docs/van-ban/luat-35-2013.md:9: title of Điều 20 is "Thời gian hòa giải"; the register says '
        '"Địa điểm, thời gian hòa giải"',
        "docs/van-ban/luat-35-2013.md:11: anchor #dieu-21 should be #dieu-12"]


def test_citations_are_linked_with_the_title_but_not_in_code_headings_or_links(citations):
    html = ('<p>Theo khoản 2 Điều 12 Luật Hòa giải ở cơ sở; <a href="#">Điều 24 Luật Hòa giải ở cơ sở</a>; '
            '<code>Điều 24 Luật Hòa giải ở cơ sở</code></p><h2>Điều 5 Nghị định 15/2014/NĐ-CP</h2>'
            '<p>Điều 417 Bộ luật Tố tụng dân sự</p>')
    out, problems = link_citations(html, citations, lambda target: "../" + target)
    assert problems == []
    assert out.count('class="hg-cite"') == 2
    assert ('<a class="hg-cite" href="../van-ban/luat-35-2013.md#dieu-12" title="Luật Hòa giải ở cơ sở, Điều 12. '
            'Tổ hòa giải">khoản 2 Điều 12 Luật Hòa giải ở cơ sở</a>') in out
    assert 'href="../van-ban/blttds-2015.md#dieu-417"' in out
    assert "<h2>Điều 5 Nghị định 15/2014/NĐ-CP</h2>" in out


def test_citations_in_comments_and_attributes_stay_text_and_unclosed_elements_are_reported(citations):
    html = ('<!-- Điều 24 Luật Hòa giải ở cơ sở --><img alt="Điều 24 Luật Hòa giải ở cơ sở">'
            '<p title="Điều 24 Luật Hòa giải ở cơ sở">Điều 24 Luật Hòa giải ở cơ sở</p>')
    out, problems = link_citations(html, citations, lambda target: target)
    assert problems == [] and out.count('class="hg-cite"') == 1
    assert out.startswith('<!-- Điều 24 Luật Hòa giải ở cơ sở --><img alt="Điều 24 Luật Hòa giải ở cơ sở">')
    with pytest.raises(Unmatched, match="<code> is never closed"):
        link_citations("<p><code>x</p><p>Điều 24 Luật Hòa giải ở cơ sở</p>", citations, str)


def test_every_document_page_matches_the_register():
    """The real pages: every article heading carries the register's exact title and anchor."""
    from hoagiai.content.checks import check_tree

    assert [str(p) for p in check_tree(ROOT)] == []
