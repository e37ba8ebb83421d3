"""A news site with feeds, on 127.0.0.1 in its own thread (so a bot under test
reads it exactly as a real site): feeds in RSS, Atom or JSON Feed, article pages,
ETag/Last-Modified answered with 304, slow, huge, failing and redirecting
routes. Every request is logged with the validators it carried."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape

from aiohttp import web
from localsite import LocalSite


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    location: str | None = None  # a redirect


@dataclass
class Hit:
    path: str
    if_none_match: str | None
    if_modified_since: str | None


class FeedSite(LocalSite):
    name = "local feed site"

    def __init__(self):
        super().__init__()
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def page(self, path: str, title: str, paragraphs: list[str]) -> None:
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        html = (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
                f"<footer>Test Harbour News</footer></body></html>")
        self.routes[path] = Route(html.encode(), "text/html")

    def feed(self, path: str, body: str, content_type: str = "application/rss+xml", etag: str | None = None,
             last_modified: str | None = None, **route) -> None:
        self.routes[path] = Route(body.encode(), content_type, etag=etag, last_modified=last_modified, **route)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.hits.append(Hit(request.path, request.headers.get("If-None-Match"),
                             request.headers.get("If-Modified-Since")))
        route = self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="not here")
        if route.delay:
            await asyncio.sleep(route.delay)
        if route.location:
            raise web.HTTPFound(route.location)
        headers = {}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        fresh = (route.etag and request.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and request.headers.get("If-Modified-Since") == route.last_modified)
        if fresh:
            return web.Response(status=304, headers=headers)
        return web.Response(body=route.body, status=route.status, content_type=route.content_type, headers=headers)


# ---- feed documents -------------------------------------------------------------------

def when(day: int) -> datetime:
    return datetime(2026, 3, day, 8, 0, tzinfo=timezone.utc)


def rss(items: list[dict], title: str = "Harbour Times") -> str:
    """items: dicts with id, title, link, summary, day (of March 2026)."""
    parts = []
    for it in items:
        parts.append(
            "<item>"
            f"<title>{escape(it.get('title', ''))}</title>"
            + (f"<link>{escape(it['link'])}</link>" if it.get("link") else "")
            + (f"<guid isPermaLink='false'>{escape(it['id'])}</guid>" if it.get("id") else "")
            + f"<description>{escape(it.get('summary', ''))}</description>"
            + (f"<pubDate>{format_datetime(when(it['day']))}</pubDate>" if it.get("day") else "")
            + it.get("extra_xml", "")  # anything else the item should carry, as raw XML
            + "</item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(title)}</title><link>http://example.invalid/</link><description>News</description>"
            + "".join(parts) + "</channel></rss>")


def atom(items: list[dict], title: str = "Harbour Atom") -> str:
    entries = "".join(
        "<entry>"
        f"<id>{escape(it['id'])}</id><title>{escape(it.get('title', ''))}</title>"
        f"<link href='{escape(it['link'])}'/>"
        f"<updated>{when(it.get('day', 1)).isoformat()}</updated>"
        f"<summary>{escape(it.get('summary', ''))}</summary>"
        "</entry>" for it in items)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>urn:test:feed</id><updated>{when(1).isoformat()}</updated>"
            + entries + "</feed>")
