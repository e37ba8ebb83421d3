"""A feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) -> its items. CPU-only:
the bytes come from the guarded fetcher; callers run `parse` off the event loop.

feedparser reads the XML dialects; it does not read JSON Feed, which is a small
JSON object (`version`, `items` with `id`, `url`, `title`, `date_published`),
read here directly.
"""
from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

MAX_ITEMS = 100  # newest first in nearly every feed; a feed listing thousands is cut here
JSON_TYPES = {"application/feed+json", "application/json"}


class FeedUnreadable(Exception):
    """The document is not a feed newsbrief can read; the message says why."""


@dataclass
class FeedItem:
    key: str  # the item's id (guid), else its link, else its title
    link: str | None
    title: str
    summary: str
    published: datetime | None  # when the feed says it was published (RSS pubDate, Atom published, ...)
    version: str  # changes when the item is edited (title, summary, update time)
    updated: datetime | None = None  # when the feed says it was last changed (Atom updated, date_modified)


@dataclass
class FeedDocument:
    title: str
    items: list[FeedItem]


def parse(body: bytes, content_type: str = "") -> FeedDocument:
    if content_type in JSON_TYPES or body.lstrip()[:1] == b"{":
        return _json_feed(body)
    return _xml_feed(body)


def _xml_feed(body: bytes) -> FeedDocument:
    import feedparser  # imported here: only the poller needs it

    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        raise FeedUnreadable("it is not an RSS or Atom feed")
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _http(entry.get("link"))
        title = _one_line(entry.get("title", ""))
        summary = _one_line(entry.get("summary", ""))
        key = str(entry.get("id") or link or title).strip()
        if not key:
            continue
        present = entry.keys()  # asking for an absent "updated" makes feedparser warn and guess
        published = _utc_stamp(entry.get("published_parsed"))
        updated = _utc_stamp(entry["updated_parsed"] if "updated_parsed" in present else None)
        items.append(FeedItem(key, link, title, summary, published,
                              _version(title, summary, entry["updated"] if "updated" in present else ""), updated))
    return FeedDocument(_one_line(parsed.feed.get("title", "")), items)


def _json_feed(body: bytes) -> FeedDocument:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise FeedUnreadable("it is not valid JSON") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/") \
            or not isinstance(doc.get("items"), list):
        raise FeedUnreadable("it is JSON, but not a JSON Feed")
    items = []
    for entry in doc["items"][:MAX_ITEMS]:
        if not isinstance(entry, dict):
            continue
        link = _http(entry.get("url") or entry.get("external_url"))
        title = _one_line(entry.get("title") or "")
        summary = _one_line(entry.get("summary") or entry.get("content_text") or "")
        key = str(entry.get("id") or link or title).strip()
        if not key:
            continue
        items.append(FeedItem(key, link, title, summary, _iso_date(entry.get("date_published")),
                              _version(title, summary, str(entry.get("date_modified") or "")),
                              _iso_date(entry.get("date_modified"))))
    return FeedDocument(_one_line(doc.get("title") or ""), items)


def _utc_stamp(stamp) -> datetime | None:
    """feedparser's parsed date (a UTC struct_time) as an aware datetime."""
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_date(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def _http(link) -> str | None:
    link = str(link or "").strip()
    return link if link.lower().startswith(("http://", "https://")) else None


def _one_line(text) -> str:
    return " ".join(str(text or "").split())[:1000]


def _version(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "replace"), digest_size=12).hexdigest()
