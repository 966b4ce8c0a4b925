"""Reading aids (issue 19): which pages get which control, when "Chia sẻ" is offered, the markup."""

import pytest

from hoagiai import reading


@pytest.mark.parametrize("src, kind", [
    ("chuong-trinh/mo-dun-03/tien-hanh-hoa-giai.md", "page"),
    ("chuong-trinh/mo-dun-03/tien-hanh-hoa-giai.km.md", "page"),
    ("tinh-huong/tinh-huong-01.md", "page"),
    ("dan-toc-thieu-so/tinh-huong-dtts-01.md", "page"),
    ("van-ban/luat-35-2013.en.md", "page"),
    ("bai-giang-mau/mo-dun-01.md", "page"),
    ("cach-lam-hay.md", "page"),
    ("hoi-dap.md", "answers"),
    ("hoi-dap.en.md", "answers"),
    ("index.md", None), ("tu-kiem-tra.md", None), ("tien-do.md", None), ("bieu-mau/so-theo-doi.md", None),
    ("thuat-ngu.md", None), ("gui-cau-hoi.md", None),
])
def test_which_pages_are_read_aloud(src, kind):
    assert reading.read_aloud(src) == kind


@pytest.mark.parametrize("url, public", [
    ("https://example.org/hoa-giai-co-so/", False),      # the default in mkdocs.yml
    ("https://www.example.com/hg/", False),
    ("http://example.net/", False),
    ("https://TODO: publisher/hoa-giai-co-so/", False),
    ("", False), (None, False), ("file:///srv/site/", False),
    ("https://stp.tinh.test/hoa-giai-co-so/", True),
    ("http://pbgdpl.example-province.vn/hoa-giai-co-so/", True),  # only the reserved example hosts are placeholders
])
def test_public_site(url, public):
    assert reading.public_site(url) is public


def test_share_address_only_for_a_public_web_build():
    page = "https://stp.tinh.test/hoa-giai-co-so/tinh-huong/tinh-huong-01/"
    assert reading.share_address(page, "https://stp.tinh.test/hoa-giai-co-so/", offline=False) == page
    assert reading.share_address(page, "https://stp.tinh.test/hoa-giai-co-so/", offline=True) is None
    assert reading.share_address("https://example.org/hoa-giai-co-so/x/", "https://example.org/hoa-giai-co-so/",
                                 offline=False) is None


def test_toolbar_markup_and_escaping():
    bar = reading.toolbar("en", site_id="s", speak=True, help_href="../gioi-thieu/cach-su-dung/#nghe-doc",
                          share_url='https://a.test/x/?q="1"', title='He said "hi" & <left>')
    assert bar.startswith('<div class="hg-tools" lang="en" data-site="s"')
    assert 'aria-label="Larger text">A+</button></span>' in bar  # the text-size control's last button enlarges
    assert ">Listen</button>" in bar and "data-hg-speak>" in bar
    assert 'data-hg-share="https://a.test/x/?q=&quot;1&quot;"' in bar
    assert 'data-title="He said &quot;hi&quot; &amp; &lt;left&gt;"' in bar
    assert 'role="status"' in bar
    bare = reading.toolbar("vi", site_id="s", speak=False, help_href="x")
    assert "data-hg-speak" not in bare and "data-hg-share" not in bare and "data-hg-textsize" in bare


def test_controls_go_after_the_title_and_after_each_answer():
    html = ('<h1 id="t">Hỏi đáp</h1><p>Intro</p><h2 id="a">A</h2><h3 id="hd-01">Q1?</h3><p>A1</p>'
            '<h3 id="hd-02">Q2?</h3><p>A2</p>')
    out = reading.add_aids(html, "<TOOLS>", locale="km", answers=True)
    assert out.startswith('<h1 id="t">Hỏi đáp</h1><TOOLS><p>Intro</p>')
    assert out.count("data-hg-speak=") == 2
    assert '<h3 id="hd-02">Q2?</h3><div class="hg-speak-one" lang="km"><button type="button" class="hg-tool" ' \
           'data-hg-speak="hd-02" aria-describedby="hd-02">' in out
    assert reading.add_aids("<p>no title</p>", "<TOOLS>", locale="vi") == "<TOOLS><p>no title</p>"


def test_the_benchmark_table_holds_the_reading_aids_budget():
    import json
    from pathlib import Path

    from hoagiai.bench.cli import LATEST, table

    data = json.loads((Path(__file__).resolve().parents[2] / LATEST).read_text(encoding="utf-8"))
    data["reading"] = {"reading_page_gz": 3001, "read_aloud_gz": 5324}
    text = table(data)
    assert "| Reading aids JS + CSS on a reading page: text size, Nghe, share (gzip) | 3.0 KB | ≤ 3 KB |" in text
    assert "| Read aloud, loaded when Nghe is pressed (gzip) | 5.3 KB |  |" in text
    assert "reading_page_gz = 3001 (target ≤ 3000)" in text
