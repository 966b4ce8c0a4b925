"""The HTML helpers the build uses instead of a full walk (element spans), and what is built on them:
search sections and the lang marking, compared with the walk they replace."""

import pytest

from hoagiai import htmltext
from hoagiai.pages.lang import _mark_by_walk, mark_foreign_runs
from hoagiai.search.index import page_sections


def test_element_end_counts_nested_elements_of_the_same_name():
    html = '<div lang="vi"><div>a</div><br><div/>b</div>c'
    assert html[:htmltext.element_end(html, "div", len('<div lang="vi">'))] == html[:-1]
    assert htmltext.element_end("<br>x", "br", 4) == 4  # void
    script = "<script>if (a<b) '</div>'</script>x"
    assert htmltext.element_end(script, "script", 8) == len(script) - 1  # raw text: the first </script>


def test_unclosed_elements_are_reported_by_name():
    with pytest.raises(htmltext.Unmatched, match="<code> is never closed"):
        htmltext.element_end("<code>x", "code", 6)


def test_outermost_spans_leave_nested_ones_out_and_include_comments():
    html = "a<pre><code>x</code></pre><!-- c --><code>y</code>"
    spans = htmltext.outermost_spans(html, htmltext.start_tags(["pre", "code"]))
    assert [html[s:e] for s, e in spans] == ["<pre><code>x</code></pre>", "<!-- c -->", "<code>y</code>"]
    assert htmltext.inside(spans, html.index("x")) == spans[0][1] and htmltext.inside(spans, 0) == 0


def test_spans_of_tags_with_an_attribute_ignore_the_same_text_outside_tags():
    html = '<p>data-search-exclude</p><div data-search-exclude><div>x</div></div>'
    assert [html[s:e] for s, e in htmltext.spans_of_tags_with(html, "data-search-exclude")] == [
        "<div data-search-exclude><div>x</div></div>"]


def test_page_sections_split_at_headings_with_ids_and_drop_what_search_must_not_hold():
    html = ('<h1 id="t">Tiêu đề</h1><p>Mở đầu &amp; giới thiệu</p><!-- ẩn -->'
            '<h2 id="buoc-1">Bước 1 <a class="headerlink" href="#buoc-1">¶</a></h2><p>Gặp các bên</p>'
            '<div data-search-exclude><p>Đáp án: B</p><div>lồng</div></div><script>var x = "<h2>";</script>'
            '<h2>Không có id</h2><p>vẫn thuộc bước 1</p><svg><title>icon</title></svg>'
            '<h3 id="ghi-chu">Ghi chú</h3><h4>Nhỏ</h4><p>cuối</p><h4 id="dieu-7">Điều 7. Tiêu chuẩn</h4><p>Luật</p>')
    sections = page_sections(html, "trang/", "Trang", "Mô tả")
    assert [(s.url, s.heading, s.text[0], s.level) for s in sections] == [
        ("trang/", "", "Mô tả Mở đầu & giới thiệu", 0),
        ("trang/#buoc-1", "Bước 1", "Gặp các bên Không có id vẫn thuộc bước 1", 2),  # a heading without id: text
        ("trang/#ghi-chu", "Ghi chú", " Nhỏ cuối", 3),
        ("trang/#dieu-7", "Điều 7. Tiêu chuẩn", "Luật", 4),  # articles are h4 on law pages
    ]
    with pytest.raises(htmltext.Unmatched):
        page_sections("<nav><p>x</p>", "", "T")


@pytest.mark.parametrize("lang, html", [
    ("km", ('<html lang="km"><body><p>ខ្មែរ (Luật Hòa giải)</p><div lang="vi"><p>Hòa giải ភូមិ</p>'
            '<span lang="km">ភូមិ Điều 2</span></div><script>var s = "<p lang=\'en\'>Hòa</p>";</script>'
            '<a title="Hòa giải">Hòa giải</a><code>Điều 2</code><!-- Hòa --></body></html>')),
    ("vi", ('<html lang="vi"><p>ភូមិ <b>ខ្មែរ</b></p><p lang="km">ខ្មែរ</p><div lang="en"><p>hamlet ភូមិ</p></div>'
            '<svg><text>ភូមិ</text></svg></html>')),
])
def test_marking_by_spans_matches_the_walk(lang, html):
    assert mark_foreign_runs(html, lang) == _mark_by_walk(html, lang) != html


def test_html_that_does_not_close_is_marked_by_the_walk():
    html = '<p lang="vi">Hòa giải<p>Luật Hòa giải'
    assert mark_foreign_runs(html, "km") == _mark_by_walk(html, "km")
