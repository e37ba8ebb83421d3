"""`stats`: how much this server's index holds."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core.format import day
from handlers.core.guard import handler
from handlers.core.reply import Field, Page, Reply


@handler("stats")
async def run(services: Services, scope: Scope) -> Reply:
    s = await services.store.stats(scope.guild_id)
    if s.briefs == 0:
        return Reply.info("Nothing indexed yet.",
                          f"Post a brief in a watched channel or use `{services.prefix}ingest`.")
    fields = [Field("Briefs", f"{s.briefs:,}", inline=True),
              Field("Entities", f"{s.entities:,}", inline=True),
              Field("People", f"{s.people:,}", inline=True),
              Field("Statements", f"{s.statements:,}", inline=True),
              Field("First brief", day(s.first_brief), inline=True),
              Field("Latest brief", day(s.last_brief), inline=True)]
    return Reply(pages=[Page(title="This server's news index", fields=fields)])
