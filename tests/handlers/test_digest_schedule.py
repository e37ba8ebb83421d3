"""When a scheduled digest is due, and which one a bot that was down owes."""
import datetime as dt

from handlers.digest_schedule import due, latest_slot

UTC = dt.timezone.utc
MONDAY = dt.date(2026, 1, 5)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def test_weekly_digests_are_due_on_mondays_and_daily_ones_every_day():
    assert due("77 weekly", MONDAY) == (77, 7)
    assert due("77 weekly", MONDAY + dt.timedelta(days=1)) is None
    assert due("77 daily", MONDAY + dt.timedelta(days=3)) == (77, 1)
    assert due(None, MONDAY) is None and due("77 hourly", MONDAY) is None


def test_the_latest_slot_is_the_last_09_00_the_setting_posts_at():
    assert latest_slot("77 weekly", at(MONDAY, 9, 0)) == at(MONDAY, 9)
    assert latest_slot("77 weekly", at(MONDAY, 8, 59)) == at(MONDAY - dt.timedelta(days=7), 9)
    assert latest_slot("77 weekly", at(MONDAY + dt.timedelta(days=4), 15)) == at(MONDAY, 9)
    assert latest_slot("77 daily", at(MONDAY + dt.timedelta(days=2), 8)) == at(MONDAY + dt.timedelta(days=1), 9)
    assert latest_slot("77 daily", at(MONDAY + dt.timedelta(days=2), 10)) == at(MONDAY + dt.timedelta(days=2), 9)
    assert latest_slot(None, at(MONDAY, 10)) is None
