"""`settings`: this server's newsbrief configuration."""
from __future__ import annotations

from handlers.guard import handler
from handlers.reply import Field, Page, Reply


@handler("settings")
async def run(services, scope, defaults=None) -> Reply:
    """`defaults`: channels watched in every server by configuration (INGEST_CHANNEL_IDS)."""
    p = services.prefix
    watched = sorted(await services.store.watched_channels(scope.guild_id))
    configured = sorted(set(defaults or ()) - set(watched))
    fields = [
        Field("Watched channels", ", ".join(f"<#{c}>" for c in watched) or f"none yet (`{p}watch #channel`)"),
    ]
    if configured:
        fields.append(Field("Also watched (INGEST_CHANNEL_IDS)", ", ".join(f"<#{c}>" for c in configured)))
    fields += [
        Field("Command prefix", p, inline=True),
        Field("Longest brief", f"{services.max_brief_chars:,} characters", inline=True),
        Field("Shortest post read as a brief", f"{services.min_brief_words} words", inline=True),
        Field("Largest file", f"{services.max_attachment_bytes:,} bytes", inline=True),
        Field("Links", f"pages up to {services.fetch_max_bytes:,} bytes, {services.fetch_timeout:g} s timeout"
                       + ("; private addresses allowed" if services.allow_private_urls else ""), inline=False),
    ]
    return Reply(pages=[Page(title="newsbrief settings for this server", fields=fields)])
