"""When a server's scheduled digest is due (`settings digest #channel weekly|daily`):
at 09:00 UTC, daily ones every day, weekly ones on Mondays (the week just ended). Pure:
the bot's digest task asks this, and the store remembers the last slot each server was
sent (or, when the setting was made, owed nothing before), so a slot is posted once."""
from __future__ import annotations

import datetime as dt

POST_AT = dt.time(9, 0, tzinfo=dt.timezone.utc)
DIGEST_PERIODS = {"weekly": 7, "daily": 1}  # the words `settings digest` takes -> days covered


def schedule(setting: str | None) -> tuple[int, int] | None:
    """(channel id, days covered) of a server's digest setting, or None when it has none."""
    if not setting:
        return None
    channel, _, period = setting.partition(" ")
    days = DIGEST_PERIODS.get(period)
    if days is None or not channel.isdigit():
        return None
    return int(channel), days


def due(setting: str | None, today: dt.date) -> tuple[int, int] | None:
    """(channel id, days covered) when a server's digest setting says to post on `today`."""
    found = schedule(setting)
    if found is None or (found[1] == 7 and today.weekday() != 0):
        return None
    return found


def slot(day: dt.date) -> dt.datetime:
    """The time a digest due on `day` is posted."""
    return dt.datetime.combine(day, POST_AT)


def latest_slot(setting: str | None, now: dt.datetime) -> dt.datetime | None:
    """The last time at or before `now` the setting had a digest posted (None: no setting)."""
    found = schedule(setting)
    if found is None:
        return None
    day = now.astimezone(dt.timezone.utc).date()
    if slot(day) > now:
        day -= dt.timedelta(days=1)
    if found[1] == 7:
        day -= dt.timedelta(days=day.weekday())  # back to that week's Monday
    return slot(day)
