"""Content rules (data/content-rules.yml): every rule catches its example and lets its fixed text pass; the
site is clean; units, positions and a broken rules file are reported exactly."""

from pathlib import Path

import pytest

from hoagiai.content.rules import Unit, check_rules, findings, load_rules, markdown_units
from hoagiai.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_fires_on_its_example_and_passes_the_fix(rule):
    def caught(text: str) -> bool:
        return bool(findings(rule, [Unit([(1, text)])], "x.md"))

    assert caught(rule.fires), f"{rule.id} misses its own example"
    assert not caught(rule.passes), f"{rule.id} fires on the fixed text"


def test_the_site_keeps_every_rule():
    assert [str(p) for p in check_rules(ROOT, RULES)] == []


def test_one_finding_per_error_with_its_line(tmp_path):
    page = tmp_path / "docs" / "p.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: T\n---\n\nMở đầu.\n\n- Thù lao là\n  300.000 đồng một vụ, việc.\n"
                    "- Mức tối đa 400.000 đồng.\n\n```\n300.000 đồng trong mã\n```\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "m01.yml").write_text(
        "id: m01\nquestions:\n  - id: m01-q01\n    explanation: {vi: \"Được 150.000 đồng mỗi tháng.\"}\n",
        encoding="utf-8")
    rule = next(r for r in RULES if r.id == "tt56-maximum")
    assert [str(p) for p in check_rules(tmp_path, [rule])] == [
        "docs/p.md:8: tt56-maximum: the rates of Circular 56/2023 are maximums; the provincial People's Council "
        "sets the rate that applies (Thông tư 56/2023/TT-BTC, Điều 5 khoản 1)",
        "quizzes/m01.yml:4: tt56-maximum: the rates of Circular 56/2023 are maximums; the provincial People's "
        "Council sets the rate that applies (Thông tư 56/2023/TT-BTC, Điều 5 khoản 1)"]


def test_units(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("# A\n\nMột. Hai\nba.\n\n- x\n- y\n| a | b |\n\n## B\n\nCuối.\n", encoding="utf-8")
    texts = {kind: [u.text for u in markdown_units(page, kind)] for kind in ("item", "paragraph", "section")}
    assert texts["item"] == ["Một. Hai ba.", "- x", "- y", "| a | b |", "Cuối."]
    assert texts["paragraph"] == ["Một. Hai ba.", "- x - y | a | b |", "Cuối."]
    assert texts["section"] == ["# A Một. Hai ba. - x - y | a | b |", "## B Cuối."]


def test_a_broken_rules_file_is_named_with_positions(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "content-rules.yml").write_text(
        "rules:\n  - id: x\n    pattern: '(unclosed'\n    files: [docs/*.md]\n    message: m\n    source: s\n"
        "    unit: word\n    example: {fires: a}\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_rules(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert messages[0].startswith("data/content-rules.yml:3:14: rules[0].pattern: not a valid regular expression")
    assert "data/content-rules.yml:7:11: rules[0].unit: unknown unit 'word' (use sentence, item, paragraph, section)" \
        in messages
    assert "data/content-rules.yml:8:14: rules[0].example: needs {fires: <a text the rule catches>, passes: " \
           "<the fixed text>}" in messages
