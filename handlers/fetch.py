"""Fetching a news page a member linked to, without letting a link reach what it
should not: only http(s), no private or loopback addresses (checked on every
redirect and at connect time, so DNS cannot smuggle them in), a timeout and a
size cap read as the bytes arrive."""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from handlers import textfile

MAX_REDIRECTS = 5
USER_AGENT = "newsbrief/0.1 (Discord news-brief bot; reads one page a member linked)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}


class FetchError(Exception):
    """Why a link could not be read, worded for the member who posted it."""


@dataclass
class FetchedPage:
    url: str  # after redirects
    kind: str  # "html" | "text"
    text: str  # decoded body


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str, allow_private: bool = False) -> str:
    """The URL if it may be fetched; FetchError otherwise. Hostnames are checked
    again when they resolve (GuardedResolver)."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # raises ValueError for a bad port
    except ValueError:
        raise FetchError("That link is not a valid address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("Only http:// and https:// links can be read.")
    if not parts.hostname:
        raise FetchError("That link has no host name.")
    if parts.username or parts.password:
        raise FetchError("Links with a user name or password in them are not fetched.")
    if not allow_private:
        try:
            ip = ipaddress.ip_address(parts.hostname)
        except ValueError:
            ip = None
        if ip is not None and not is_public(ip):
            raise FetchError("That link points to a private or local address, which is not fetched.")
        if parts.hostname.lower().rstrip(".") in ("localhost", "localhost.localdomain") \
                or parts.hostname.lower().endswith(".localhost"):
            raise FetchError("That link points to a private or local address, which is not fetched.")
    return url.strip()


class GuardedResolver(AbstractResolver):
    """Resolves like the default resolver, then drops private and local addresses."""

    def __init__(self, allow_private: bool = False):
        self._inner = aiohttp.ThreadedResolver()
        self._allow_private = allow_private

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET):
        results = await self._inner.resolve(host, port, family)
        if self._allow_private:
            return results
        public = [r for r in results if is_public(ipaddress.ip_address(r["host"]))]
        if not public:
            raise FetchError("That link points to a private or local address, which is not fetched.")
        return public

    async def close(self) -> None:
        await self._inner.close()


async def fetch_page(url: str, *, timeout: float = 15.0, max_bytes: int = 3_000_000,
                     allow_private: bool = False) -> FetchedPage:
    """Download one page (HTML or plain text). Raises FetchError with a reason."""
    url = check_url(url, allow_private)
    connector = aiohttp.TCPConnector(resolver=GuardedResolver(allow_private), limit=2)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=client_timeout,
                                         headers={"User-Agent": USER_AGENT}) as session:
            for _ in range(MAX_REDIRECTS + 1):
                async with session.get(url, allow_redirects=False) as resp:
                    if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                        url = check_url(urljoin(url, resp.headers["Location"]), allow_private)
                        continue
                    return await _read(resp, url, max_bytes)
            raise FetchError("That link redirects too many times.")
    except FetchError:
        raise
    except asyncio.TimeoutError:
        raise FetchError(f"The page did not answer within {timeout:g} seconds.") from None
    except aiohttp.ClientConnectorError as exc:
        # The resolver's refusal arrives wrapped in a connection error.
        cause = exc.__cause__ or getattr(exc, "os_error", None)
        if isinstance(cause, FetchError):
            raise cause from None
        raise FetchError("The site could not be reached.") from None
    except (aiohttp.ClientError, UnicodeError, ValueError):
        raise FetchError("The site could not be reached or sent a broken answer.") from None


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
    limit_mb = f"{max_bytes / 1_000_000:g} MB"
    if resp.content_length is not None and resp.content_length > max_bytes:
        raise FetchError(f"That page is too large to read (over {limit_mb}).")
    body = bytearray()
    async for chunk in resp.content.iter_chunked(65_536):
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"That page is too large to read (over {limit_mb}).")
    try:
        text = textfile.decode(bytes(body), resp.charset)
    except textfile.NotText as exc:
        raise FetchError(f"That page cannot be read: {exc}.") from None
    return FetchedPage(url=str(resp.url), kind=kind, text=text)


def html_to_brief(html: str, url: str | None = None) -> tuple[str, str]:
    """(headline, main text) of an article page, via trafilatura. CPU-bound:
    callers run it in an executor. Empty strings when there is no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return "", ""
    title = " ".join((doc.title or "").split())
    return title, (doc.text or "").strip()
