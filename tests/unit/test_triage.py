"""The checker's decision tree (data/triage.yml): the real tree, every check with its exact message and
position, and the HTML it renders (a numbered checklist that works without JavaScript)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from hoagiai.content.register import load_register
from hoagiai.curriculum import LOCALES
from hoagiai.errors import UserError
from hoagiai.triage import embed
from hoagiai.triage.model import MAX_ANSWERS, check_tree_text, load_tree
from hoagiai.triage.render import cite_label, render_tree

ROOT = Path(__file__).resolve().parents[2]
FILE = "data/triage.yml"


@pytest.fixture(scope="module")
def register():
    return load_register(ROOT / "data" / "legal-register.yml")


def problems(text: str, register) -> list[str]:
    tree, found = check_tree_text(textwrap.dedent(text), FILE, register, ROOT / "docs")
    assert (tree is None) == bool(found)
    return [str(p) for p in found]


# A small valid tree: two questions, three outcomes.
GOOD = """\
start: q1
questions:
  - id: q1
    text: {vi: "Có ai gặp nguy hiểm không?"}
    answers:
      - {label: {vi: "Có"}, next: o-stop}
      - {label: {vi: "Không"}, next: q2}
  - id: q2
    text: {vi: "Các bên có muốn hòa giải không?"}
    answers:
      - {label: {vi: "Có"}, next: o-go}
      - {label: {vi: "Không"}, next: o-refer}
outcomes:
  - id: o-stop
    kind: stop
    title: {vi: "Dừng lại."}
    summary: {vi: "An toàn trước."}
    steps: [{vi: "Gọi 113."}]
    calls: [{number: "113", label: {vi: "Cảnh sát"}, checked: "congan.daklak.gov.vn"}]
    cite: [{doc: luat-35-2013, article: 10, clause: 4}]
  - id: o-go
    kind: go
    title: {vi: "Có thể hòa giải."}
    summary: {vi: "Làm theo các bước."}
    steps: [{vi: "Báo tổ trưởng."}]
    cite: [{doc: luat-35-2013, article: 16}]
    read: [chuong-trinh/mo-dun-05/bao-luc-gia-dinh.md]
  - id: o-refer
    kind: refer
    title: {vi: "Không ép."}
    summary: {vi: "Tự nguyện."}
    steps: [{vi: "Hỏi riêng."}]
    unverified: {vi: "Hỏi công chức tư pháp xã."}
"""


def with_(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- the real tree -------------------------------------------------------------------------------------

def test_the_real_tree_loads_and_every_outcome_is_within_reach(register):
    tree = load_tree(ROOT, register)
    paths = tree.paths()
    assert set(paths) == set(tree.outcomes)  # every outcome is reached
    assert max(len(p) for ps in paths.values() for p in ps) <= MAX_ANSWERS
    assert len(tree.questions) == 7 and len(tree.outcomes) == 10
    assert sum(len(ps) for ps in paths.values()) == 12


def test_the_real_tree_is_written_in_every_language(register):
    tree = load_tree(ROOT, register)
    texts = []
    for q in tree.questions.values():
        texts += [q.text, *q.help, *(a.label for a in q.answers)]
    for o in tree.outcomes.values():
        texts += [o.title, o.summary, *o.steps, *(c.label for c in o.calls)] + ([o.unverified] if o.unverified else [])
    assert all(set(t) == set(LOCALES) for t in texts)


def test_any_violence_in_the_family_ends_at_the_one_protocol(register):
    tree = load_tree(ROOT, register)
    first, second = list(tree.questions.values())[:2]
    assert first.answers[0].next == "o-nguy-hiem"  # danger now: stop and call
    assert [a.next for a in second.answers[:2]] == ["o-bao-luc-gia-dinh"] * 2  # yes and "not sure"
    dv = tree.outcomes["o-bao-luc-gia-dinh"]
    assert "chuong-trinh/mo-dun-05/bao-luc-gia-dinh.md" in dv.read
    assert any("thời gian thử" in step["vi"] for step in dv.steps)
    assert {c.number for c in dv.calls} == {"113", "111"} and all(c.checked for c in dv.calls)


def test_outcomes_resting_on_texts_not_verified_offline_say_so_and_advise_report_or_refer(register):
    tree = load_tree(ROOT, register)
    for outcome_id in ("o-dat-dai", "o-bao-luc-gia-dinh", "o-bao-truoc"):
        outcome = tree.outcomes[outcome_id]
        assert outcome.unverified, outcome_id
        assert outcome.kind in ("stop", "report", "refer")


# --- checks, with exact messages -----------------------------------------------------------------------

def test_a_good_tree_has_no_problems(register):
    assert problems(GOOD, register) == []


def test_dangling_next(register):
    assert problems(with_("next: o-go}", "next: o-gone}"), register) == [
        "data/triage.yml:11:35: questions[1] (q2).answers[0].next: no question or outcome has the id 'o-gone'",
        "data/triage.yml:21:5: outcomes[1] (o-go): not reachable from start 'q1': no answer leads here",
    ]


def test_unreachable_question(register):
    text = GOOD.replace("outcomes:\n", """\
  - id: q3
    text: {vi: "Câu thừa?"}
    answers:
      - {label: {vi: "Có"}, next: o-go}
      - {label: {vi: "Không"}, next: o-go}
