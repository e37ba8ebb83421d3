"""`unfollow NAME`: stop an alert."""
from __future__ import annotations

from handlers.core import validate
from handlers.follow import needs_member
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply
from handlers.resolve import resolve


@handler("unfollow")
async def run(services, scope, name=None) -> Reply:
    refused = needs_member(scope)
    if refused:
        return refused
    text = " ".join(str(name or "").split())
    if text.lower().startswith("keyword "):
        text = text[len("keyword "):]
    wanted = validate.name(text)
    removed = await services.store.unfollow(scope.guild_id, scope.user_id, wanted)
    if not removed:
        # Another name of it, or a typo ("Hegset"), finds the followed entity.
        match = await resolve(services.store, scope.guild_id, wanted)
        if match.entity is not None:
            removed = await services.store.unfollow_entity(scope.guild_id, scope.user_id, match.entity.id)
    if not removed:
        return Reply.error(f"You don't follow “{one_line(wanted, 100)}”.",
                           f"`{services.prefix}following` lists what you follow.")
    return Reply.info(f"Stopped following {', '.join(removed)}.")
