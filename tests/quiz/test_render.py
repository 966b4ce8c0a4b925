"""Golden HTML for quiz blocks and the progress page; escaping, ids, search exclusion.

Regenerate the golden files (then review the diff!) with UPDATE_GOLDEN=1.
"""

import re
from html.parser import HTMLParser

import pytest

from hoagiai.quiz.render import render_progress, render_question, render_quiz

from quiz_support import golden


@pytest.mark.parametrize("locale", ["vi", "en", "km"])
def test_quiz_golden(banks, link_for, locale):
    golden(f"m01.{locale}.html", render_quiz(banks["m01"], locale=locale, link_for=link_for, site_id="test-site"))


def test_quiz_with_count_golden(banks, link_for):
    golden("m01.count3.vi.html",
           render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="test-site", count=3))


def test_progress_golden(banks):
    golden("progress.vi.html", render_progress(banks, locale="vi", site_id="test-site",
                                               href_for=lambda bank: f"chuong-trinh/mo-dun-{bank[1:]}/"))


class Tree(HTMLParser):
    """Checks the markup is balanced (Material's search parser needs it) and records answer text."""

    VOID = frozenset({"input", "br", "meta", "link", "img"})

    def __init__(self):
        super().__init__()
        self.stack, self.excluded_depth, self.answer_text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if "data-search-exclude" in dict(attrs):
            self.excluded_depth.append(len(self.stack))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> after {self.stack}"
        if self.excluded_depth and self.excluded_depth[-1] == len(self.stack):
            self.excluded_depth.pop()
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "summary" and not self.excluded_depth:
            raise AssertionError("answer summary outside data-search-exclude")


def test_markup_is_balanced_and_answers_are_search_excluded(banks, link_for):
    html = render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="s")
    tree = Tree()
    tree.feed(html)
    assert tree.stack == []
    # Every answer key, feedback and explanation sits inside a <details data-search-exclude>.
    assert html.count('<details class="hg-answer" data-search-exclude>') == 6
    for fragment in ("Đó là ngày thông qua.", "Luật có hiệu lực từ 01/01/2014.", "(đúng)"):
        index = html.index(fragment)
        assert html.rfind("<details", 0, index) > html.rfind("</details>", 0, index)


def test_bank_text_is_escaped(banks, link_for):
    html = render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="s")
    assert "<script>" not in html
    assert "Hòa giải &lt;script&gt;alert(1)&lt;/script&gt; &amp; {x}" in html


def test_ids_are_stable_and_unique(banks, link_for):
    first = render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="s")
    assert first == render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="s")
    ids = re.findall(r' id="([^"]+)"', first)
    assert len(ids) == len(set(ids)) and "q-m01-q01-a" in ids


def test_source_links_come_from_the_callback(banks):
    calls = []

    def link_for(doc, article):
        calls.append((doc, article))
        return f"/law/{doc}#{article}", f"Điều {article}"

    question = banks["m01"].questions[0]
    html = render_question(question, 1, "vi", link_for)
    assert calls == [("luat-35-2013", 32)]
    assert '<a href="/law/luat-35-2013#32">Điều 32</a>' in html


def test_ordering_is_not_shown_in_the_answer_order(banks, link_for):
    question = banks["m01"].questions[3]
    html = render_question(question, 4, "vi", link_for)
    inputs = re.findall(r'<div class="hg-opt hg-ord" data-o="(\w+)"', html)
    assert sorted(inputs) == ["a", "b", "c"] and inputs != ["a", "b", "c"]


def test_content_hash_is_emitted(banks, link_for):
    html = render_quiz(banks["m01"], locale="vi", link_for=link_for, site_id="s")
    assert f'data-hash="{banks["m01"].questions[0].content_hash()}"' in html
