"""A brief's publication date and how it is known, best source first:

1. the page's metadata (a link, an .html file, a feed item's article page), unless it is
   later than the message was posted or the feed says the item was published (then it
   is likelier a "modified" date);
2. the feed item's own publication time (RSS pubDate, Atom published, JSON Feed
   date_published): the publisher's machine-readable date for exactly this item;
3. a date the text gives (extract.dates: a dateline, or "on Tuesday" resolved against
   the posting or feed time);
4. the feed item's last-changed time (Atom updated, date_modified) when it gives no
   publication time: a bound, later than or equal to the publication, so the text's own
   date comes first;
5. the time the message was posted;
6. else nothing (the store then stamps the time of ingest).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from extract.dates import find_date
from store.records import Provenance


def publication(text: str, *, page_date: str | None = None, posted_at: datetime | None = None,
                feed_published: datetime | None = None,
                feed_updated: datetime | None = None) -> tuple[str, str] | None:
    """(published_at, date_source) for the store, or None when only the ingest time is known."""
    known = posted_at or feed_published  # the latest a page's own date can be
    day = page_day(page_date)
    if day is not None and (known is None or day <= _utc(known).date()):
        return day.isoformat(), "metadata"
    if feed_published is not None:
        return _stamp(feed_published), "feed"
    anchor = posted_at or feed_updated  # what "on Tuesday" is counted back from
    found = find_date(text, posted=_utc(anchor).date() if anchor else None)
    if found is not None:
        return found.day.isoformat(), found.how
    if feed_updated is not None:
        return _stamp(feed_updated), "feed"
    if posted_at is not None:
        return _stamp(posted_at), "posted"
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
    """`came` with its posting time, page date and feed dates turned into published_at and date_source."""
    found = publication(text, page_date=came.page_date, posted_at=came.posted_at,
                        feed_published=came.feed_published, feed_updated=came.feed_updated)
    return replace(came, published_at=found[0], date_source=found[1]) if found else came


def _stamp(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
