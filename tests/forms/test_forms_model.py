"""The form definitions (data/forms/): what they mark as required by law, and the messages for bad ones."""

from pathlib import Path

import pytest

from hoagiai.content.citations import Citations
from hoagiai.content.register import load_register
from hoagiai.errors import UserError
from hoagiai.forms.embed import embed_forms, restore_blocks
from hoagiai.forms.model import FORMS_DIR, UI_KEYS, load_forms
from hoagiai.forms.render import document_css, render_form
from hoagiai.source import parse_markdown

ROOT = Path(__file__).resolve().parents[2]
TODO = {"hotline": "TODO: publisher", "email": "TODO: publisher", "zalo": "TODO: publisher"}


@pytest.fixture(scope="module")
def citations():
    return Citations(load_register(ROOT / "data" / "legal-register.yml"))


@pytest.fixture(scope="module")
def forms(citations):
    return load_forms(ROOT, citations)


def laws(form) -> list[str]:
    return [s.law for s in form.sections if s.law] + [f.law for s in form.sections for f in s.fields if f.law]


def test_every_form_is_on_its_page_once(forms):
    assert set(forms.forms) == {"van-ban-hoa-giai-thanh", "bien-ban-hoa-giai-khong-thanh", "so-theo-doi",
                                "don-yeu-cau-cong-nhan", "cau-hoi"}
    for form in forms.forms.values():
        text = (ROOT / "docs" / form.page).read_text(encoding="utf-8")
        markers = [line for _, line in parse_markdown(text, form.page).prose() if line.strip() == f"<!-- form {form.id} -->"]
        assert len(markers) == 1, form.page
        assert form.id == Path(form.page).stem or (form.id, form.page) == ("cau-hoi", "gui-cau-hoi.md")


def test_the_agreement_marks_the_eight_contents_of_article_24(forms):
    marked = laws(forms.forms["van-ban-hoa-giai-thanh"])
    assert marked == [f"điểm {p} khoản 2 Điều 24 Luật Hòa giải ở cơ sở" for p in ("a", "b", "c", "d", "đ", "e", "g", "h")]


def test_the_request_marks_what_article_418_lists_and_no_more(forms):
    """418.1 lists points a, b, c, đ, e and g of 362.2 (not d), then its own b and c; 418.2: the agreement attached."""
    marked = laws(forms.forms["don-yeu-cau-cong-nhan"])
    code = "Bộ luật Tố tụng dân sự"
    assert sorted(marked) == sorted([f"điểm {p} khoản 2 Điều 362 {code}" for p in ("a", "b", "c", "đ", "e", "g")]
                                    + [f"điểm b khoản 1 Điều 418 {code}", f"điểm c khoản 1 Điều 418 {code}",
                                       f"khoản 2 Điều 418 {code}"])
    attached = forms.forms["don-yeu-cau-cong-nhan"].fields()["kem-theo"]
    assert attached.need == ("vb-hgt",)


def test_no_law_marks_where_the_law_sets_no_contents(forms):
    for form_id in ("bien-ban-hoa-giai-khong-thanh", "so-theo-doi", "cau-hoi"):
        assert laws(forms.forms[form_id]) == []


def test_the_logbook_takes_identity_numbers_only_when_needed(forms):
    fields = {f.id: f for s in forms.forms["so-theo-doi"].sections for g in s.fields for f in (g, *g.fields)}
    number = fields["so-dinh-danh"]
    assert not number.required and "Không bắt buộc" in number.hint and "giữ kín" in number.hint


def test_identity_number_for_each_party(forms):
    for form_id, group in (("van-ban-hoa-giai-thanh", "ben"), ("bien-ban-hoa-giai-khong-thanh", "ben"),
                           ("don-yeu-cau-cong-nhan", "nguoi")):
        types = {f.id: f.type for f in forms.forms[form_id].fields()[group].fields}
        assert types["so-dinh-danh"] == "idnumber"


def test_every_text_the_script_needs(forms):
    assert set(forms.ui) == set(UI_KEYS)


def write_form(root: Path, name: str, text: str) -> None:
    folder = root / FORMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for real in (ROOT / FORMS_DIR).glob("_ui.yml"):
        (folder / real.name).write_text(real.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "mau.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")


