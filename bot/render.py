"""Reply -> discord.Embed pages, escaped and inside Discord's limits.

A Reply's text is plain, and much of it comes from article text that anyone
could have posted, so everything is escaped here: Markdown (`**`, `||`, `_`,
headings, quotes, masked links) and mentions (`@everyone`, `<@123>`, `<@&456>`)
are shown as typed and never format or ping. Two things the handlers write on
purpose survive: `code spans` (command hints such as `!article 12`) and
channel mentions `<#123>` (watch/settings replies). Links are left intact, and
the links handlers mark (handlers/links.py) become masked links `[#12 Headline](url)`.
"""
from __future__ import annotations

import re

import discord

from handlers.core.limits import fit_page
from handlers.core.links import labels, masked
from handlers.core.reply import Field, Page, Reply, page_label

OK_COLOUR = discord.Colour.blurple()
ERROR_COLOUR = discord.Colour.red()

# Kept verbatim: inline code (cannot format or ping) and channel mentions (cannot ping).
_KEEP = re.compile(r"(`[^`\n]{1,300}`|<#\d{1,20}>)")
# Every way to write a mention that could ping, or render as a pill, in a message.
_MENTION = re.compile(r"@(everyone|here)|<@([!&]?)(\d{1,20})>")
_HTTP = re.compile(r"^https?://\S+$")


def _defuse_mentions(text: str) -> str:
    """A zero-width space after the @ keeps the text readable and inert."""
    def repl(m: re.Match) -> str:
        if m.group(1):
            return "@\u200b" + m.group(1)
        return f"<@\u200b{m.group(2)}{m.group(3)}>"

    return _MENTION.sub(repl, text)


def escape(text: str | None) -> str:
    """`text` safe to show in an embed title, description or field."""
    if not text:
        return ""
    parts = _KEEP.split(text)
    out = []
    for n, part in enumerate(parts):
        if n % 2:  # a kept span
            out.append(part)
        elif part:
            out.append(_defuse_mentions(discord.utils.escape_markdown(part)))
    return "".join(out)


def plain(text: str | None) -> str:
    """Footers and select labels do not render Markdown, so only mentions are defused."""
    return _defuse_mentions(text or "")


def safe_url(url: str | None) -> str | None:
    """Discord rejects an embed whose url is not http(s); such a link is dropped."""
    if url and _HTTP.match(url) and len(url) <= 2000:
        return url
    return None


def escaped_page(page: Page) -> Page:
    # Links handlers wrote (handlers/links.py) become masked links where embeds render them.
    return Page(title=escape(labels(page.title)), description=masked(page.description, escape),
                fields=[Field(escape(labels(f.name)), masked(f.value, escape), f.inline) for f in page.fields],
                url=safe_url(page.url), footer=plain(labels(page.footer)) if page.footer else None)


def page_embed(page: Page, *, ok: bool = True, number: int = 1, total: int = 1) -> discord.Embed:
    # Fitted before escaping (so escaping never works on more than Discord shows) and
    # after (escaping lengthens text).
    page = fit_page(escaped_page(fit_page(page)))
    embed = discord.Embed(title=page.title, description=page.description or None, url=page.url,
                          colour=OK_COLOUR if ok else ERROR_COLOUR)
    for f in page.fields:
        embed.add_field(name=f.name, value=f.value, inline=f.inline)
    footer = page_label(page.footer, number, total)
    if footer:
        embed.set_footer(text=footer[:2048])
    return embed


def render(reply: Reply) -> list[discord.Embed]:
    """One embed per page of the reply."""
    pages = reply.pages or [Page(title="Nothing to show")]
    return [page_embed(p, ok=reply.ok, number=n, total=len(pages)) for n, p in enumerate(pages, 1)]


def progress_embed(done: int, total: int, title: str = "Re-reading briefs…") -> discord.Embed:
    """One message edited as a long job advances."""
    width = 20
    filled = width * done // total if total else width
    bar = "█" * filled + "░" * (width - filled)
    return discord.Embed(title=title, description=f"{bar}\n{done:,} of {total:,}", colour=OK_COLOUR)
