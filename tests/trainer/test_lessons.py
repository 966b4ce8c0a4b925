"""Lesson front matter is validated like config: exact messages naming the file and the key."""

from pathlib import Path

import pytest

from hoagiai.errors import UserError
from hoagiai.lessons.model import (
    ModuleObjectives,
    check_lesson_text,
    lesson_paths,
    lessons_for_modules,
    load_lessons,
    objective_catalog,
)
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


# --- quiz_objectives: the module bank's objectives a lecture teaches ---------------------------------------


CATALOG = {3: ModuleObjectives("docs/chuong-trinh/mo-dun-03/index.md", "quizzes/m03.yml", ("mt1", "mt2", "mt3"),
                               frozenset({"mt1", "mt2"})),
           4: ModuleObjectives("docs/chuong-trinh/mo-dun-04/index.md", "", ("mt1",), frozenset())}


def lecture(module: int, quiz_objectives: str) -> str:
    return (f"---\ntitle: \"Bài {module}\"\naudience: [tap-huan-vien]\nmodule: {module}\nduration: 30\n"
            f"objectives: [\"Một.\"]\nmaterials: [\"Giấy A0\"]\npreparation: \"Đọc.\"\n"
            f"quiz_objectives: {quiz_objectives}\n"
            f"agenda:\n  - {{minutes: 30, activity: \"Học\", method: \"Thảo luận\", kind: discussion}}\n---\n")


def test_quiz_objectives_are_checked_against_the_module_and_its_bank():
    text = lecture(3, "[mt1, mt3, mt9, mt1]")
    lesson, problems = check_lesson_text(text, "docs/bai-giang-mau/mo-dun-03.md", CATALOG)
    assert lesson is None
    assert [str(p) for p in problems] == [
        ("docs/bai-giang-mau/mo-dun-03.md:9:24: quiz_objectives[2]: 'mt3' has no question in quizzes/m03.yml "
         "(add a question with `objective: mt3`, or leave the id out)"),
        ("docs/bai-giang-mau/mo-dun-03.md:9:29: quiz_objectives[3]: 'mt9' is not an objective of module 3 "
         "(docs/chuong-trinh/mo-dun-03/index.md lists mt1, mt2, mt3)"),
        "docs/bai-giang-mau/mo-dun-03.md:9:34: quiz_objectives[4]: 'mt1' is listed twice"]


def test_quiz_objectives_of_a_module_without_bank_or_folder():
    _, problems = check_lesson_text(lecture(4, "[mt1]"), "docs/bai-giang-mau/mo-dun-04.md", CATALOG)
    assert [p.message for p in problems] == ["'mt1': module 4 has no quiz bank (quizzes/m04.yml)"]
    _, problems = check_lesson_text(lecture(5, "[mt1]"), "docs/bai-giang-mau/mo-dun-05.md", CATALOG)
    assert [p.message for p in problems] == [
        "'mt1' is not an objective of module 5 (module 5 has no folder chuong-trinh/mo-dun-05/)"]


@pytest.mark.parametrize("value, message", [
    ("[]", "quiz_objectives: is empty: name the module objectives this lecture teaches, e.g. [mt1, mt3]"),
    ("mt1", "quiz_objectives: must be a list of objective ids, e.g. [mt1, mt3]"),
])
def test_quiz_objectives_shape(value, message):
    _, problems = check_lesson_text(lecture(3, value), "docs/bai-giang-mau/mo-dun-03.md", CATALOG)
    assert [f"{p.where}: {p.message}" for p in problems] == [message]


def test_valid_quiz_objectives_are_kept():
    lesson, problems = check_lesson_text(lecture(3, "[mt2, mt1]"), "docs/bai-giang-mau/mo-dun-03.md", CATALOG)
    assert problems == [] and lesson.quiz_objectives == ("mt2", "mt1")


def test_catalog_from_the_real_curriculum_and_banks():
    from hoagiai.quiz.loader import load_banks

    catalog = objective_catalog(ROOT, load_banks(root=ROOT))
    assert sorted(catalog) == list(range(1, 9))
    assert catalog[3].overview == "docs/chuong-trinh/mo-dun-03/index.md" and catalog[3].bank == "quizzes/m03.yml"
    assert "mt1" in catalog[3].ids and catalog[3].asked <= set(catalog[3].ids)


def test_real_lectures_name_their_quiz_objectives_and_keep_the_timing_rules():
    from hoagiai.quiz.loader import load_banks

    lessons = load_lessons(ROOT, catalog=objective_catalog(ROOT, load_banks(root=ROOT)))
    main = [lesson for lesson in lessons if lesson.page.endswith(f"mo-dun-{lesson.module:02d}.md")]
    assert len(main) == 8
    for lesson in main:
        assert lesson.quiz_objectives, lesson.path
        kinds = [a.kind for a in lesson.agenda]
        assert None not in kinds, f"{lesson.path}: every agenda step has a kind"
        assert "break" in kinds, lesson.path


def test_real_lectures_show_their_agenda_in_the_body_table():
    """The "Tiến trình" table a trainer reads is the agenda the course builder schedules."""
    import re

    for lesson in load_lessons(ROOT):
        text = (ROOT / lesson.path).read_text(encoding="utf-8")
        section = text.split("## Tiến trình", 1)[1].split("\n## ", 1)[0]
        rows = re.findall(r"^\| (\d+) \| (.+?) \| (.+?) \|$", section, flags=re.MULTILINE)
        assert [(int(m), a, me) for m, a, me in rows] == [(i.minutes, i.activity, i.method) for i in lesson.agenda], \
            lesson.path
        assert f"| **{lesson.duration}** |" in section, lesson.path