outcomes:
""")
    assert problems(text, register) == [
        "data/triage.yml:13:5: questions[2] (q3): not reachable from start 'q1': no answer leads here"]


def test_a_loop_is_named_with_its_path(register):
    assert problems(with_("next: o-refer}", "next: q1}"), register) == [
        "data/triage.yml:12:38: questions[1] (q2).answers[1].next: leads back to 'q1', so the questions loop "
        "(q1 → q2 → q1); the tree must not loop",
        "data/triage.yml:28:5: outcomes[2] (o-refer): not reachable from start 'q1': no answer leads here",
    ]


def test_an_outcome_more_than_eight_answers_away(register):
    chain = "".join(f"""\
  - id: c{i}
    text: {{vi: "Câu {i}?"}}
    answers:
      - {{label: {{vi: "Có"}}, next: {"q2" if i == 9 else f"c{i + 1}"}}}
      - {{label: {{vi: "Không"}}, next: o-stop}}
""" for i in range(1, 10))
    text = GOOD.replace("next: q2}", "next: c1}").replace("outcomes:\n", chain + "outcomes:\n")
    found = problems(text, register)
    assert found == [
        "data/triage.yml:59:5: outcomes[0] (o-stop): takes up to 10 answers to reach "
        "(q1 → c1 → c2 → c3 → c4 → c5 → c6 → c7 → c8 → c9 → o-stop); at most 8",
        "data/triage.yml:66:5: outcomes[1] (o-go): takes up to 11 answers to reach "
        "(q1 → c1 → c2 → c3 → c4 → c5 → c6 → c7 → c8 → c9 → q2 → o-go); at most 8",
        "data/triage.yml:73:5: outcomes[2] (o-refer): takes up to 11 answers to reach "
        "(q1 → c1 → c2 → c3 → c4 → c5 → c6 → c7 → c8 → c9 → q2 → o-refer); at most 8",
    ]


def test_an_outcome_needs_articles_or_an_unverified_note(register):
    text = with_('    unverified: {vi: "Hỏi công chức tư pháp xã."}\n', "")
    assert problems(text, register) == [
        "data/triage.yml:28:5: outcomes[2] (o-refer): needs cite (the verified articles it rests on) or unverified "
        "(what could not be checked, and where to check it)"]


def test_citations_must_be_verified_in_the_register(register):
    text = with_("cite: [{doc: luat-35-2013, article: 16}]",
                 "cite: [{doc: luat-35-2013, article: 99}, {doc: luat-99-2099, article: 1}]")
    assert problems(text, register) == [
        "data/triage.yml:26:41: outcomes[1] (o-go).cite[0].article: Luật Hòa giải ở cơ sở (35/2013/QH13) has no "
        "verified article 99 in the register",
        "data/triage.yml:26:52: outcomes[1] (o-go).cite[1].doc: unknown document 'luat-99-2099' "
        "(ids are in data/legal-register.yml)",
    ]


def test_texts_follow_the_content_rules(register):
    text = with_('steps: [{vi: "Báo tổ trưởng."}]',
                 'steps: [{vi: "Hoà giải theo Điều 99 Luật Hòa giải ở cơ sở."}, {en: "Tell the leader."}]')
    assert problems(text, register) == [
        'data/triage.yml:25:18: outcomes[1] (o-go).steps[0].vi: "Điều 99 Luật Hòa giải ở cơ sở": Luật Hòa giải ở cơ '
        "sở (35/2013/QH13) has no verified article 99 in the register",
        'data/triage.yml:25:18: outcomes[1] (o-go).steps[0].vi: tone mark style "oà": write "òa" '
        "(hòa, thỏa, hủy as in the law)",
        "data/triage.yml:25:67: outcomes[1] (o-go).steps[1]: needs the Vietnamese text (vi)",
    ]


def test_unknown_keys_kinds_languages_and_duplicate_ids(register):
    text = GOOD.replace("kind: refer", "kind: maybe")
    text = text.replace('title: {vi: "Không ép."}', 'title: {vi: "Không ép.", fr: "Non."}')
    text = text.replace("  - id: o-go\n", "  - id: o-stop\n    colour: green\n")
    assert problems(text, register) == [
        "data/triage.yml:11:35: questions[1] (q2).answers[0].next: no question or outcome has the id 'o-go'",
        "data/triage.yml:21:5: outcomes[1].id: duplicate id 'o-stop' (also outcomes[0] (o-stop))",
        "data/triage.yml:22:5: outcomes[1] (o-stop).colour: unknown key (allowed: id, kind, title, summary, steps, "
        "calls, cite, read, unverified)",
        "data/triage.yml:30:11: outcomes[2] (o-refer).kind: unknown kind 'maybe' (use stop, report, refer, care, go)",
        "data/triage.yml:31:30: outcomes[2] (o-refer).title: unknown language 'fr' (use vi, en, km)",
    ]


def test_calls_read_pages_points_and_start(register):
    text = GOOD.replace('number: "113"', "number: 113").replace(
        "read: [chuong-trinh/mo-dun-05/bao-luc-gia-dinh.md]", "read: [khong-co-trang-nay.md]").replace(
        "cite: [{doc: luat-35-2013, article: 10, clause: 4}]", "cite: [{doc: luat-35-2013, article: 10, point: c}]")
    text = text.replace("start: q1", "start: o-go")
    assert problems(text, register) == [
        "data/triage.yml:1:8: start: must be the id of a question (got 'o-go')",
        'data/triage.yml:19:22: outcomes[0] (o-stop).calls[0].number: must be the digits to dial, in quotes '
        '(e.g. "113"), not 113',
        "data/triage.yml:20:52: outcomes[0] (o-stop).cite[0].point: must be one letter (a, b, đ …) and needs a clause",
        "data/triage.yml:27:12: outcomes[1] (o-go).read[0]: no page docs/khong-co-trang-nay.md",
    ]


def test_yaml_syntax_and_shape_errors_are_problems_not_tracebacks(register):
    assert problems("start: [q1\n", register) == [
        "data/triage.yml:2:1: YAML syntax: while parsing a flow sequence: expected ',' or ']', but got '<stream end>'"]
    assert problems("- just a list\n", register) == [
        "data/triage.yml:1:1: top level must be a mapping with start, questions and outcomes"]
    assert problems("start: q1\n", register) == ["data/triage.yml:1:1: missing outcomes",
                                                 "data/triage.yml:1:1: missing questions"]


def test_load_tree_raises_one_user_error_with_every_problem(tmp_path, register):
    bad = tmp_path / "data" / "triage.yml"
    bad.parent.mkdir()
    bad.write_text(with_("next: o-go}", "next: o-gone}"), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_tree(tmp_path, register)
    assert [str(p) for p in caught.value.problems][0].startswith("data/triage.yml:11:35: ")
    (tmp_path / "data" / "triage.yml").unlink()
    with pytest.raises(UserError, match="data/triage.yml: the checker's decision tree is missing"):
        load_tree(tmp_path, register)


def test_a_site_without_the_tree_builds_unless_a_page_embeds_the_checker(tmp_path):
    from hoagiai.sitebuild import PageRef, SiteBuild

    warnings: list[str] = []
    build = SiteBuild(tmp_path, warn=warnings.append)
    build.tree = None
    page = PageRef("a.md", "", "a/", "A", {"hg_triage": True}, "vi")
    assert build._triage("<p>x</p>", page, "vi", lambda path: None, lambda target: target) == "<p>x</p>"
    assert warnings == ["a.md: the page has <!-- triage --> but data/triage.yml is missing"]


# --- rendering -----------------------------------------------------------------------------------------

def render(register, tree_text: str = GOOD, locale: str = "vi") -> str:
    tree, found = check_tree_text(tree_text, FILE, register, ROOT / "docs")
    assert not found
    return render_tree(tree, register, locale, href_for=lambda target: "../../" + target.replace(".md", "/"),
                       page_link=lambda path: (f"../../{path[:-3]}/", f"Trang {path}"))


def test_the_checklist_without_javascript(register):
    html = render(register)
    assert html.startswith('<div class="hg-triage" data-hg-tool="triage" data-hg-start="hg-t-q1"')
    assert '<div class="hg-triage__stage" hidden></div>' in html  # JavaScript shows it
    assert 'role="status" aria-live="polite"' in html
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'href="#([^"]+)"', html)
    assert targets and all(t in ids for t in targets)  # every answer leads somewhere on the page
    assert ('<a href="#hg-t-q2" data-hg-next="hg-t-q2"><span class="hg-triage__label">Không</span> → sang câu 2</a>'
            in html)
    assert "<span class=\"hg-triage__label\">Có</span> → kết quả: Dừng lại.</a>" in html
    assert html.count('<li id="hg-t-q') == 2 and html.count('<section id="hg-t-o-') == 3


def test_outcomes_show_calls_basis_unverified_marker_and_pages(register):
    html = render(register)
    assert '<a class="hg-triage__call" href="tel:113"><strong>113</strong> Cảnh sát</a>' in html
    assert ('<a class="hg-cite" href="../../van-ban/luat-35-2013/#dieu-10" title="Luật Hòa giải ở cơ sở, Điều 10. '
            'Nghĩa vụ của hòa giải viên">khoản 4 Điều 10 Luật Hòa giải ở cơ sở</a>') in html
    assert '<em class="hg-unverified" title="Hỏi công chức tư pháp xã.">chưa kiểm chứng</em>' in html
    assert ('<a href="../../chuong-trinh/mo-dun-05/bao-luc-gia-dinh/">Trang chuong-trinh/mo-dun-05/bao-luc-gia-dinh.md'
            '</a>') in html


def test_text_missing_in_a_language_is_shown_in_vietnamese_and_marked(register):
    html = render(register, locale="km")
    assert '<span lang="vi">Có ai gặp nguy hiểm không?</span>' in html
    assert 'data-hg-back="ត្រឡប់ទៅសំណួរមុន"' in html  # the tool's own words are translated
    assert '<em class="hg-unverified" title="Hỏi công chức tư pháp xã.">មិនទាន់ផ្ទៀងផ្ទាត់</em>' in html


def test_texts_are_escaped(register):
    html = render(register, with_('title: {vi: "Không ép."}', 'title: {vi: "<script>x</script>"}'))
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("locale, label", [("vi", "điểm c khoản 1 Điều 3 Luật Hòa giải ở cơ sở"),
                                           ("en", "Article 3(1)(c), Luật Hòa giải ở cơ sở"),
                                           ("km", "មាត្រា 3 កថាខណ្ឌ 1 ចំណុច c, Luật Hòa giải ở cơ sở")])
def test_citation_labels(locale, label):
    from hoagiai.triage.model import Cite

    assert cite_label(Cite("luat-35-2013", 3, 1, "c"), "Luật Hòa giải ở cơ sở", locale) == label


def test_the_marker_is_found_outside_code_only():
    text = "# T\n\n<!-- triage -->\n\n```\n<!-- triage -->\n```\n"
    marked, found = embed.mark(text)
    assert found
    assert marked.count(embed.PLACEHOLDER) == 1 and "```\n<!-- triage -->\n```" in marked
    assert embed.mark("# T\n") == ("# T\n", False)


def test_hoagiai_check_reports_the_tree_with_file_and_line(tmp_path, register):
    from hoagiai.content.checks import _triage_problems

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "triage.yml").write_text(with_("next: o-go}", "next: o-gone}"), encoding="utf-8")
    found = [str(p) for p in _triage_problems(tmp_path, register)]
    assert found[0] == ("data/triage.yml:11:35: questions[1] (q2).answers[0].next: no question or outcome has the id "
                        "'o-gone'")
    assert _triage_problems(ROOT, register) == []


def test_page_assets_are_linked_and_a_missing_one_fails_the_build():
    from hoagiai.sitebuild import PageRef, SiteBuild

    warnings: list[str] = []
    build = SiteBuild(ROOT, warn=warnings.append)

    def page(assets):
        return PageRef("cong-cu/the-bo-tui.md", "", "cong-cu/the-bo-tui/", "Thẻ", {"page_assets": assets}, "vi")

    assert build._page_assets(page(["tools/cards.css"])) == \
        '<link rel="stylesheet" href="../../assets/tools/cards.css">\n'
    assert build._page_assets(page(["tools/none.css"])) == "" and warnings == [
        "cong-cu/the-bo-tui.md: page_assets: no stylesheet docs/assets/tools/none.css"]
