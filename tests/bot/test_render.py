"""Reply -> embeds: escaping and Discord's limits (no Discord needed)."""
from __future__ import annotations

import discord

from bot.render import escape, render, safe_url
from handlers.core.reply import Field, Page, Reply


def embed_size_ok(embed: discord.Embed) -> bool:
    """Discord's per-embed limits."""
    return (len(embed) <= 6000 and len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
            and len(embed.fields) <= 25
            and all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in embed.fields)
            and len(embed.footer.text or "") <= 2048)


def test_escape_defuses_mentions_and_markdown_but_keeps_hints_links_and_channels():
    text = ("“@everyone and @here, <@123>, <@!7> and <@&456> said **loud** ||secret|| _x_ ~~y~~” "
            "`!article 12` shows it, in <#99>, https://example.org/a_b_c")
    out = escape(text)
    for raw in ("@everyone", "@here", "<@123>", "<@!7>", "<@&456>", "**loud**", "||secret||"):
        assert raw not in out
    assert "@\u200beveryone" in out and "<@\u200b&456>" in out and "\\*\\*loud\\*\\*" in out
    assert "`!article 12`" in out and "<#99>" in out and "https://example.org/a_b_c" in out
    assert escape("> quoted\n# heading\n[masked](https://x.org)").startswith("\\> quoted\n\\# heading\n\\[masked]")


def test_every_page_stays_inside_discords_limits_even_after_escaping():
    huge = "*_" * 5000
    reply = Reply(pages=[Page(title=huge, description=huge, footer=huge,
                              fields=[Field(huge, huge) for _ in range(40)])] * 3)
    embeds = render(reply)
    assert len(embeds) == 3 and all(embed_size_ok(e) for e in embeds)
    assert embeds[0].title.endswith("…") and len(embeds[0].fields) <= 25
    assert embeds[1].footer.text.startswith("Page 2 of 3")


def test_errors_are_red_and_links_must_be_http():
    [embed] = render(Reply.error("No.", "Because."))
    assert embed.colour == discord.Colour.red()
    [ok] = render(Reply.info("Yes", url="https://discord.com/channels/1/2/3"))
    assert ok.colour == discord.Colour.blurple() and ok.url == "https://discord.com/channels/1/2/3"
    assert safe_url("javascript:alert(1)") is None and safe_url("samples/00_seed.txt") is None


def test_handlers_own_page_numbers_are_not_repeated():
    pages = [Page(title="t", footer=f"Page {n} of 2 · 9 statements") for n in (1, 2)]
    assert [e.footer.text for e in render(Reply(pages=pages))] == ["Page 1 of 2 · 9 statements",
                                                                   "Page 2 of 2 · 9 statements"]
