"""Schedule arithmetic: lessons packed into sessions with breaks; a clear error when they do not fit."""

import itertools

import pytest

from hoagiai.course.cli import parse_modules
from hoagiai.course.config import CourseConfig, Session, clock, parse_course_config
from hoagiai.course.schedule import build_schedule, require_fit, session_capacity
from hoagiai.errors import UserError
from hoagiai.lessons.model import AgendaItem, Lesson


def lesson(module: int, *minutes: int | tuple[int, str]) -> Lesson:
    """A lesson from step minutes; a step may carry its kind: (15, "break"), (20, "acting")."""
    steps = [m if isinstance(m, tuple) else (m, None) for m in minutes]
    return Lesson(path=f"docs/bai-giang-mau/mo-dun-{module:02d}.md", title=f"Bài {module}", module=module,
                  duration=sum(m for m, _ in steps), audience=("tap-huan-vien",), objectives=("x",),
                  materials=("Giấy A0",), preparation="",
                  agenda=tuple(AgendaItem(m, "Giải lao" if k == "break" else f"Hoạt động {module}.{i}", "Thảo luận", k)
                               for i, (m, k) in enumerate(steps, 1)))


DEFAULT = CourseConfig()  # 08:00–11:30 and 13:30–17:00, 15-minute break, 15-minute pre- and post-test


def slots(schedule):
    return [(plan.day, plan.number, clock(s.start), clock(s.end), s.kind) for plan in schedule.sessions
            for s in plan.slots]


def stretches(schedule) -> list[int]:
    """Minutes of teaching between breaks (a session's start and end are breaks too)."""
    out = []
    for plan in schedule.sessions:
        run = 0
        for slot in plan.slots:
            if slot.kind == "break":
                out.append(run)
                run = 0
            else:
                run += slot.end - slot.start
        out.append(run)
    return out


def test_a_session_holds_180_teaching_minutes_with_a_break_every_90():
    assert session_capacity(210, 15) == 180  # 90 + 15 + 90
    assert session_capacity(90, 15) == 90 and session_capacity(200, 10) == 180 and session_capacity(250, 10) == 230
    schedule = build_schedule([lesson(1, 60, 60, 60)], DEFAULT, 1)
    assert schedule.capacity == 2 * 180
    assert schedule.teaching_minutes == 15 + 180 + 15


def test_a_break_before_the_step_that_would_run_past_90_minutes():
    schedule = build_schedule([lesson(1, 60, 60, 60)], DEFAULT, 1)
    assert schedule.fits
    assert slots(schedule) == [
        (1, 1, "08:00", "08:15", "pretest"),
        (1, 1, "08:15", "09:15", "activity"),  # 75 minutes taught; 60 more would make 135
        (1, 1, "09:15", "09:30", "break"),
        (1, 1, "09:30", "10:30", "activity"),  # a break and 60 more minutes would end at 11:45
        (1, 2, "13:30", "14:30", "activity"),
        (1, 2, "14:30", "14:45", "posttest"),
    ]
    assert max(stretches(schedule)) <= 90


def test_a_lectures_own_break_counts_and_is_never_doubled():
    own = lesson(1, 40, 40, (15, "break"), 40, 40)
    schedule = build_schedule([own], CourseConfig(pretest_minutes=0, posttest_minutes=0), 1)
    assert slots(schedule) == [
        (1, 1, "08:00", "08:40", "activity"), (1, 1, "08:40", "09:20", "activity"),
        (1, 1, "09:20", "09:35", "break"),  # the lecture's own: no other break is added
        (1, 1, "09:35", "10:15", "activity"), (1, 1, "10:15", "10:55", "activity")]
    assert schedule.sessions[0].slots[2].unit.lesson is own
    # A lecture's break at the start of a session, or where the stretch around it stays within 90 minutes
    # (here 60 + 30), is left out.
    early = lesson(2, (15, "break"), 30, 30, (15, "break"), 30)
    schedule = build_schedule([early], CourseConfig(pretest_minutes=0, posttest_minutes=0), 1)
    assert [s[4] for s in slots(schedule)] == ["activity", "activity", "activity"]
    # After the pre-test the schedule adds breaks where the stretch would pass 90 minutes; the lecture's own break
    # then comes 30 minutes after one of them, and 30 + 50 minutes need none: it is left out.
    schedule = build_schedule([lesson(3, 80, 30, (15, "break"), 50)], CourseConfig(posttest_minutes=0), 1)
    assert [(s[2], s[4]) for s in slots(schedule)] == [
        ("08:00", "pretest"), ("08:15", "break"), ("08:30", "activity"), ("09:50", "break"), ("10:05", "activity"),
        ("10:35", "activity")]


