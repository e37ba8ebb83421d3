"""The fetch guard against every spelling of an inward address, on the first
URL and on redirects, and at connect time; and the one deadline per fetch.
A local aiohttp server on 127.0.0.1 counts every request that reaches it."""
import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from handlers.core import fetch
from handlers import ingest
from handlers.core.context import Services

ARTICLE = ("<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
           "<p>The harbour at Port Wendell reopened on Monday after a week of storm repairs, the mayor said.</p>"
           "</article></body></html>")

# Spellings of loopback, link-local and private addresses; {port} is the local server's.
INWARD = [
    "http://127.0.0.1:{port}/article",
    "http://１２７.０.０.１:{port}/article",            # fullwidth digits and full stops
    "http://127。0。0。1:{port}/article",               # ideographic full stop
    "http://127．0．0．1:{port}/article",               # fullwidth full stop
    "http://127｡0｡0｡1:{port}/article",                 # halfwidth ideographic full stop
    "http://①②⑦.0.0.1:{port}/article",               # circled digits (NFKC)
    "http://127.0.0.1.:{port}/article",               # trailing dot
    "http://127.0.0.1..:{port}/article",              # two trailing dots
    "http://2130706433:{port}/article",               # decimal
    "http://017700000001:{port}/article",             # octal, one part
    "http://0x7f000001:{port}/article",               # hex, one part
    "http://0x7F.0x0.0x0.0x1:{port}/article",         # hex parts
    "http://0177.0.0.01:{port}/article",              # octal parts
    "http://00000177.0.0.1:{port}/article",           # padded octal
    "http://127.1:{port}/article",                    # short form
    "http://127.0.1:{port}/article",                  # short form
    "http://0x7f.1:{port}/article",                   # hex short form
    "http://127.000.000.001:{port}/article",          # zero-padded
    "http://0:{port}/article",                        # 0.0.0.0 reaches the local host on Linux
    "http://0.0.0.0:{port}/article",
    "http://localhost:{port}/article",
    "http://LOCALHOST.:{port}/article",
    "http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ:{port}/article",                # enclosed letters, IDNA maps them
    "http://news.localhost:{port}/article",
    "http://[::1]:{port}/article",
    "http://[0:0:0:0:0:0:0:1]:{port}/article",
    "http://[::ffff:127.0.0.1]:{port}/article",       # IPv4-mapped
    "http://[::ffff:7f00:1]:{port}/article",
    "http://[::127.0.0.1]:{port}/article",            # IPv4-compatible
    "http://[::7f00:1]:{port}/article",
    "http://[64:ff9b::7f00:1]:{port}/article",        # NAT64
    "http://[64:ff9b::a9fe:a9fe]:{port}/article",     # NAT64 of 169.254.169.254
    "http://[2002:7f00:1::]:{port}/article",          # 6to4
    "http://[2002:a9fe:a9fe::1]:{port}/article",      # 6to4 of 169.254.169.254
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{port}/article",  # Teredo, client 127.0.0.1
    "http://[fe80::1]:{port}/article",
    "http://[fc00::1]:{port}/article",
    "http://user:secret@127.0.0.1:{port}/article",    # userinfo
    "http://example.org@127.0.0.1:{port}/article",
    "http://169.254.169.254/latest/meta-data/",        # cloud metadata
    "http://１６９．２５４．１６９．２５４/latest/meta-data/",
    "http://2852039166/latest/meta-data/",            # 169.254.169.254 in decimal
    "http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/",
    "http://10.0.0.1:{port}/article",
    "http://012.1:{port}/article",                    # 10.0.0.1, octal short form
    "http://192.168.1.1:{port}/article",
    "http://3232235777:{port}/article",               # 192.168.1.1 in decimal
    "http://172.16.0.1:{port}/article",
    "http://100.64.0.1:{port}/article",               # carrier-grade NAT
    "http://router:{port}/article",                   # a bare intranet name
]


@pytest.fixture
async def server():
    hits = []

    @web.middleware
    async def count(request, handler):
        hits.append(request.path)
        return await handler(request)

    async def article(request):
        return web.Response(text=ARTICLE, content_type="text/html")

    async def to(request):
        raise web.HTTPFound(request.query["target"])

    async def slow_hop(request):
        await asyncio.sleep(0.4)
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/slow/{n - 1}" if n > 0 else "/article")

    app = web.Application(middlewares=[count])
    app.add_routes([web.get("/article", article), web.get("/to", to), web.get("/slow/{n}", slow_hop)])
    srv = TestServer(app, host="127.0.0.1")
    await srv.start_server()
    srv.hits = hits
    yield srv
    await srv.close()


