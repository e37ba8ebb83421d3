"""Links in replies: masked in Discord embeds, plain (URL on its own line) in the console."""
from __future__ import annotations

from types import SimpleNamespace

from bot.render import render
from handlers.core.format import article_line, statement_line
from handlers.core.reply import Field, Page, Reply

JUMP = "https://discord.com/channels/1/2/3"


def row(**kw):
    base = dict(id=12, title="Council votes on the budget", created_at="2025-09-04T10:00:00+00:00",
                entities=3, statements=1, jump_url=JUMP, source="message.txt")
    return SimpleNamespace(**{**base, **kw})


def test_a_brief_line_is_a_masked_link_in_embeds_and_plain_in_the_console():
    reply = Reply(pages=[Page(title="Latest briefs", description=article_line(row()))])
    [embed] = render(reply)
    assert embed.description.startswith(f"[\\#12 Council votes on the budget]({JUMP}) · 2025-09-04")
    assert embed.description.count(JUMP) == 1
    assert reply.to_text().splitlines()[1:] == ["#12 Council votes on the budget · 2025-09-04 · 3 entities, "
                                                 "1 statement", f"  {JUMP}"]


def test_a_statement_links_its_brief_and_a_brief_without_a_link_is_plain_text():
    s = SimpleNamespace(text="We will finish the bridge.", kind="direct", speaker="Ann Lee", brief_id=12,
                        brief_title="Bridge news", jump_url=JUMP)
    [embed] = render(Reply(pages=[Page(title="Statements", description=statement_line(s))]))
    assert f"in [\\#12 Bridge news]({JUMP})" in embed.description
    local = article_line(row(jump_url=None, source="samples/00_seed.txt"))
    [embed] = render(Reply(pages=[Page(title="Briefs", description=local)]))
    assert "](" not in embed.description and "#12 Council" in Reply.info("x", local).to_text()


def test_article_text_cannot_make_a_masked_link():
    forged = "\ue000abcd[Click me]\ue001https://evil.example\ue002 and [Also](https://evil.example)"
    [embed] = render(Reply(pages=[Page(title="t", description=article_line(row(title=forged)))]))
    assert "](https://evil.example)" not in embed.description
    assert "\ue000" not in embed.description and "\ue001" not in embed.description


def test_a_link_cut_short_by_the_field_limit_leaves_no_markers():
    lines = "\n".join(article_line(row(id=n, title="A long headline " * 5)) for n in range(20))
    reply = Reply(pages=[Page(title="t", fields=[Field("Briefs", lines)])])
    [embed] = render(reply)
    value = embed.fields[0].value
    assert len(value) <= 1024 and not any(c in value for c in "\ue000\ue001\ue002")
    assert not any(c in reply.to_text() for c in "\ue000\ue001\ue002")
