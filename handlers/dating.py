"""A brief's publication date and how it is known, best source first: the
page's metadata (a link or an .html file), a date the text gives
(extract.dates), the time the message was posted, else nothing (the store then
stamps the time of ingest)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from extract.dates import find_date
from store.records import Provenance


def publication(text: str, *, page_date: str | None = None,
                posted_at: datetime | None = None) -> tuple[str, str] | None:
    """(published_at, date_source) for the store, or None when only the ingest time is known."""
    day = page_day(page_date)
    if day is not None and (posted_at is None or day <= _utc(posted_at).date()):
        return day.isoformat(), "metadata"
    found = find_date(text, posted=_utc(posted_at).date() if posted_at else None)
    if found is not None:
        return found.day.isoformat(), found.how
    if posted_at is not None:
        return _utc(posted_at).isoformat(timespec="seconds"), "posted"
    return None


def page_day(value) -> date | None:
    """The day a page's metadata gives ('2015-09-16', '2015-09-16T10:00:00Z'), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def dated(came: Provenance, text: str) -> Provenance:
    """`came` with its posting time and page date turned into published_at and date_source."""
    found = publication(text, page_date=came.page_date, posted_at=came.posted_at)
    return replace(came, published_at=found[0], date_source=found[1]) if found else came


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
