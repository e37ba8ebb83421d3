"""`unhide NAME`: show a hidden entity again."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply
from store.normalize import name_key


@handler("unhide")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    wanted = validate.name(name)
    key = name_key(wanted)
    rules = [r for r in await services.store.corrections(scope.guild_id) if r.kind == "hide" and key in r.keys]
    if not rules:
        raise validate.BadInput(f"Nothing called “{one_line(wanted, 80)}” is hidden in this server.",
                                f"`{services.prefix}corrections` lists what is hidden.")
    for rule in rules:
        await services.store.remove_correction(scope.guild_id, rule.id, by=scope.user_id)
    return Reply.info(f"“{rules[0].subject}” is shown again.")