@pytest.fixture
def guarded(empty_store, extractor):
    return Services(store=empty_store, extractor=extractor, fetch_timeout=10)  # allow_private_urls=False


@pytest.mark.parametrize("spelling", INWARD)
async def test_inward_spellings_are_refused_without_a_request(spelling, server, guarded, member, empty_store):
    outcome = await ingest.ingest_url(guarded, member, spelling.format(port=server.port))
    assert outcome.status == "rejected" and "private or local" in outcome.reply.to_text(), spelling
    assert server.hits == []
    assert await empty_store.count_articles(member.guild_id) == 0


@pytest.mark.parametrize("spelling", INWARD[1:8] + INWARD[8:20:3] + INWARD[26:34:2])
async def test_redirects_to_inward_spellings_are_refused(spelling, server, member, empty_store, extractor):
    """The first hop is allowed (as for a test server); the redirect target is judged without that allowance."""
    start = str(server.make_url("/to").with_query(target=spelling.format(port=server.port)))
    with pytest.raises(fetch.FetchError, match="private or local"):
        await _fetch_with_first_hop_allowed(start)
    assert server.hits == ["/to"]


async def _fetch_with_first_hop_allowed(start: str):
    """fetch_page, with only the starting URL let through the private-address rules."""
    real_check = fetch.check_url
    calls = []

    def check(url, allow_private=False):
        calls.append(url)
        return real_check(url, allow_private=len(calls) == 1)

    fetch.check_url = check
    original_factory = fetch.guarded_socket_factory
    fetch.guarded_socket_factory = lambda allow: original_factory(True)  # the test server is on 127.0.0.1
    try:
        return await fetch.fetch_page(start, timeout=10)
    finally:
        fetch.check_url = real_check
        fetch.guarded_socket_factory = original_factory


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "169.254.169.254", "10.1.2.3", "::ffff:127.0.0.1",
                                     "64:ff9b::7f00:1", "2002:7f00:1::"])
def test_the_socket_refuses_inward_peers_at_connect_time(address):
    family = fetch.socket.AF_INET6 if ":" in address else fetch.socket.AF_INET
    make = fetch.guarded_socket_factory(allow_private=False)
    with pytest.raises(fetch.RefusedAddress):
        make((family, fetch.socket.SOCK_STREAM, 6, "", (address, 80)))


async def test_a_name_that_resolves_inward_is_refused_when_connecting(server, guarded, member, monkeypatch):
    """Even if name checks and the resolver were fooled, the socket factory refuses the peer."""
    async def resolve_inward(self, host, port=0, family=fetch.socket.AF_INET):
        return [{"hostname": host, "host": "127.0.0.1", "port": port, "family": fetch.socket.AF_INET,
                 "proto": 0, "flags": 0}]

    monkeypatch.setattr(fetch.GuardedResolver, "resolve", resolve_inward)
    outcome = await ingest.ingest_url(guarded, member, f"http://news.example.org:{server.port}/article")
    assert outcome.status == "rejected" and "private or local" in outcome.reply.to_text()
    assert server.hits == []


@pytest.mark.parametrize("address", ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
                                     "2002:808:808::1"])
def test_public_addresses_stay_public(address):
    assert fetch.is_public(fetch.ipaddress.ip_address(address))


def test_public_links_pass_the_url_check():
    for link in ("https://www.example.org/news/1", "http://８.８.８.８/", "https://bücher.example/a"):
        assert fetch.check_url(link) == link


async def test_one_deadline_covers_every_redirect_hop(server, member, empty_store, extractor):
    """Four hops of 0.4 s each: each hop is well inside the 1 s timeout, the chain is not."""
    services = Services(store=empty_store, extractor=extractor, allow_private_urls=True, fetch_timeout=1.0)
    outcome = await ingest.ingest_url(services, member, str(server.make_url("/slow/3")))
    assert outcome.status == "rejected"
    assert "took too long" in outcome.reply.to_text() and "redirects included" in outcome.reply.to_text()
    assert await empty_store.count_articles(member.guild_id) == 0
