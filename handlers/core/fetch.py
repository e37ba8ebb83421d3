"""Fetching a news page a member linked to, without letting a link reach what it
should not. The rules (the README's "Fetch guard" section says the same):

- only http(s), no user name or password in the link;
- the host is judged in the form the HTTP client will use (yarl's IDNA/UTS46
  normalisation: fullwidth digits, ideographic full stops, trailing dots), and
  a host that reads as an IPv4 address in any legacy spelling (2130706433,
  0x7f.1, 0177.0.0.1, 127.1) is judged as that address;
- IPv6 addresses carrying an IPv4 address (mapped, compatible, NAT64, 6to4,
  Teredo) are judged by the IPv4 address;
- every redirect hop is judged again (redirects are followed here, not by aiohttp);
- the socket itself refuses to connect to a non-public address, so neither DNS
  nor any spelling the checks above missed can reach an inward address;
- one deadline for the whole fetch, redirects included, and a size cap read as
  the bytes arrive.
"""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urljoin

import aiohttp
import yarl
from aiohttp.abc import AbstractResolver

from handlers.core.context import Services
from handlers.core import textfile
from handlers.core.worker_process import WorkerProcess

MAX_REDIRECTS = 5
USER_AGENT = "newsbrief/0.1 (Discord news-brief bot; reads one page a member linked)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}
PRIVATE = "That link points to a private or local address, which is not fetched."
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
# NAT64 prefixes (RFC 6052 well-known, RFC 8215 local use): the low 32 bits are an IPv4 address.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """Why a link could not be read, worded for the member who posted it."""


class RefusedAddress(OSError):
    """Raised by the guarded socket factory: the peer address is not public."""


@dataclass
class FetchedPage:
    url: str  # after redirects
    kind: str  # "html" | "text"
    text: str  # decoded body


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, if it carries one."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address
    if int(ip) >> 32 == 0 or any(ip in net for net in _NAT64):  # IPv4-compatible ::a.b.c.d, NAT64
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return False  # fe80::1%eth0 and the like
        inner = embedded_ipv4(ip)
        if inner is not None:
            # Teredo relays through a server; too odd for a news site, refuse it outright.
            return ip.teredo is None and is_public(inner)
    return ip.is_global and not ip.is_multicast


def legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """`host` read the way inet_aton (and so getaddrinfo) reads it: one to four
    parts, each decimal, 0x-hex or 0-octal, the last filling the remaining
    bytes ("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1"). None if it is a name."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        try:
            if part[:2].lower() == "0x":
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part, 8))
            elif part.isascii() and part.isdigit():
                numbers.append(int(part))
            else:
                return None
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = 0
    for n in head:
        value = value * 256 + n
    return ipaddress.IPv4Address((value << (8 * (4 - len(head)))) | last)


def host_address(host: str) -> IPAddress | None:
    """The IP address a (yarl-normalised) host names literally, or None for a DNS name."""
    host = host.rstrip(".")
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return legacy_ipv4(host)


def check_url(url: str, allow_private: bool = False) -> str:
    """The URL if it may be fetched; FetchError otherwise. The host is judged as
    the HTTP client will read it; the socket factory judges the address again
    when it connects."""
    url = url.strip()
    try:
        parsed = yarl.URL(url)
        host = parsed.host  # IDNA/UTS46-normalised, as aiohttp will use it
        parsed.port  # raises ValueError for a bad port
    except (ValueError, UnicodeError, TypeError):
        raise FetchError("That link is not a valid address.") from None
    if (parsed.scheme or "").lower() not in ("http", "https"):
        raise FetchError("Only http:// and https:// links can be read.")
    if not host:
        raise FetchError("That link has no host name.")
    if not allow_private:
        name = host.lower().rstrip(".")
        if name in _LOCAL_NAMES or name.endswith(".localhost") or "." not in name and not name.isdigit() \
                and host_address(name) is None:
            raise FetchError(PRIVATE)  # localhost and bare intranet names ("http://router/")
        ip = host_address(name)
        if ip is not None and not is_public(ip):
            raise FetchError(PRIVATE)
    if parsed.user is not None or parsed.password is not None:
        raise FetchError("Links with a user name or password in them are not fetched.")
    return url


def guarded_socket_factory(allow_private: bool):
    """A socket factory for aiohttp's connector that refuses, at connect time,
    every peer address that is not public: IP literals and resolved names alike."""

    def make(addr_info) -> socket.socket:
        family, type_, proto, _, address = addr_info
        if not allow_private:
            try:
                ip = ipaddress.ip_address(str(address[0]))
            except ValueError:
                raise RefusedAddress(PRIVATE) from None
            if not is_public(ip):
                raise RefusedAddress(PRIVATE)
        return socket.socket(family=family, type=type_, proto=proto)

    return make


class GuardedResolver(AbstractResolver):
    """Resolves like the default resolver, then drops private and local addresses
    (an early, clear refusal; the socket factory is the guard that cannot be missed)."""

    def __init__(self, allow_private: bool = False):
        self._inner = aiohttp.ThreadedResolver()
        self._allow_private = allow_private

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        results = await self._inner.resolve(host, port, family)
        if self._allow_private:
            return results
        public = [r for r in results if is_public(ipaddress.ip_address(r["host"]))]
        if not public:
            raise FetchError(PRIVATE)
        return public

    async def close(self) -> None:
        await self._inner.close()


async def fetch_page(url: str, *, timeout: float = Services.fetch_timeout,
                     max_bytes: int = Services.fetch_max_bytes, allow_private: bool = False) -> FetchedPage:
    """Download one page (HTML or plain text) within `timeout` seconds in all,
    redirects included. Raises FetchError with a reason."""
    return await _guarded_get(url, lambda resp, final: _read(resp, final, max_bytes),
                              timeout=timeout, allow_private=allow_private)


@dataclass
class FetchedFeed:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators sent still hold (then `body` is empty)
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


async def fetch_feed(url: str, *, etag: str | None = None, last_modified: str | None = None,
                     timeout: float = 15.0, max_bytes: int = 3_000_000,
                     allow_private: bool = False) -> FetchedFeed:
    """Download a feed document under the same rules as a page, as a conditional
    request: with the ETag and Last-Modified of the last poll, an unchanged feed
    answers 304 and costs nothing. Raises FetchError with a reason."""
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/feed+json, "
                         "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return await _guarded_get(url, lambda resp, final: _read_feed(resp, final, max_bytes),
                              timeout=timeout, allow_private=allow_private, headers=headers)


async def _guarded_get(url: str, read, *, timeout: float, allow_private: bool, headers: dict | None = None):
    """GET `url` under the guard (checked URL, checked address at connect time,
    every redirect hop checked again, one deadline for everything); `read(resp, url)`
    turns the final response into the result."""
    url = check_url(url, allow_private)
    connector = aiohttp.TCPConnector(resolver=GuardedResolver(allow_private), limit=2,
                                     socket_factory=guarded_socket_factory(allow_private))
    try:
        async with asyncio.timeout(timeout):
            async with aiohttp.ClientSession(connector=connector, headers={"User-Agent": USER_AGENT},
                                             trust_env=False) as session:
                for _ in range(MAX_REDIRECTS + 1):
                    async with session.get(url, allow_redirects=False, headers=headers) as resp:
                        if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                            url = check_url(urljoin(url, resp.headers["Location"]), allow_private)
                            continue
                        return await read(resp, url)
                raise FetchError("That link redirects too many times.")
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError(f"The page took too long: it did not arrive within {timeout:g} seconds "
                         "(redirects included).") from None
    except aiohttp.ClientConnectorError as exc:
        # The resolver's or the socket factory's refusal arrives wrapped in a connection error.
        for cause in (exc.__cause__, getattr(exc, "os_error", None)):
            if isinstance(cause, (FetchError, RefusedAddress)):
                raise FetchError(PRIVATE) from None
        raise FetchError("The site could not be reached.") from None
    except (aiohttp.ClientError, UnicodeError, ValueError):
        raise FetchError("The site could not be reached or sent a broken answer.") from None


async def _read_body(resp: aiohttp.ClientResponse, max_bytes: int, what: str = "page") -> bytes:
    """The body, read as it arrives and refused as soon as it passes `max_bytes`."""
    limit_mb = f"{max_bytes / 1_000_000:g} MB"
    if resp.content_length is not None and resp.content_length > max_bytes:
        raise FetchError(f"That {what} is too large to read (over {limit_mb}).")
    body = bytearray()
    async for chunk in resp.content.iter_chunked(65_536):
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"That {what} is too large to read (over {limit_mb}).")
    return bytes(body)


async def _read_feed(resp: aiohttp.ClientResponse, url: str, max_bytes: int) -> FetchedFeed:
    etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
    if resp.status == 304:
        return FetchedFeed(url=str(resp.url), status=304, body=b"", etag=etag, last_modified=modified)
    if resp.status != 200:
        raise FetchError(f"The site answered with HTTP {resp.status}.")
    body = await _read_body(resp, max_bytes, "feed")
    return FetchedFeed(url=str(resp.url), status=200, body=body, content_type=(resp.content_type or "").lower(),
                       etag=etag, last_modified=modified)


async def _read(resp: aiohttp.ClientResponse, url: str, max_bytes: int) -> FetchedPage:
    if resp.status != 200:
        raise FetchError(f"The site answered with HTTP {resp.status}, so there is nothing to read.")
    mime = (resp.content_type or "").lower()
    if mime in HTML_TYPES:
        kind = "html"
    elif mime in TEXT_TYPES:
        kind = "text"
    else:
        raise FetchError(f"That link is not a web page ({mime or 'unknown type'}).")
    body = await _read_body(resp, max_bytes)
    try:
        text = await decoded(body, resp.charset)
    except textfile.NotText as exc:
        raise FetchError(f"That page cannot be read: {exc}.") from None
    return FetchedPage(url=str(resp.url), kind=kind, text=text)


class PageText(NamedTuple):
    title: str
    text: str
    date: str | None = None  # the publication day its metadata gives, 'YYYY-MM-DD'


async def read_article(html: str, url: str | None = None) -> PageText:
    """`html_to_brief` in the reading process: trafilatura holds the GIL for 0.1 s and
    more per real news page (and half a second to import), which in a thread of the bot
    would stall every command in flight meanwhile (bench row 11)."""
    return await _page_reader.run(html_to_brief, html, url)


async def in_reading_process(fn, *args):
    """`fn(*args)` (a module-level function, plain data in and out) in the process that reads
    pages: for other parsing that holds the GIL long (a feed of a few megabytes)."""
    return await _page_reader.run(fn, *args)


async def decoded(data: bytes, declared: str | None = None) -> str:
    """textfile.decode, with the slow part (detecting an undeclared, non-UTF-8 encoding) in
    the reading process. Raises textfile.NotText."""
    known = textfile.decode_known(data, declared)
    return known if known is not None else await in_reading_process(textfile.decode_unknown, data)


def stop_reading() -> None:
    """Stop the reading process (the bot's close); the next page read starts it again."""
    _page_reader.shutdown()


def _import_reader() -> None:
    import trafilatura  # noqa: F401


_page_reader = WorkerProcess(_import_reader)


def html_to_brief(html: str, url: str | None = None) -> PageText:
    """Headline, main text and publication date of an article page, via trafilatura.
    CPU-bound: `read_article` runs it in another process. Empty strings when there is no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return PageText("", "")
    # with_metadata=True: a Document, never the plain dict of the other mode
    title = " ".join((doc.title or "").split())  # type: ignore[union-attr]
    return PageText(title, (doc.text or "").strip(), getattr(doc, "date", None) or None)  # type: ignore[union-attr]
