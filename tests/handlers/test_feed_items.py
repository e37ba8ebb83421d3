"""Feed documents -> items: RSS, Atom, JSON Feed, and what is not a feed."""
import json

import pytest

from feedsite import atom, rss
from handlers.feed_items import FeedUnreadable, parse

ITEMS = [{"id": "a-1", "title": "Ferry terminal approved", "link": "https://example.org/ferry", "summary": "Vote",
          "day": 2},
         {"id": "a-2", "title": "Quota cuts protested", "link": "https://example.org/quota", "day": 3}]


def test_rss_items_carry_id_link_title_and_date():
    doc = parse(rss(ITEMS).encode(), "application/rss+xml")
    assert doc.title == "Harbour Times"
    assert [(i.key, i.link, i.title) for i in doc.items] == [
        ("a-1", "https://example.org/ferry", "Ferry terminal approved"),
        ("a-2", "https://example.org/quota", "Quota cuts protested")]
    assert doc.items[0].published.isoformat() == "2026-03-02T08:00:00+00:00"


def test_atom_entries_are_read_too():
    doc = parse(atom(ITEMS).encode(), "application/atom+xml")
    assert [i.key for i in doc.items] == ["a-1", "a-2"] and doc.items[1].link == "https://example.org/quota"


def test_a_publication_time_and_an_update_time_are_kept_apart():
    rss_item = parse(rss(ITEMS).encode()).items[0]
    assert rss_item.published.isoformat() == "2026-03-02T08:00:00+00:00" and rss_item.updated is None
    atom_entry = parse(atom(ITEMS).encode()).items[1]  # Atom here gives only <updated>
    assert atom_entry.published is None and atom_entry.updated.isoformat() == "2026-03-03T08:00:00+00:00"
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "j1", "title": "Dock strike ends", "date_published": "2026-03-04T10:00:00Z",
         "date_modified": "2026-03-05T09:00:00+01:00"}]})
    [item] = parse(body.encode(), "application/feed+json").items
    assert (item.published.day, item.updated.isoformat()) == (4, "2026-03-05T09:00:00+01:00")


def test_json_feed_is_read_without_feedparser():
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Harbour JSON",
                       "items": [{"id": "j1", "url": "https://example.org/j1", "title": "Dock strike ends",
                                  "date_published": "2026-03-04T10:00:00Z"}, "junk"]})
    doc = parse(body.encode(), "application/feed+json")
    assert doc.title == "Harbour JSON"
    [item] = doc.items
    assert (item.key, item.link, item.published.day) == ("j1", "https://example.org/j1", 4)


def test_an_edit_changes_the_version_and_a_repeat_does_not():
    before = parse(rss(ITEMS).encode()).items[0]
    again = parse(rss(ITEMS).encode()).items[0]
    edited = parse(rss([{**ITEMS[0], "title": "Ferry terminal approved after long debate"}]).encode()).items[0]
    assert before.version == again.version != edited.version and edited.key == before.key


def test_an_item_without_an_id_is_known_by_its_link():
    doc = parse(rss([{"title": "No guid", "link": "https://example.org/no-guid"}]).encode())
    assert doc.items[0].key == "https://example.org/no-guid"


def test_links_that_are_not_web_addresses_are_dropped():
    doc = parse(rss([{"id": "x", "title": "Odd", "link": "javascript:alert(1)"}]).encode())
    assert doc.items[0].link is None


@pytest.mark.parametrize("body, content_type", [
    (b"<html><body>Just a page</body></html>", "text/html"),
    (b"{not json", "application/json"),
    (b'{"hello": "world"}', "application/json"),
    (b"\x00\x01\x02", "application/octet-stream"),
])
def test_what_is_not_a_feed_is_refused_with_a_reason(body, content_type):
    with pytest.raises(FeedUnreadable):
        parse(body, content_type)
