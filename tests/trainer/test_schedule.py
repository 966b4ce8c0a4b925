"""Schedule arithmetic: lessons packed into sessions with breaks; a clear error when they do not fit."""

import pytest

from hoagiai.course.cli import parse_modules
from hoagiai.course.config import CourseConfig, Session, clock, parse_course_config
from hoagiai.course.schedule import build_schedule, require_fit
from hoagiai.errors import UserError
from hoagiai.lessons.model import AgendaItem, Lesson


def lesson(module: int, *minutes: int) -> Lesson:
    return Lesson(path=f"docs/bai-giang-mau/mo-dun-{module:02d}.md", title=f"Bài {module}", module=module,
                  duration=sum(minutes), audience=("tap-huan-vien",), objectives=("x",), materials=("Giấy A0",),
                  preparation="", agenda=tuple(AgendaItem(m, f"Hoạt động {module}.{i}", "Thảo luận")
                                               for i, m in enumerate(minutes, 1)))


DEFAULT = CourseConfig()  # 08:00–11:30 and 13:30–17:00, 15-minute break, 15-minute pre- and post-test


def slots(schedule):
    return [(plan.day, plan.number, clock(s.start), clock(s.end), s.kind) for plan in schedule.sessions
            for s in plan.slots]


def test_default_day_holds_two_sessions_of_195_teaching_minutes():
    schedule = build_schedule([lesson(1, 60, 60, 60)], DEFAULT, 1)
    assert schedule.capacity == 2 * (210 - 15)
    assert schedule.teaching_minutes == 15 + 180 + 15


def test_fits_one_day_with_break_near_the_middle():
    schedule = build_schedule([lesson(1, 60, 60, 60)], DEFAULT, 1)
    assert schedule.fits
    assert slots(schedule) == [
        (1, 1, "08:00", "08:15", "pretest"),
        (1, 1, "08:15", "09:15", "activity"),
        (1, 1, "09:15", "09:30", "break"),  # 75 of 195 minutes done: the boundary nearest 97.5
        (1, 1, "09:30", "10:30", "activity"),
        (1, 1, "10:30", "11:30", "activity"),
        (1, 2, "13:30", "13:45", "posttest"),
    ]


def test_lesson_continues_in_the_next_session_at_an_item_boundary():
    schedule = build_schedule([lesson(1, 100, 100)], DEFAULT, 1)
    (morning, afternoon) = schedule.sessions
    assert [s.kind for s in morning.slots] == ["pretest", "break", "activity"]
    assert afternoon.slots[0].continued and afternoon.slots[0].unit.minutes == 100


def test_does_not_fit_says_how_many_days_are_needed():
    lessons = [lesson(1, 120, 60), lesson(2, 150), lesson(3, 180)]  # 510 + 30 test minutes
    schedule = build_schedule(lessons, DEFAULT, 1)
    assert not schedule.fits
    assert schedule.needed_days == 2
    with pytest.raises(UserError) as caught:
        require_fit(schedule)
    message = str(caught.value)
    assert "do not fit in 1 day(s)" in message and "Use --days 2" in message
    assert build_schedule(lessons, DEFAULT, 2).fits


def test_exactly_full_sessions_fit():
    config = CourseConfig(sessions=(Session(480, 600),), break_minutes=10, pretest_minutes=0, posttest_minutes=0)
    assert build_schedule([lesson(1, 50, 60)], config, 1).fits  # 110 = 120 - 10
    assert not build_schedule([lesson(1, 50, 61)], config, 1).fits


def test_item_longer_than_a_session_is_an_error():
    with pytest.raises(UserError, match=r"mo-dun-01.md: agenda\[1\]: 200 minutes is longer than a session"):
        build_schedule([lesson(1, 200)], DEFAULT, 3)


def test_config_from_mkdocs_extra_course():
    config = parse_course_config({"sessions": [{"start": "07:30", "end": "11:30"}, {"start": "14:00", "end": "16:30"}],
                                  "break_minutes": 20, "pretest_minutes": 0})
    assert config.sessions == (Session(450, 690), Session(840, 990))
    assert (config.break_minutes, config.pretest_minutes, config.posttest_minutes) == (20, 0, 15)


@pytest.mark.parametrize("data, message", [
    ({"sesions": []}, "extra.course.sesions: unknown key"),
    ({"sessions": [{"start": "8h", "end": "11:30"}]}, "sessions[1].start: '8h' is not a time of day"),
    ({"sessions": [{"start": "11:30", "end": "08:00"}]}, "ends (08:00) before it starts (11:30)"),
    ({"break_minutes": -5}, "break_minutes: must be a whole number"),
])
def test_bad_config_is_named(data, message):
    with pytest.raises(UserError) as caught:
        parse_course_config(data)
    assert message in str(caught.value)


def test_every_config_problem_is_listed_with_its_line(tmp_path):
    from hoagiai.course.config import load_course_config

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://x/']\nextra:\n  course:\n"
        "    sessions:\n      - {start: 8h, end: 11:30}\n      - {start: '13:30', end: '13:00'}\n"
        "    break_minutes: -1\n    pause: 3\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_course_config(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "mkdocs.yml:6:17: extra.course.sessions[1].start: '8h' is not a time of day like \"08:00\"",
        "mkdocs.yml:7:9: extra.course.sessions[2]: ends (13:00) before it starts (13:30)",
        "mkdocs.yml:8:20: extra.course.break_minutes: must be a whole number of minutes (0 or more)",
        "mkdocs.yml:9:5: extra.course.pause: unknown key (allowed: sessions, break_minutes, pretest_minutes, "
        "posttest_minutes)"]


def test_real_mkdocs_yml_course_settings_load(root):
    from hoagiai.course.config import load_course_config

    config = load_course_config(root)
    assert config.sessions and config.break_minutes >= 0


def test_parse_modules():
    assert parse_modules("1,3, 4") == [1, 3, 4]
    with pytest.raises(UserError, match="listed twice"):
        parse_modules("1,1")
    with pytest.raises(UserError, match="not a module number"):
        parse_modules("1,x")
