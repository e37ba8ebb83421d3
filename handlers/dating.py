"""A brief's publication date and how it is known, best source first: the
page's metadata (a link or an .html file), a date the text gives
(extract.dates), the time the message was posted, else nothing (the store then
stamps the time of ingest)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from extract.dates import find_date


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


def dated(meta: dict, text: str) -> dict:
    """Store metadata for one brief: `meta` with its page_date/posted_at turned into
    published_at and date_source."""
    meta = dict(meta)
    found = publication(text, page_date=meta.pop("page_date", None), posted_at=meta.pop("posted_at", None))
    if found is not None:
        meta["published_at"], meta["date_source"] = found
    return meta


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
