"""The reading-level report (mean sentence length in syllables per Vietnamese page): a report, not a gate."""

from __future__ import annotations

from quality_support import ROOT, record

from hoagiai.quality import readability

PAGE = """---
title: "Thử"
---

# Tiêu đề không tính

Câu một có năm tiếng. Câu hai cũng có sáu tiếng!

- Mục danh sách là một câu
- Xem [Điều 24 Luật](../van-ban/luat-35-2013.md#dieu-24) nhé.

| bảng | không tính |
|---|---|
| a | b |

```
mã không tính. nhiều câu.
```

<!-- quiz m01 -->
!!! note "Ghi chú"
    Câu trong hộp có năm tiếng.
"""


def test_sentences_and_syllables():
    assert readability.sentences(PAGE) == [
        "Câu một có năm tiếng.", "Câu hai cũng có sáu tiếng!", "Mục danh sách là một câu",
        "Xem Điều 24 Luật nhé.", "Câu trong hộp có năm tiếng."]
    reading = readability.page_reading(PAGE, "docs/x.md")
    assert (reading.sentences, reading.syllables, reading.longest) == (5, 5 + 6 + 6 + 5 + 6, 6)
    assert reading.mean == 5.6


def test_report_lists_pages_above_the_threshold(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ngan.md").write_text("Câu ngắn. Rất ngắn.\n", encoding="utf-8")
    (docs / "dai.md").write_text(" ".join(["tiếng"] * 30) + ".\n", encoding="utf-8")
    (docs / "dai.en.md").write_text(" ".join(["word"] * 90) + ".\n", encoding="utf-8")  # not Vietnamese
    rep = readability.report(docs, threshold=20, root=tmp_path)
    assert [p.path for p in rep.pages] == ["docs/dai.md", "docs/ngan.md"]
    assert [p.path for p in rep.above] == ["docs/dai.md"]
    assert rep.as_dict()["above"][0]["mean"] == 30.0
    assert "docs/dai.md: 30.0" in rep.as_text()


def test_report_over_our_pages():
    rep = readability.report(ROOT / "docs", root=ROOT)
    data = rep.as_dict()
    record("readability", data, f"reading level: median {data['median_of_means']} syllables/sentence over "
                                f"{data['pages']} vi pages; {len(data['above'])} above {rep.threshold:g}")
    assert data["pages"] >= 50 and all(p.sentences > 0 for p in rep.pages if p.syllables)
