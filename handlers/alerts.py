"""`alerts on|off|dm|#channel`: the server-wide switch for members' alerts, and
where they go (direct messages, or one channel mentioning only those concerned)."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.reply import Reply


@handler("alerts")
async def run(services: Services, scope: Scope, mode=None) -> Reply:
    store, guild, p = services.store, scope.guild_id, services.prefix
    enabled, channel = await store.alert_settings(guild)
    mode = str(mode or "").strip()
    if not mode:
        where = f"posted in <#{channel}>" if channel is not None else "sent as direct messages"
        return Reply.info(f"Alerts are {'on' if enabled else 'off'} in this server.",
                          f"When on, they are {where}. `{p}alerts on|off|dm|#channel` changes it.")
    if mode.lower() in ("on", "off"):
        await store.set_alerts(guild, enabled=mode.lower() == "on", channel_id=channel)
        return Reply.info(f"Alerts are {mode.lower()} in this server.")
    if mode.lower() == "dm":
        await store.set_alerts(guild, enabled=enabled, channel_id=None)
        return Reply.info("Alerts are sent as direct messages.")
    channel_id = validate.channel_id(mode)
    await store.set_alerts(guild, enabled=enabled, channel_id=channel_id)
    return Reply.info(f"Alerts are posted in <#{channel_id}>.", "Each mentions only the members it is for.")
