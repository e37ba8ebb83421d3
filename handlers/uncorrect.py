"""`uncorrect ID`: remove a correction; the briefs it changed are read as extracted again."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.reply import Reply


@handler("uncorrect")
async def run(services: Services, scope: Scope, id=None) -> Reply:
    p = services.prefix
    if id is None:
        raise validate.BadInput("Which correction?", f"Give its id, as `{p}corrections` lists them.")
    rule_id = validate.parse_int(id, "correction id")
    rule = await services.store.remove_correction(scope.guild_id, rule_id, by=scope.user_id)
    if rule is None:
        raise validate.BadInput(f"There is no correction #{rule_id} in this server.",
                                f"`{p}corrections` lists them.")
    return Reply.info(f"Removed correction #{rule.id}: {rule.describe()}.")
