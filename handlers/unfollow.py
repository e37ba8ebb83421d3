"""`unfollow NAME`: stop an alert."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.follow import member_of
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply
from handlers.resolve import resolve


@handler("unfollow")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    user = member_of(scope)
    if isinstance(user, Reply):
        return user
    text = " ".join(str(name or "").split())
    if text.lower().startswith("keyword "):
        text = text[len("keyword "):]
    wanted = validate.name(text)
    removed = await services.store.unfollow(scope.guild_id, user, wanted)
    if not removed:
        # Another name of it, or a typo ("Hegset"), finds the followed entity.
        match = await resolve(services.store, scope.guild_id, wanted)
        if match.entity is not None:
            removed = await services.store.unfollow_entity(scope.guild_id, user, match.entity.id)
    if not removed:
        return Reply.error(f"You don't follow “{one_line(wanted, 100)}”.",
                           f"`{services.prefix}following` lists what you follow.")
    return Reply.info(f"Stopped following {', '.join(removed)}.")
