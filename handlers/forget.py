"""`forget ID`: remove a brief and what was learned from it."""
from __future__ import annotations

from handlers import validate
from handlers.guard import handler
from handlers.reply import Reply


@handler("forget")
async def run(services, scope, id=None) -> Reply:
    if id is None:
        raise validate.BadInput("Which brief?", f"Give its id, like `{services.prefix}forget 12`.")
    brief_id = validate.brief_id(id)
    if not await services.store.delete_brief(scope.guild_id, brief_id):
        raise validate.BadInput(f"There is no brief #{brief_id} in this server.",
                                f"`{services.prefix}articles` lists the briefs with their ids.")
    return Reply.info(f"Forgot brief #{brief_id}.", "Its entities and statements are gone from this server's index.")
