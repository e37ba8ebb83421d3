"""`following`: what the asking member follows in this server."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.follow import member_of
from handlers.core.guard import handler
from handlers.core.reply import Field, Page, Reply


@handler("following")
async def run(services: Services, scope: Scope) -> Reply:
    user = member_of(scope)
    if isinstance(user, Reply):
        return user
    follows = await services.store.following(scope.guild_id, user)
    p = services.prefix
    if not follows:
        return Reply.info("You follow nothing here yet.", f"`{p}follow NAME` or `{p}follow keyword WORD`.")
    fields = []
    names = [f.label for f in follows if f.kind == "entity"]
    words = [f.label for f in follows if f.kind == "keyword"]
    if names:
        fields.append(Field("People, organisations and places", ", ".join(names)))
    if words:
        fields.append(Field("Words", ", ".join(words)))
    enabled, _ = await services.store.alert_settings(scope.guild_id)
    note = "" if enabled else "Alerts are switched off in this server for now."
    return Reply(pages=[Page(title="What you follow here", description=note, fields=fields,
                             footer=f"{p}unfollow NAME stops one.")])
