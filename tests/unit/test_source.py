"""The one Markdown source reader: the same results as the old per-tool rules on every page, and CommonMark
fences (``` and ~~~ of any length, inside admonitions and tabs) where the old rules differed."""

import re
from pathlib import Path

import pytest
import yaml

from hoagiai.slugs import slugify
from hoagiai.source import parse_markdown, read_page

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.md"))

# The rules the tools used before the reader (content/checks, translations, coverage): kept here to compare.
_OLD_FENCE = re.compile(r"^\s*(```|~~~)")
_OLD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([^\s}]+)[^}]*\})?\s*$")


def old_split(text):
    if not text.startswith("---\n") or text.find("\n---", 4) < 0:
        return None, 0
    end = text.find("\n---", 4)
    return yaml.safe_load(text[4:end]) or {}, text[:end].count("\n") + 2


def old_prose(text):
    _, start = old_split(text)
    in_code = False
    for number, line in enumerate(text.splitlines(), 1):
        if number <= start:
            continue
        if _OLD_FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            yield number, line


def old_anchors(text):
    seen, out = {}, []
    for _, line in old_prose(text):
        m = _OLD_HEADING.match(line)
        if not m:
            continue
        hid = m.group(3) or slugify(m.group(2))
        if not m.group(3) and hid in seen:
            seen[hid] += 1
            hid = f"{hid}_{seen[hid]}"
        else:
            seen.setdefault(hid, 0)
        out.append(hid)
    return out


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_same_results_as_the_old_rules_on_every_page(path):
    text = path.read_text(encoding="utf-8")
    page = read_page(path, ROOT)
    meta, _ = old_split(text)
    assert page.meta == (meta or {})
    assert page.anchors() == old_anchors(text)
    assert [n for n, line in page.prose() if line.strip()] == [n for n, line in old_prose(text) if line.strip()]


FENCES = """\
---
title: "Trang"
---

# Đầu { #dau }

````markdown
```
# Không phải tiêu đề
```
````

~~~
<!-- quiz m03 -->
~~~

!!! trainer "Ghi chú"
    ```
    !!! trainer
    ```

=== "Thẻ"

    ~~~~ text
    ## Cũng không
    ~~~~

## Cuối { #cuoi }
"""


def test_fences_of_any_length_and_kind_also_inside_containers():
    page = parse_markdown(FENCES, "docs/x.md")
    assert page.anchors() == ["dau", "cuoi"]
    assert sorted(page.code_lines) == [7, 8, 9, 10, 11, 13, 14, 15, 18, 19, 20, 24, 25, 26]
    assert [n for n, line in page.prose() if "trainer" in line] == [17]


def test_the_old_rules_got_these_fences_wrong():
    assert old_anchors(FENCES) != ["dau", "cuoi"]  # the inner ``` closed the four-backtick fence


def test_front_matter_is_split_as_mkdocs_splits_it():
    page = parse_markdown("---\ntitle: A\n...\n\n\nBody\n", "x.md")
    assert page.meta == {"title": "A"} and page.body_start == 6 and page.body == "Body\n"
    assert parse_markdown("Body\n---\n", "x.md").meta == {}
    bad = parse_markdown("---\ntitle: [\n---\nBody\n", "x.md")
    assert bad.meta == {} and "not valid YAML" in str(bad.meta_problems[0])


def test_tools_count_words_outside_tilde_fences(tmp_path):
    from hoagiai.content.coverage import words

    page = tmp_path / "p.md"
    page.write_text("---\ntitle: T\n---\nhai từ\n~~~\nmã không đếm\n~~~\n<!-- chú thích -->\n", encoding="utf-8")
    assert words(page) == 2


def test_quiz_markers_in_any_fence_are_examples():
    from hoagiai.quiz.markers import find_markers

    markers, problems = find_markers(FENCES, page="docs/x.md")
    assert markers == [] and problems == []
