import re
from pathlib import Path

import pytest

from hoagiai import pages, province
from hoagiai.slugs import fold, slugify
from hoagiai.urls import relative_url


@pytest.mark.parametrize("heading, slug", [
    ("Điều 24. Hòa giải thành", "dieu-24-hoa-giai-thanh"),
    ("HÒA GIẢI", "hoa-giai"),
    ("Hoà giải", "hoa-giai"),
    ("សិទ្ធិ និងកាតព្វកិច្ច", "សិទ្ធិ-និងកាតព្វកិច្ច"),
    ("Ý chính — Mục tiêu!", "y-chinh-muc-tieu"),
])
def test_slugify_folds_vietnamese_and_keeps_khmer(heading, slug):
    assert slugify(heading, "-") == slug


def test_fold_handles_nfd_input():
    assert fold("hòa giải".encode().decode()) == "hoa giai"
    import unicodedata
    assert fold(unicodedata.normalize("NFD", "Đất đai")) == "Dat dai"


def test_province_placeholders_are_filled_and_unknown_keys_named():
    text = "Gọi {{ province.hotline }} ở {{province.name}}."
    assert province.fill(text, {"hotline": "0123", "name": "Bạc Liêu"}, locale="vi") == "Gọi 0123 ở Bạc Liêu."
    with pytest.raises(KeyError, match="docs/x.md: unknown province setting"):
        province.fill("{{ province.fax }}", {}, locale="vi", page="docs/x.md")
    with pytest.raises(KeyError, match="docs/x.md: unknown filter 'link'"):
        province.fill("{{ province.email | link }}", {"email": "a@b.vn"}, locale="vi", page="docs/x.md")


def test_placeholders_lists_todo_values():
    assert province.placeholders({"a": "TODO: publisher", "b": "ok", "c": "x TODO: publisher"}) == ["a", "c"]


def test_a_value_not_known_yet_is_never_shown_nor_linked():
    settings = {"email": "TODO: publisher", "hotline": "TODO: publisher", "portal": "TODO: publisher"}
    for text in ("{{ province.email | mailto }}", "{{ province.hotline | tel }}", "{{ province.portal | url }}",
                 "{{ province.hotline }}"):
        out = province.fill(text, settings, locale="vi")
        assert out == '<span class="hg-pending">Sở Tư pháp sẽ cập nhật</span>'
    assert "Department of Justice" in province.fill("{{ province.email }}", settings, locale="en")
    assert province.text(settings, "email", "vi") == "Sở Tư pháp sẽ cập nhật"


def test_set_values_become_links():
    settings = {"email": "hoagiai@example.vn", "hotline": "0291 3 822 000", "portal": "https://pbgdpl.example.vn/"}
    assert province.fill("{{ province.email | mailto }}", settings, locale="vi") == (
        '[hoagiai@example.vn](<mailto:hoagiai@example.vn>){ data-hg-mail="Câu hỏi về hòa giải ở cơ sở" }')
    assert province.fill("{{ province.hotline | tel }}", settings, locale="vi") == (
        "[0291 3 822 000](<tel:02913822000>)")
    assert province.fill("{{ province.portal | url }}", settings, locale="vi") == (
        "[https://pbgdpl.example.vn/](<https://pbgdpl.example.vn/>)")


@pytest.mark.parametrize("src, dst, rel", [
    ("tinh-huong/tinh-huong-01/", "van-ban/luat-35-2013/", "../../van-ban/luat-35-2013/"),
    ("", "van-ban/luat-35-2013/", "van-ban/luat-35-2013/"),
    ("tinh-huong/tinh-huong-01.html", "van-ban/luat-35-2013.html", "../van-ban/luat-35-2013.html"),
    ("van-ban/luat-35-2013/", "van-ban/luat-35-2013/", "./"),
])
def test_relative_url(src, dst, rel):
    assert relative_url(src, dst) == rel


def test_theme_fixes_remove_autocomplete_on_checkboxes():
    html = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    assert "autocomplete" not in pages.fix_theme_html(html)


def test_km_partial_covers_every_key_of_materials_english(root):
    import material

    en = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    key = re.compile(r'^\s*"([^"]+)":', re.MULTILINE)
    en_keys = set(key.findall(en.read_text(encoding="utf-8")))
    km_keys = set(key.findall((root / "overrides" / "partials" / "languages" / "km.html").read_text(encoding="utf-8")))
    assert en_keys - km_keys == set()


def test_vi_partial_covers_every_key_in_vietnamese_and_the_laws_tone_marks(root):
    """Material's own vi file falls back to English for some keys and keeps a few English strings."""
    import material

    from hoagiai.content.checks import NEW_STYLE

    en = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    pair = re.compile(r'^\s*"([^"]+)":\s*"(.*)",?$', re.MULTILINE)
    en_strings = dict(pair.findall(en.read_text(encoding="utf-8")))
    vi_strings = dict(pair.findall((root / "overrides" / "partials" / "languages" / "vi.html").read_text(encoding="utf-8")))
    assert set(en_strings) - set(vi_strings) == set()
    untranslated = [k for k, v in vi_strings.items()
                    if v == en_strings[k] and re.search("[a-z]{3}", v) and not k.startswith(("search.config", "language", "direction"))]
    assert untranslated == []
    assert [v for v in vi_strings.values() if NEW_STYLE.search(v)] == []
    assert vi_strings["top"] == "Lên đầu trang"
