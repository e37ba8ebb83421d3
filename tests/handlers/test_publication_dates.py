"""Every brief is dated by when it was published, and lists and profiles show
and sort by that date: from a page's metadata, the text's dateline, the time
the message was posted, else the time it was indexed."""
from datetime import datetime, timezone

from handlers import article, articles, who
from handlers.core.context import Services
from handlers.dating import publication
from handlers.ingest import ingest_file, ingest_text, reingest_message
from store.records import Provenance

OLD = ("Harbour board approves new ferry terminal\n\n"
       "PORT WENDELL, March 17, 2008 — The harbour board of Port Wendell approved a new ferry terminal on Monday. "
       "Mayor Alma Fenwick said the terminal would open within two years.")
NEWER = ("Ferry terminal opens in Port Wendell\n\n"
         "PORT WENDELL, June 3, 2010 — Mayor Alma Fenwick opened the new ferry terminal, two years after "
         "the harbour board approved it, in front of a crowd of residents.")
UNDATED = ("Ferry fares rise in Port Wendell\n\n"
           "Mayor Alma Fenwick said ferry fares in Port Wendell would rise next month because fuel costs more, "
           "and the harbour board agreed with her after a long meeting.")
PAGE = ("<html><head><title>Ferry crews strike</title>"
        '<meta property="article:published_time" content="2012-05-09T08:30:00Z"></head><body><article>'
        "<h1>Ferry crews strike in Port Wendell</h1>"
        "<p>Ferry crews in Port Wendell walked out over pay, and Mayor Alma Fenwick urged both sides to talk. "
        "The harbour board said services would resume as soon as an agreement was reached with the crews.</p>"
        "<p>Passengers queued for buses instead, and the board promised refunds for every cancelled crossing "
        "during the strike, which the crews said would last until their demands were met.</p>"
        "</article></body></html>")


def services_for(store, extractor) -> Services:
    return Services(store=store, extractor=extractor)


async def test_dates_come_from_the_dateline_the_page_and_the_posting(empty_store, extractor, member):
    services = services_for(empty_store, extractor)
    posted = datetime(2016, 2, 1, 9, 15, tzinfo=timezone.utc)
    newer = await ingest_text(services, member, NEWER)
    old = await ingest_text(services, member, OLD, Provenance(posted_at=posted))  # the dateline wins over the posting
    page = await ingest_file(services, member, "strike.html", PAGE.encode())
    undated = await ingest_text(services, member, UNDATED, Provenance(posted_at=posted))

    def shown(outcome):
        return article.run(services, member, id=outcome.result.brief_id)

    assert "2008-03-17 (from its dateline)" in (await shown(old)).to_text()
    assert "2010-06-03 (from its dateline)" in (await shown(newer)).to_text()
    assert "2012-05-09 (from the page)" in (await shown(page)).to_text()
    assert "2016-02-01 (when it was posted)" in (await shown(undated)).to_text()

    # The list runs newest published first, whatever order the briefs came in.
    listing = (await articles.run(services, member)).to_text()
    order = [listing.index(f"#{o.result.brief_id} ") for o in (undated, page, newer, old)]
    assert order == sorted(order)
    assert "· 2008-03-17" in listing

    profile = (await who.run(services, member, name="Alma Fenwick")).to_text()
    assert "First seen:\n  2008-03-17" in profile and "Last seen:\n  2016-02-01" in profile


async def test_without_any_date_the_time_of_indexing_is_shown(empty_store, extractor, member):
    services = services_for(empty_store, extractor)
    outcome = await ingest_text(services, member, UNDATED)
    text = (await article.run(services, member, id=outcome.result.brief_id)).to_text()
    assert "(when it was indexed)" in text


async def test_an_edit_that_adds_a_dateline_redates_the_brief(empty_store, extractor, member):
    services = services_for(empty_store, extractor)
    posted = datetime(2016, 2, 1, 9, 15, tzinfo=timezone.utc)
    first = await ingest_text(services, member, UNDATED, Provenance(message_id=5150, posted_at=posted))
    edited = UNDATED.replace("\n\n", "\n\nPORT WENDELL, Jan. 30, 2016 — ", 1)
    assert (await reingest_message(services, member, 5150, edited)).status == "updated"
    text = (await article.run(services, member, id=first.result.brief_id)).to_text()
    assert "2016-01-30 (from its dateline)" in text


# ---- a feed item's own dates (handlers.dating: page metadata, feed published, text, feed updated, posted)

FEED_PUBLISHED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
FEED_UPDATED = datetime(2026, 3, 9, 18, 30, tzinfo=timezone.utc)
RELATIVE = ("Ferry crews strike in Port Wendell\n\n"
            "Ferry crews in Port Wendell walked out on Tuesday over pay, and Mayor Alma Fenwick urged both sides "
            "to talk.")


def test_a_feed_publication_time_beats_the_text_and_a_later_page_date_does_not_beat_it():
    assert publication(OLD, feed_published=FEED_PUBLISHED) == ("2026-03-02T08:00:00+00:00", "feed")
    assert publication(UNDATED, feed_published=FEED_PUBLISHED, feed_updated=FEED_UPDATED) == \
        ("2026-03-02T08:00:00+00:00", "feed")
    # The page's own date is the article's; one after the feed's is likelier when it was modified.
    assert publication(UNDATED, page_date="2026-03-01", feed_published=FEED_PUBLISHED) == ("2026-03-01", "metadata")
    assert publication(UNDATED, page_date="2026-03-08", feed_published=FEED_PUBLISHED) == \
        ("2026-03-02T08:00:00+00:00", "feed")


def test_a_feed_update_time_comes_after_the_text_and_anchors_its_relative_days():
    assert publication(OLD, feed_updated=FEED_UPDATED) == ("2008-03-17", "dateline")
    assert publication(RELATIVE, feed_updated=FEED_UPDATED) == ("2026-03-03", "relative")  # the Tuesday before
    assert publication(UNDATED, feed_updated=FEED_UPDATED) == ("2026-03-09T18:30:00+00:00", "feed")
    assert publication(UNDATED) is None