BAD = """id: mau
page: mau.md
title: MẪU
draft_title: [khong-co]
sections:
  - id: a
    legend: Phần hoà giải
    law: Điều 99 Luật Hòa giải ở cơ sở
    print: ["{chua-co}", "@khac"]
    sign: [ben]
    fields:
      - {id: x, label: X, type: colour}
      - {id: y, label: Y, typo: text}
"""


def test_bad_definitions_name_file_line_and_key(tmp_path, citations):
    write_form(tmp_path, "mau.yml", BAD)
    with pytest.raises(UserError) as err:
        load_forms(tmp_path, citations)
    text = str(err.value)
    for expected in ('data/forms/mau.yml:7:', 'tone mark style "oà"', "data/forms/mau.yml:8:",
                     "no verified article 99", "fields[0] (x).type: must be one of", "fields[1].typo: unknown key",
                     "{chua-co} is not a field", "'@khac': use @title", "'ben' is not a group",
                     "'khong-co' is not a field"):
        assert expected in text, expected
    assert "Traceback" not in text


def test_the_file_name_is_the_id(tmp_path, citations):
    write_form(tmp_path, "khac.yml", "id: mau\npage: mau.md\nsections:\n  - {id: a, legend: A, fields: [{id: x, label: X}]}\n")
    with pytest.raises(UserError, match=r"khac.yml:1:1: id: must be the file name \('khac'\)"):
        load_forms(tmp_path, citations)


def test_markers(forms):
    rendered = []
    md = "# T\n\n<!-- form so-theo-doi -->\n\n```\n<!-- form nothing -->\n```\n"
    out = embed_forms(md, page="docs/bieu-mau/so-theo-doi.md", src_uri="bieu-mau/so-theo-doi.md", forms=forms,
                      line_offset=4, render=lambda i: rendered.append(i) or f"<form>{i}</form>", stash=(stash := []))
    assert rendered == ["so-theo-doi"] and "<!-- hg-form-block 0 -->" in out and "<!-- form nothing -->" in out
    assert restore_blocks(out, stash).count("<form>so-theo-doi</form>") == 1
    for md, message in (("<!-- form khong-co -->", "docs/x.md:5: unknown form 'khong-co'"),
                        ("<!-- form so-theo-doi -->", "docs/x.md:5: form 'so-theo-doi' belongs on docs/bieu-mau/so-theo-doi.md"),
                        ("<!-- form so theo doi -->", "docs/x.md:5: malformed form marker")):
        with pytest.raises(UserError, match=message):
            embed_forms(md, page="docs/x.md", src_uri="x.md", forms=forms, line_offset=4, render=str, stash=[])


def test_channels_only_when_the_province_has_set_them(forms):
    html = render_form(forms.forms["cau-hoi"], forms.ui, site_id="s", province=TODO)
    assert "TODO" not in html and "sms:" not in html and "mailto:" not in html
    assert forms.ui["send_none"][:40] in html
    html = render_form(forms.forms["cau-hoi"], forms.ui, site_id="s", mail_subject="Hỏi",
                       province={"hotline": "0291 3 822 000", "email": "tuphap@example.org", "zalo": "TODO: publisher"})
    assert 'href="sms:02913822000"' in html and 'href="mailto:tuphap@example.org"' in html
    assert 'data-subject="Hỏi"' in html and "TODO" not in html


def test_texts_are_escaped_and_the_print_rules_cannot_close_their_element(forms):
    from dataclasses import replace

    form = forms.forms["so-theo-doi"]
    section = replace(form.sections[0], legend='<script>alert("x")</script>')
    html = render_form(replace(form, sections=(section, *form.sections[1:])), forms.ui, site_id="s", province=TODO)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "</" not in document_css() and "@page" in document_css()


def test_every_form_renders_valid_ids(forms):
    import re

    for form in forms.forms.values():
        html = render_form(form, forms.ui, site_id="s", province=TODO)
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), form.id
        for ref in re.findall(r'(?:for|aria-describedby)="([^"]+)"', html):
            assert all(r in ids for r in ref.split()), (form.id, ref)
