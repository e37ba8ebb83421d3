"""`unwatch CHANNEL`: stop ingesting a channel (what it gave stays indexed)."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.reply import Reply


@handler("unwatch")
async def run(services: Services, scope: Scope, channel=None) -> Reply:
    channel_id = validate.channel_id(channel)
    if await services.store.unwatch(scope.guild_id, channel_id):
        await services.store.log_change(scope.guild_id, "unwatch", f"<#{channel_id}>", by=scope.user_id)
        return Reply.info(f"Stopped watching <#{channel_id}>.", "Briefs already indexed from it stay.")
    return Reply.info(f"<#{channel_id}> was not being watched.",
                      "Channels set in INGEST_CHANNEL_IDS are watched by configuration and stay watched.")
