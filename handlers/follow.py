"""`follow NAME` / `follow keyword WORD`: alerts when a new brief mentions
someone or something (resolved like `who`) or a word."""
from __future__ import annotations

import re

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Choice, Page, Reply
from handlers.resolve import resolve
from handlers.who import type_label

MAX_FOLLOWS = 25  # per member and server
_KEYWORD = re.compile(r"^keyword\s+(.+)$", re.I | re.S)
MAX_KEYWORD_CHARS = 60


def member_of(scope: Scope) -> int | Reply:
    """The asking member's id; for the console, which has no member to alert, the reply saying so."""
    if scope.user_id is None:
        return Reply.error("Alerts are for members of a Discord server.",
                           "They arrive as direct messages, which the console has none of.")
    return scope.user_id


@handler("follow")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    user = member_of(scope)
    if isinstance(user, Reply):
        return user
    text = " ".join(str(name or "").split())
    keyword = _KEYWORD.match(text)
    store, guild = services.store, scope.guild_id
    if len(await store.following(guild, user)) >= MAX_FOLLOWS:
        return Reply.error(f"You follow {MAX_FOLLOWS} things here already, the most one member can.",
                           f"`{services.prefix}unfollow NAME` makes room; `{services.prefix}following` lists them.")
    if keyword:
        word = validate.query(keyword.group(1), "word to follow")
        if len(word) > MAX_KEYWORD_CHARS:
            raise validate.BadInput(f"Follow a word or a short phrase (up to {MAX_KEYWORD_CHARS} characters).")
        created = await store.follow_keyword(guild, user, word)
        return _followed(services, f"the word “{one_line(word, 60)}”", created)
    wanted = validate.name(text)
    match = await resolve(store, guild, wanted)  # the one resolver `who` uses
    if match.how in ("exact", "fuzzy") and match.entity is not None:
        followed = await store.follow_entity(guild, user, match.entity.id)
        return _followed(services, f"{match.entity.name} ({type_label(match.entity.type)})", bool(followed))
    if match.how == "ambiguous" and match.candidates:
        lines = [f"• {c.name} ({type_label(c.type)})" for c in match.candidates]
        return Reply(pages=[Page(title=f"Several matches for “{one_line(wanted, 100)}”. Which one?",
                                 description="\n".join(lines))],
                     choices=[Choice(c.name, "follow", c.name) for c in match.candidates])
    suggestions = match.suggestions
    detail = ("Closest names: " + ", ".join(suggestions) + "." if suggestions else "") + \
        f"\nTo be told about a word instead, `{services.prefix}follow keyword {one_line(wanted, 40)}`."
    return Reply(pages=[Page(title=f"No one called “{one_line(wanted, 100)}” in this server's briefs.",
                             description=detail.strip())], ok=False,
                 choices=[Choice(s, "follow", s) for s in suggestions])


def _followed(services, what: str, created: bool) -> Reply:
    if not created:
        return Reply.info(f"You follow {what} already.", f"`{services.prefix}following` lists what you follow.")
    return Reply.info(f"Following {what}.",
                      "When a new brief mentions it you get a direct message (a busy day comes as one digest). "
                      f"`{services.prefix}unfollow` stops it.", )
