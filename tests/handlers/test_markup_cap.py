"""HTML handed to trafilatura is capped near the brief limit (its time grows
faster than the markup), for links and .html attachments alike; scripts,
styles and comments do not count, so an ordinary script-heavy page still reads."""
from __future__ import annotations

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from handlers.core import fetch, textfile
from handlers import ingest
from handlers.core.context import Services

MAX_BRIEF = 2_000  # markup limit 2 x 2,000 = 4,000 characters
ARTICLE = ("<h1>Ferry strike ends</h1><p>Union leader Maria Lopez said on Tuesday that the crews of "
           "Port Wendell would go back to work after talks with the harbour board.</p>")
FLAT = "<html><body>" + "<div><p>harbour news</p></div>" * 400 + "</body></html>"  # 11,000+ characters
SCRIPTED = ("<html><head><title>Ferry strike ends</title>" + "<script>var tracking = 'x';</script>" * 600
            + "<!-- " + "ad slot " * 500 + "--><style>p { color: red }</style></head><body><article>"
            + ARTICLE + "</article></body></html>")


@pytest.fixture
def trafilatura_calls(monkeypatch):
    calls = []
    real = fetch.read_article

    async def counting(html, url=None):
        calls.append(len(html))
        return await real(html, url)

    monkeypatch.setattr(ingest, "read_article", counting)
    return calls


@pytest.fixture
async def site():
    async def page(request):
        return web.Response(text={"/flat": FLAT, "/scripted": SCRIPTED}[request.path], content_type="text/html")

    app = web.Application()
    app.add_routes([web.get("/flat", page), web.get("/scripted", page)])
    srv = TestServer(app, host="127.0.0.1")
    await srv.start_server()
    yield srv
    await srv.close()


@pytest.fixture
def services(empty_store, extractor):
    return Services(store=empty_store, extractor=extractor, allow_private_urls=True, max_brief_chars=MAX_BRIEF)


async def test_a_link_to_too_much_markup_is_refused_before_trafilatura(site, services, member, trafilatura_calls,
                                                                       empty_store):
    outcome = await ingest.ingest_url(services, member, str(site.make_url("/flat")))
    text = outcome.reply.to_text()
    assert outcome.status == "rejected" and "too large to read" in text and "4,000" in text, text
    assert trafilatura_calls == []
    assert await empty_store.count_articles(member.guild_id) == 0


async def test_an_html_attachment_with_too_much_markup_is_refused(services, member, trafilatura_calls):
    outcome = await ingest.ingest_file(services, member, "page.html", FLAT.encode())
    text = outcome.reply.to_text()
    assert outcome.status == "rejected" and "too large to read" in text and "page.html" in text, text
    assert trafilatura_calls == []


async def test_scripts_styles_and_comments_do_not_count_against_the_cap(site, services, member, trafilatura_calls):
    assert len(SCRIPTED) > textfile.markup_limit(MAX_BRIEF)
    linked = await ingest.ingest_url(services, member, str(site.make_url("/scripted")))
    assert linked.status == "indexed", linked.reply.to_text()
    attached = await ingest.ingest_file(services, member, "ferry.html", SCRIPTED.encode())
    assert attached.status == "duplicate", attached.reply.to_text()  # the same article text
    assert trafilatura_calls and max(trafilatura_calls) <= textfile.markup_limit(MAX_BRIEF)


def test_markup_without_scripts_keeps_the_article_and_json_ld():
    html = ('<p>One</p><SCRIPT src="a.js">if (a<b) {}</script ><p>Two<!-- hidden --></p>'
            '<script type="application/ld+json">{"headline": "Ferry strike ends"}</script>'
            '<svg><path d="M0"/></svg><scripts>kept</scripts><style>p{}')
    kept = textfile.readable_markup(html, MAX_BRIEF)
    assert kept == ('<p>One</p><p>Two</p><script type="application/ld+json">{"headline": "Ferry strike ends"}'
                    '</script><scripts>kept</scripts>')


def test_unclosed_scripts_and_comments_run_to_the_end():
    assert textfile.readable_markup("<p>a</p>" + "<script>" * 50_000, 10) == "<p>a</p>"
    assert textfile.readable_markup("<p>a</p>" + "<!--" * 50_000, 10) == "<p>a</p>"
    with pytest.raises(textfile.TooMuchMarkup):
        textfile.readable_markup("<" * 31, 10)
