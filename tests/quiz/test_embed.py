"""Markers in Markdown: found outside code fences, source line numbers, unknown banks fail the page."""

import pytest

from hoagiai.errors import UserError
from hoagiai.quiz.embed import embed_quizzes, page_url, register_link_for, relative_href
from hoagiai.quiz.markers import find_markers, front_matter_line_offset

PAGE = """\
# Tự kiểm tra

<!-- quiz m01 -->

```markdown
<!-- quiz m99 -->
```

~~~~
<!-- quiz m98 -->
~~~~

<!-- quiz m01 count=2 -->
<!-- quiz-progress -->
"""


def test_markers_skip_fenced_code_and_carry_source_lines():
    markers, problems = find_markers(PAGE, page="docs/x.md", line_offset=4)
    assert problems == []
    assert [(m.line, m.bank, m.count) for m in markers] == [(7, "m01", None), (17, "m01", 2), (18, None, None)]


def test_malformed_marker_is_reported():
    _, problems = find_markers("<!-- quiz m01 count=x -->\n", page="docs/x.md")
    assert [str(p) for p in problems] == [
        ("docs/x.md:1: malformed quiz marker '<!-- quiz m01 count=x -->' "
        "(write <!-- quiz m03 --> or <!-- quiz m03 count=10 --> on its own line)")]


def test_front_matter_offset():
    source = "---\ntitle: x\nmodule: 1\n---\n\n# H\n"
    assert front_matter_line_offset(source) == 5  # MkDocs also drops the blank line after it
    assert front_matter_line_offset(source, "# H\n") == 5
    assert front_matter_line_offset(source, "# H changed by another hook\n") == 5
    assert front_matter_line_offset("# no front matter\n") == 0


def test_unknown_bank_names_page_and_line(banks, link_for):
    source = "---\ntitle: x\n---\n# Trang\n\n<!-- quiz m99 -->\n"
    body = source.split("---\n", 2)[2]
    offset = front_matter_line_offset(source, body)
    with pytest.raises(UserError) as caught:
        embed_quizzes(body, page="docs/x.md", line_offset=offset, banks=banks, locale="vi", link_for=link_for)
    assert [str(p) for p in caught.value.problems] == ["docs/x.md:6: unknown quiz bank 'm99'"]


def test_embed_replaces_markers(banks, link_for):
    out = embed_quizzes("# A\n\n<!-- quiz m01 count=2 -->\n", page="docs/x.md", line_offset=0, banks=banks,
                        locale="vi", link_for=link_for, site_id="site-1")
    assert '<div class="hg-quiz" id="quiz-m01" data-bank="m01" data-site="site-1" data-pass="60" data-count="2">' in out
    assert "<!-- quiz" not in out


def test_same_bank_twice_and_too_large_count_fail(banks, link_for):
    with pytest.raises(UserError) as caught:
        embed_quizzes("<!-- quiz m01 -->\n\n<!-- quiz m01 -->\n<!-- quiz m01 count=9 -->\n", page="docs/x.md",
                      line_offset=0, banks=banks, locale="vi", link_for=link_for)
    assert [str(p) for p in caught.value.problems] == [
        "docs/x.md:3: quiz bank 'm01' is already embedded on this page (line 1)",
        "docs/x.md:4: count=9 but bank 'm01' has only 5 questions",
    ]


def test_page_without_markers_is_untouched(banks, link_for):
    text = "# Trang\n\nKhông có bài kiểm tra.\n"
    assert embed_quizzes(text, page="docs/x.md", line_offset=0, banks=banks, locale="vi",
                         link_for=link_for) is text


def test_progress_marker(banks, link_for):
    out = embed_quizzes("<!-- quiz-progress -->\n", page="docs/tien-do.md", line_offset=3, banks=banks,
                        locale="vi", link_for=link_for)
    assert '<div class="hg-progress"' in out and 'data-bank="m01"' in out


@pytest.mark.parametrize("directory_urls,expected", [
    (True, "../../van-ban/luat-35-2013/#dieu-24"), (False, "../../van-ban/luat-35-2013.html#dieu-24")])
def test_relative_links(directory_urls, expected):
    assert relative_href("chuong-trinh/mo-dun-03/bai.md", "van-ban/luat-35-2013.md",
                         use_directory_urls=directory_urls, anchor="dieu-24") == (
        expected if not directory_urls else "../" + expected)


def test_page_urls():
    assert page_url("index.md", False) == "index.html"
    assert page_url("a/index.md", True) == "a/"
    assert page_url("a/b.md", True) == "a/b/"


def test_register_link_for(register):
    link_for = register_link_for(register, page="tien-do.md", use_directory_urls=False)
    assert link_for("luat-35-2013", 24) == (
        "van-ban/luat-35-2013.html#dieu-24", "Điều 24. Hòa giải thành (Luật Hòa giải ở cơ sở)")
    assert link_for("luat-35-2013", None) == ("van-ban/luat-35-2013.html", "Luật Hòa giải ở cơ sở")