def test_a_role_play_is_never_split_by_a_break_or_a_session():
    play = lesson(1, 60, (5, "exercise"), (20, "acting"), (20, "debrief"), 30)
    schedule = build_schedule([play], CourseConfig(pretest_minutes=0, posttest_minutes=0), 1)
    kinds = [(s[2], s[4]) for s in slots(schedule)]
    assert kinds == [("08:00", "activity"), ("09:00", "break"), ("09:15", "activity"), ("09:20", "activity"),
                     ("09:40", "activity"), ("10:00", "activity")]  # the break before the set-up, not inside


def test_real_course_has_a_break_at_least_every_90_minutes_and_never_two_in_a_row(root):
    from hoagiai.course.config import load_course_config
    from hoagiai.lessons.model import lessons_for_modules

    schedule = build_schedule(lessons_for_modules(root, list(range(1, 9))), load_course_config(root), 4)
    assert schedule.fits
    assert max(stretches(schedule)) <= 90
    for plan in schedule.sessions:
        kinds = [s.kind for s in plan.slots]
        assert kinds[0] != "break" and kinds[-1] != "break"
        assert all(not (a == b == "break") for a, b in itertools.pairwise(kinds))
        steps = [s.unit.step for s in plan.slots if s.unit]
        assert steps[0] not in ("acting", "debrief")  # a role play never starts after lunch half-way


def test_lesson_continues_in_the_next_session_at_an_item_boundary():
    schedule = build_schedule([lesson(1, 90, 90)], DEFAULT, 1)
    (morning, afternoon) = schedule.sessions
    assert [s.kind for s in morning.slots] == ["pretest", "break", "activity"]
    assert afternoon.slots[0].continued and afternoon.slots[0].unit.minutes == 90


def test_does_not_fit_says_how_many_days_are_needed():
    lessons = [lesson(1, 90, 60), lesson(2, 90, 60), lesson(3, 90, 90)]  # 480 + 30 test minutes
    schedule = build_schedule(lessons, DEFAULT, 1)
    assert not schedule.fits
    assert schedule.needed_days == 2
    with pytest.raises(UserError) as caught:
        require_fit(schedule)
    message = str(caught.value)
    assert "do not fit in 1 day(s)" in message and "Use --days 2" in message
    assert "with a break at least every 90 minutes" in message
    assert build_schedule(lessons, DEFAULT, 2).fits


def test_exactly_full_sessions_fit():
    config = CourseConfig(sessions=(Session(480, 600),), break_minutes=10, pretest_minutes=0, posttest_minutes=0)
    assert build_schedule([lesson(1, 50, 60)], config, 1).fits  # 50 + 10 + 60 = 120
    assert not build_schedule([lesson(1, 50, 61)], config, 1).fits


def test_steps_longer_than_90_minutes_or_a_session_are_errors():
    with pytest.raises(UserError, match=r"mo-dun-01.md: agenda\[1\]: 100 minutes of teaching without a break"):
        build_schedule([lesson(1, 100)], DEFAULT, 3)
    with pytest.raises(UserError, match=r"agenda\[2\]: 95 minutes of teaching without a break \(at most 90\) with "
                                        r"the role-play steps that follow it"):
        build_schedule([lesson(1, 10, 35, (30, "acting"), (30, "debrief"))], DEFAULT, 3)
    short = CourseConfig(sessions=(Session(480, 540),), break_minutes=10)
    with pytest.raises(UserError, match=r"agenda\[1\]: 80 minutes is longer than a session \(the longest is 60"):
        build_schedule([lesson(1, 80)], short, 3)


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
