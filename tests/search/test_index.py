"""The search index as written by the build: its schema, the split into a core and page texts, its size, the
data files behind it (synonyms, village words, suggestions) and what the PWA keeps."""

import gzip
import json
import re
from pathlib import Path

import jsonschema
import pytest

from hoagiai.errors import UserError
from hoagiai.publish import pwa
from hoagiai.search import data as search_data
from hoagiai.search.index import FIELDS, SCHEMA, kind_of, text_name
from hoagiai.search.text import fold, tokens

LOCALES = ("vi", "en", "km")


def script_value(path: Path):
    """The JSON a search script file assigns: `(window.X=window.X||{})["key"]=<json>;`."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=") + 2:].rstrip().rstrip(";"))


@pytest.fixture(scope="module")
def cores(site):
    return {lang: script_value(site / "search" / f"hg-{lang}.js") for lang in LOCALES}


def test_every_core_follows_the_schema_and_names_its_fields(cores):
    for lang, core in cores.items():
        jsonschema.validate(core, SCHEMA)
        assert core["lang"] == lang and core["fields"] == FIELDS
        assert ("plan" in core) == (lang != "vi")
        assert not set(core["terms"]) & set(core["common"])  # a token is posted one way only


def test_each_page_has_a_text_file_with_one_text_per_section(site, cores):
    for lang, core in cores.items():
        doc_of = FIELDS["section"].index("doc")
        page_of = FIELDS["doc"].index("page")
        counts: dict[int, int] = {}
        for row in core["sections"]:
            page = core["docs"][row[doc_of]][page_of]
            counts[page] = counts.get(page, 0) + 1
        for i, (url, _title, name) in enumerate(core["pages"]):
            texts = script_value(site / "search" / f"{name}.js")
            jsonschema.validate(texts, SCHEMA["$defs"]["text_file"])
            assert len(texts) == counts[i], (lang, url)
            assert name == text_name(lang, url)


def test_the_first_search_core_stays_small(site):
    """The budget is 200 KB gzip for the first search (bench: size.first_search_download_gz), the texts of the
    results in view included: the core, search.js and its CSS leave room for them."""
    core = sum(len(gzip.compress((site / rel).read_bytes(), 6))
               for rel in ("search/hg-vi.js", "assets/js/search.js", "assets/css/search.css"))
    assert core <= 170_000, core
    texts = [len(gzip.compress(p.read_bytes(), 6)) for p in (site / "search" / "vi").rglob("*.js")]
    assert len(texts) > 100 and sorted(texts)[len(texts) // 2] < 5_000  # a typical page's text: a few KB


def test_faq_questions_are_results_of_their_own_titled_with_the_question(cores):
    core = cores["vi"]
    anchor, title, kind = (FIELDS["doc"].index(f) for f in ("anchor", "title", "kind"))
    faq = [d for d in core["docs"] if d[kind] == "faq"]
    questions = {d[anchor]: d[title] for d in faq if d[anchor]}
    assert len(questions) >= 40 and questions["hd-33"] == "Chồng đánh vợ, có hòa giải được không?"
    assert [d[anchor] for d in faq].count("") == 1  # and the FAQ page itself


@pytest.mark.parametrize("url, kind", [
    ("tinh-huong/tinh-huong-12/", "case"), ("dan-toc-thieu-so/tinh-huong-dtts-03/", "case"),
    ("km/tinh-huong/tinh-huong-12/", "case"), ("tinh-huong/tinh-huong-12.html", "case"),
    ("hoi-dap/", "faq"), ("van-ban/luat-35-2013/", "law"), ("van-ban/", "overview"),
    ("chuong-trinh/mo-dun-03/", "overview"), ("chuong-trinh/mo-dun-03/index.html", "overview"), ("", "overview"),
    ("en/", "overview"), ("chuong-trinh/mo-dun-03/tien-hanh-hoa-giai/", "reading"), ("thuat-ngu/", "reading"),
    ("tu-kiem-tra/", "quiz"), ("tien-do/", "progress"), ("km/ban-dich-cho-ra-soat/", "review"),
    ("gui-cau-hoi/", "ask"), ("bai-giang-mau/mo-dun-04/", "trainer"), ("huong-dan-tap-huan-vien/to-chuc-dong-vai/", "trainer"),
])
def test_kind_of_a_page(url, kind):
    assert kind_of(url) == kind
    assert kind in SCHEMA["$defs"]["doc"]["prefixItems"][FIELDS["doc"].index("kind")]["enum"]


def test_no_search_file_holds_quiz_questions_answers_or_explanations(site, root):
    """Answers and explanations are marked data-search-exclude, and quiz questions are no answer to a
    situation either: none reaches any search file; the quiz page is still found by its title."""
    from hoagiai.quiz.loader import load_banks

    questions = load_banks(root=root)["m03"].questions
    secrets = [" ".join(q.explanation["vi"].split()) for q in questions if len(q.explanation.get("vi", "")) > 80]
    pages = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (root / "docs").rglob("*.md"))
    secrets += [" ".join(q.prompt["vi"].split()) for q in questions if len(q.prompt.get("vi", "")) > 60
                and " ".join(q.prompt["vi"].split()) not in pages]  # (a true/false prompt may quote a page)
    assert len(secrets) > 10
    everything = "".join(p.read_text(encoding="utf-8") for p in (site / "search").rglob("*.js"))
    assert [s[:60] for s in secrets if s in everything] == []
    assert '"tu-kiem-tra/","Tự kiểm tra"' in everything


def test_the_pwa_keeps_every_search_file_for_its_language(site):
    lists = pwa.file_lists(site)
    files = {p.relative_to(site).as_posix() for p in (site / "search").rglob("*.js")}
    for lang in LOCALES:
        mine = {f for f in files if f == f"search/hg-{lang}.js" or f.startswith(f"search/{lang}/")}
        vi = {f for f in files if f == "search/hg-vi.js" or f.startswith("search/vi/")}
        assert mine | vi <= set(lists[lang]), lang  # en and km show Vietnamese pages: their texts too
    assert not [f for f in lists["shared"] if f.startswith("search/")]


# ---- data files

def test_the_site_side_of_every_mapping_occurs_on_the_site(site, cores, root):
    data = search_data.load(root)
    texts = " ".join(" ".join(tokens(" ".join(script_value(p)))) for p in (site / "search" / "vi").rglob("*.js"))
    titles = " ".join(" ".join(tokens(" ".join(map(str, row)))) for row in cores["vi"]["sections"] + cores["vi"]["docs"])
    corpus = f" {texts} {titles} "
    assert data.mappings
    for typed, site_phrase in data.mappings:
        assert f" {site_phrase} " in corpus, (typed, site_phrase)
    for group in data.groups:
        assert any(f" {phrase} " in corpus for phrase in group), group


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    with pytest.raises(UserError) as exc:
        search_data.load(root)
    return [str(p) for p in exc.value.problems]


def test_bad_synonyms_are_reported_with_file_line_and_entry(tmp_path):
    root = write(tmp_path, "search-synonyms.yml", "\n".join([
        "- [sổ đỏ, giấy chứng nhận]",        # 1 fine
        "- [một]",                           # 2 a group of one
        "- typed: vô",                       # 3 no site
        "- {typed: [ly dị], site: ly hôn}",  # 4 fine
        "- {typed: [cấp dưỡng], site: phụng dưỡng}",  # 5 linked, but never (line 7)
        "- never: [ly hôn]",                 # 6 a never needs two
        "- never: [cấp dưỡng, phụng dưỡng]",
        "- [hàng xóm, xóm]",                 # 8 a phrase inside another
        "- 42",                              # 9
    ]) + "\n")
    found = problems(root)
    assert "data/search-synonyms.yml:2: [1]: a group needs two or more phrases; each must be a non-empty NFC " \
           "string (no phrase may be empty; write Vietnamese in NFC)" in found
    assert any(p.startswith("data/search-synonyms.yml:3: [2]: a mapping has exactly `typed:`") for p in found)
    assert any(p.startswith("data/search-synonyms.yml:6: [5].never: expected two phrases") for p in found)
    assert "data/search-synonyms.yml:8: [7]: 'xom' is part of 'hang xom' in the same group" in found
    assert any(p.startswith("data/search-synonyms.yml:9: [8]: expected a group") for p in found)
    assert any("'cap duong' and 'phung duong' are linked, but the file says never" in p for p in found)
    assert len(found) == 6


def test_bad_suggestions_are_reported_with_file_line_and_language(tmp_path):
    items = "\n".join(f"  - Tình huống {i}" for i in range(8))
    root = write(tmp_path, "search-suggestions.yml",
                 f"vi:\n{items}\n  - {{label: Thiếu q rỗng, q: ''}}\nen:\n  - Only one\nfr:\n  - Non\n")
    found = problems(root)
    assert "data/search-suggestions.yml:10: vi[8]: expected a phrase, or {label: shown, q: searched}; each a " \
           "non-empty NFC string" in found
    assert "data/search-suggestions.yml:11: en: 1 suggestions; expected 8-12" in found
    assert "data/search-suggestions.yml:13: fr: unknown language (expected vi, en, km)" in found
    assert "data/search-suggestions.yml:1: km: expected a list of 8-12 suggestions" in found


def test_broken_yaml_in_search_data_is_one_message_not_a_traceback(tmp_path):
    root = write(tmp_path, "search-synonyms.yml", "- [sổ đỏ, giấy\n- x: [\n")
    (found,) = problems(root)
    assert re.match(r"data/search-synonyms.yml:\d+:\d+: YAML syntax: ", found)


def test_a_broken_data_file_fails_the_build_and_the_check_naming_file_and_line(root, tmp_path):
    import shutil
    import subprocess
    import sys

    project = tmp_path / "project"
    for name in ("docs", "data", "quizzes", "overrides", "scripts"):
        shutil.copytree(root / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", project)
    path = project / "data" / "search-suggestions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - Hụi bể\n", "  - ''\n"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "hoagiai.cli", "build", "--site-dir", str(tmp_path / "s")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "data/search-suggestions.yml:11: vi[2]: expected a phrase" in proc.stderr
    assert "Traceback" not in proc.stderr
    check = subprocess.run([sys.executable, "-m", "hoagiai.cli", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 1 and "data/search-suggestions.yml:11: vi[2]: expected a phrase" in check.stdout


def test_the_real_data_files_load_and_every_suggestion_is_a_known_phrase(root):
    data = search_data.load(root)
    assert set(data.suggestions) == set(LOCALES)
    assert all(8 <= len(items) <= 12 for items in data.suggestions.values())
    assert fold("Nước mặn vào ruộng") == "nuoc man vao ruong"
