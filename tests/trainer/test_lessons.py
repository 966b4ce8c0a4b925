"""Lesson front matter is validated like config: exact messages naming the file and the key."""

from pathlib import Path

import pytest

from hoagiai.errors import UserError
from hoagiai.lessons.model import check_lesson_text, lesson_paths, lessons_for_modules, load_lessons
from hoagiai.lessons.notes import collapse_trainer_notes

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "lessons"
CASES = sorted(p.stem for p in FIXTURES.glob("*.expected"))


@pytest.mark.parametrize("name", CASES)
def test_invalid_lesson_messages(name):
    path = FIXTURES / f"{name}.md"
    shown = path.relative_to(ROOT).as_posix()
    lesson, problems = check_lesson_text(path.read_text(encoding="utf-8"), shown)
    assert lesson is None
    assert "\n".join(map(str, problems)) == (FIXTURES / f"{name}.expected").read_text(encoding="utf-8").strip()


def test_agenda_sum_message_is_the_documented_one():
    text = (FIXTURES / "mo-dun-03.md").read_text(encoding="utf-8")
    _, problems = check_lesson_text(text, "docs/bai-giang-mau/mo-dun-03.md")
    assert [str(p) for p in problems] == ["docs/bai-giang-mau/mo-dun-03.md:10:3: agenda: minutes sum to 140, duration is 150"]


def test_valid_lesson_is_loaded():
    lesson, problems = check_lesson_text((FIXTURES / "mo-dun-07.md").read_text(encoding="utf-8"), "mo-dun-07.md")
    assert problems == []
    assert (lesson.module, lesson.duration, [a.minutes for a in lesson.agenda]) == (7, 60, [20, 40])
    assert lesson.materials == ("Giấy A0", "Bút dạ")


def test_load_lessons_raises_every_problem_without_traceback():
    with pytest.raises(UserError) as caught:
        load_lessons(ROOT, [FIXTURES / "mo-dun-03.md", FIXTURES / "mo-dun-06.md"])
    assert len(caught.value.problems) == 2


def test_translations_are_not_lessons(tmp_path):
    folder = tmp_path / "docs" / "bai-giang-mau"
    folder.mkdir(parents=True)
    for name in ("mo-dun-01.md", "mo-dun-01.en.md", "mo-dun-02-dong-vai.md", "index.md"):
        (folder / name).write_text("x", encoding="utf-8")
    assert [p.name for p in lesson_paths(tmp_path)] == ["mo-dun-01.md", "mo-dun-02-dong-vai.md"]


def test_module_without_lecture_is_named():
    with pytest.raises(UserError, match="module 42: no lecture"):
        lessons_for_modules(ROOT, [42])


def test_real_lectures_are_valid():
    lessons = load_lessons(ROOT)
    assert lessons, "docs/bai-giang-mau/ has no lectures"
    for lesson in lessons:
        assert sum(a.minutes for a in lesson.agenda) == lesson.duration


def test_trainer_notes_collapse_outside_code():
    text = '!!! trainer "Ghi chú"\n    Nội dung\n```\n!!! trainer\n```\n  !!! trainer\n!!! note\n'
    assert collapse_trainer_notes(text) == ('??? trainer "Ghi chú"\n    Nội dung\n```\n!!! trainer\n```\n'
                                            "  ??? trainer\n!!! note\n")
