"""Links, against a local aiohttp server on 127.0.0.1 (no network)."""
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from handlers.core import fetch
from handlers import ingest
from handlers.core.context import Services

ARTICLE = ("<html><head><title>Site | Hegseth visits Manila</title></head><body>"
           "<nav>Home News Sport Weather</nav><article><h1>Hegseth visits Manila</h1>"
           "<p>US Defense Secretary Pete Hegseth arrived in Manila on Friday for talks with Philippine officials "
           "about joint patrols in the South China Sea.</p>"
           "<p>\"Our alliance is ironclad,\" Hegseth said after meeting Gilberto Teodoro, the Philippine defence "
           "secretary, at Camp Aguinaldo.</p></article><footer>Contact us</footer></body></html>")


@pytest.fixture
async def server():
    hits = {"article": 0}

    async def article(request):
        hits["article"] += 1
        return web.Response(text=ARTICLE, content_type="text/html")

    async def big(request):
        return web.Response(text="<p>" + "news " * 5000 + "</p>", content_type="text/html")

    async def streamed(request):
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        await resp.prepare(request)
        for _ in range(50):
            await resp.write(b"<p>" + b"stream " * 200 + b"</p>")
        return resp

    async def pdf(request):
        return web.Response(body=b"%PDF-1.4 ...", content_type="application/pdf")

    async def missing(request):
        return web.Response(status=404, text="gone")

    async def redirect(request):
        raise web.HTTPFound("/article")

    async def to_ftp(request):
        raise web.HTTPFound("ftp://127.0.0.1/file")

    app = web.Application()
    app.add_routes([web.get("/article", article), web.get("/big", big), web.get("/streamed", streamed),
                    web.get("/pdf", pdf), web.get("/missing", missing), web.get("/redirect", redirect),
                    web.get("/to-ftp", to_ftp)])
    srv = TestServer(app, host="127.0.0.1")
    await srv.start_server()
    srv.hits = hits
    yield srv
    await srv.close()


def url(server, path):
    return str(server.make_url(path))


@pytest.fixture
def allowed(empty_store, extractor):
    return Services(store=empty_store, extractor=extractor, allow_private_urls=True, fetch_max_bytes=5_000,
                    fetch_timeout=10)


async def test_link_is_fetched_and_indexed_once(server, allowed, member, empty_store):
    link = url(server, "/article")
    outcome = await ingest.ingest_url(allowed, member, link)
    assert outcome.status == "indexed", outcome.reply.to_text()
    detail = await empty_store.get_article(member.guild_id, outcome.result.brief_id)
    assert detail.article.title == "Hegseth visits Manila"
    assert detail.article.source == link
    assert "Weather" not in detail.raw_text and "ironclad" in detail.raw_text
    again = await ingest.ingest_url(allowed, member, link)
    assert again.status == "duplicate" and again.result.brief_id == outcome.result.brief_id
    assert server.hits["article"] == 1  # the duplicate was recognised before fetching


async def test_ingest_command_follows_a_link_and_redirects(server, allowed, member):
    reply = await ingest.run(allowed, member, text=f"<{url(server, '/redirect')}>")
    assert reply.ok and "Indexed as #" in reply.to_text()


async def test_loopback_is_refused_unless_allowed(server, empty_store, extractor, member):
    services = Services(store=empty_store, extractor=extractor)  # allow_private_urls=False
    for link in (url(server, "/article"), f"http://localhost:{server.port}/article", "http://[::1]/",
                 "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/"):
        outcome = await ingest.ingest_url(services, member, link)
        assert outcome.status == "rejected" and "private or local" in outcome.reply.to_text(), link
    assert server.hits["article"] == 0


async def test_hostnames_resolving_to_loopback_are_refused():
    with pytest.raises(fetch.FetchError, match="private or local"):
        await fetch.GuardedResolver(allow_private=False).resolve("localhost", 80)


async def test_other_schemes_are_refused(allowed, member):
    for link in ("ftp://example.org/brief.txt", "file:///etc/passwd", "javascript:alert(1)", "http://"):
        outcome = await ingest.ingest_url(allowed, member, link)
        assert outcome.status == "rejected", link


async def test_oversize_and_non_html_pages_are_refused(server, allowed, member, empty_store):
    for path, words in (("/big", "too large"), ("/streamed", "too large"), ("/pdf", "not a web page"),
                        ("/missing", "404"), ("/to-ftp", "http")):
        outcome = await ingest.ingest_url(allowed, member, url(server, path))
        assert outcome.status == "rejected" and words in outcome.reply.to_text(), path
    assert await empty_store.count_articles(member.guild_id) == 0
