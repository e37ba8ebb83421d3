"""Who should hear about a newly indexed brief: members following an entity it
names, or a word it contains, in the brief's own server, with the server's
switch on. The bot's alert sender delivers what this returns."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from handlers.core.context import Services
from handlers.core.format import link_of, plural
from handlers.core.limits import join_lines, one_line
from handlers.core.reply import Page, Reply
from handlers.core.validate import WORD

STATEMENT_CHARS = 300


@dataclass
class Alert:
    user_id: int
    brief_id: int
    title: str
    followed: list[str] = field(default_factory=list)  # what the member follows that the brief matched
    statement: str | None = None  # a statement by a followed person, "Name: “text”"
    link: str | None = None  # the brief's message, else its page


def folded_words(text: str) -> str:
    """Words of `text` without case or accents, space-separated and padded, so
    a keyword key (store.normalize.name_key) is found as " key "."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " " + " ".join(WORD.findall(text)) + " "


async def alerts_for_brief(services: Services, guild_id: int, brief_id: int, *, author_id: int | None = None) -> list[Alert]:
    """One Alert per member to tell (the brief's own author excepted)."""
    store = services.store
    enabled, _ = await store.alert_settings(guild_id)
    if not enabled:
        return []
    by_entity = await store.entity_followers(guild_id, brief_id)
    keywords = await store.keyword_follows(guild_id)
    if not by_entity and not keywords:
        return []
    detail = await store.get_article(guild_id, brief_id)
    if detail is None:
        return []
    followed: dict[int, list[str]] = {}
    entity_ids: dict[int, set[int]] = {}
    for user, label, entity_id in by_entity:
        names = followed.setdefault(user, [])
        if label not in names:
            names.append(label)
        entity_ids.setdefault(user, set()).add(entity_id)
    if keywords:
        words = folded_words(f"{detail.article.title}\n{detail.raw_text}")
        for user, key, label in keywords:
            names = followed.get(user, [])
            if f" {key} " in words and label not in names:
                followed[user] = names + [label]
    link = link_of(detail.article.jump_url, detail.article.source)
    alerts = []
    for user, labels in followed.items():
        if user == author_id:
            continue  # who posted it knows
        said = next((s for s in detail.statements if s.speaker_id in entity_ids.get(user, ())), None)
        statement = f"{said.speaker}: “{one_line(said.text, STATEMENT_CHARS)}”" if said else None
        alerts.append(Alert(user, brief_id, detail.article.title, labels, statement, link))
    return alerts


# ---- what the member reads ----------------------------------------------------------------

def alert_reply(alert: Alert, server: str) -> Reply:
    lines = [f"In {one_line(server, 100)}: a new brief mentions {', '.join(alert.followed)}."]
    if alert.statement:
        lines.append(alert.statement)
    lines.append(f"#{alert.brief_id}" + (f" · {alert.link}" if alert.link else ""))
    return Reply(pages=[Page(title=one_line(alert.title, 250) or "(untitled)", description="\n".join(lines),
                             url=alert.link)])


def digest_reply(alerts: list[Alert], server: str) -> Reply:
    """A busy spell's alerts for one member, as one message."""
    lines = []
    for a in alerts:
        line = f"#{a.brief_id} {one_line(a.title, 120)} ({', '.join(a.followed)})"
        lines.append(line + (f"\n  {a.link}" if a.link else ""))
    return Reply(pages=[Page(title=f"{plural(len(alerts), 'more brief')} in {one_line(server, 100)} "
                                   "mention what you follow", description=join_lines(lines))])
