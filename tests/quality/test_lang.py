"""`lang` on every element holding another language (WCAG 3.1.2).

The pure function hoagiai.pages.lang.mark_foreign_runs wraps Khmer-script runs on vi/en pages in
<span lang="km"> and Vietnamese runs on km pages in <span lang="vi">; the build applies it through the
on_post_page hook (see the issue-12 report for the two hook lines)."""

from __future__ import annotations

import re

import pytest

from hoagiai.pages.lang import is_vietnamese_word, mark_foreign_runs, unmarked_runs


def page_lang(rel: str) -> str:
    return rel.split("/", 1)[0] if rel.split("/", 1)[0] in ("en", "km") else "vi"


def test_khmer_runs_on_a_vietnamese_page_are_marked():
    html = ('<table><tr><td>Ấp</td><td>hamlet</td><td>ភូមិ (cần kiểm tra)</td></tr></table>'
            '<p lang="km">ខ្មែរ already marked</p><code>ខ្មែរ</code><a title="ខ្មែរ" href="#">x</a>')
    marked = mark_foreign_runs(html, "vi")
    assert '<td><span lang="km">ភូមិ</span> (cần kiểm tra)</td>' in marked
    assert '<p lang="km">ខ្មែរ already marked</p>' in marked  # inherited: left alone
    assert "<code>ខ្មែរ</code>" in marked and 'title="ខ្មែរ"' in marked  # code and attributes untouched
    assert unmarked_runs(marked, "vi") == []
    assert [u.text for u in unmarked_runs(html, "vi")] == ["ភូមិ"]
    assert mark_foreign_runs(marked, "vi") == marked  # idempotent (static-i18n runs hooks per language)


def test_vietnamese_runs_on_a_khmer_page_are_marked():
    html = '<p>មាត្រា ២ (<a href="x">Điều 2</a>) (Luật Hòa giải ở cơ sở) hamlet. Nghị định 15/2014/NĐ-CP</p>'
    marked = mark_foreign_runs(html, "km")
    assert '<a href="x"><span lang="vi">Điều 2</span></a>' in marked
    assert '(<span lang="vi">Luật Hòa giải ở cơ sở</span>) hamlet.' in marked  # plain ASCII: unknown, left
    assert '<span lang="vi">Nghị định 15/2014/NĐ-CP</span>' in marked
    assert unmarked_runs(marked, "km") == []
    assert mark_foreign_runs('<div lang="vi"><p>Hòa giải</p></div>', "km") == '<div lang="vi"><p>Hòa giải</p></div>'


def test_vietnamese_words():
    assert all(map(is_vietnamese_word, ["Điều", "hòa", "cơ", "sở", "Ấp", "NĐ-CP", "hoà"]))
    assert not any(map(is_vietnamese_word, ["hamlet", "Article", "Tan", "cafe"]))


@pytest.mark.slow
def test_language_names_in_the_switcher_carry_their_lang(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a [^>]*class="md-select__link"[^>]*>', html)
    assert len(links) == 3 and all(re.search(r'hreflang="(\w+)" lang="\1"', a) for a in links)


@pytest.mark.slow
def test_text_in_another_script_is_marked_on_every_page(site):
    problems = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        body = html[html.find("<body"):]
        problems += [f"{rel}: {u}" for u in unmarked_runs(body, page_lang(rel))[:3]]
    assert problems == []
