"""`watch CHANNEL`: ingest every brief posted in a channel."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.reply import Reply


@handler("watch")
async def run(services: Services, scope: Scope, channel=None) -> Reply:
    channel_id = validate.channel_id(channel)
    if await services.store.watch(scope.guild_id, channel_id):
        await services.store.log_change(scope.guild_id, "watch", f"<#{channel_id}>", by=scope.user_id)
        return Reply.info(f"Watching <#{channel_id}>.",
                          "Briefs posted there are indexed from now on (text, .txt/.md/.html files and links).")
    return Reply.info(f"<#{channel_id}> is already watched.")
