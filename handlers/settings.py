"""`settings [NAME VALUE]`: this server's newsbrief configuration, and the
server's own choices about what gets in:

- `log #channel|off`: mirror every moderator change to a channel;
- `quiet on|off`: indexed briefs get a reaction only, no public reply;
- `role @Role|off`: only members with this role or a higher one post briefs in watched channels;
- `optin @Role|off`: members with this role or higher index any message by reacting with 📰.
- `digest #channel weekly|daily|off`: post `digest` there every Monday (weekly) or every day.

Front-ends make sure a channel or role named here belongs to the server."""
from __future__ import annotations

import re

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.guard import handler
from handlers.core.reply import Field, Page, Reply
from handlers.digest_schedule import DIGEST_PERIODS, latest_slot

OFF = {"off", "none", "no", "false", "0", "-"}
ON = {"on", "yes", "true", "1"}
_ROLE = re.compile(r"^<@&(\d{1,20})>$|^(\d{1,20})$")
# name -> (what it is, how a value is read)
GUILD_SETTINGS = {
    "log": "the channel moderator changes are mirrored to",
    "quiet": "react only to indexed briefs, without a public reply",
    "role": "the lowest role that may post briefs in watched channels",
    "optin": "the lowest role whose 📰 reaction indexes a message",
    "digest": "where and how often the server's digest is posted (09:00 UTC; weekly on Mondays)",
}


def parse_value(name: str, value) -> str | None:
    """The stored form of a setting's value (None: cleared), or BadInput."""
    text = " ".join(str(value or "").split())
    if not text:
        raise validate.BadInput(f"`{name}` needs a value.", _how(name))
    if text.casefold() in OFF:
        return None
    if name == "quiet":
        if text.casefold() in ON:
            return "on"
        raise validate.BadInput("Say `on` or `off`.", _how(name))
    if name == "log":
        return str(validate.channel_id(text))
    if name == "digest":
        where, _, period = text.partition(" ")
        period = period.strip().casefold() or "weekly"
        if period not in DIGEST_PERIODS:
            raise validate.BadInput("Say `weekly` or `daily` after the channel.", _how(name))
        return f"{validate.channel_id(where)} {period}"
    found = _ROLE.match(text)
    if not found or not 0 < int(found.group(1) or found.group(2)) <= validate.MAX_ID:
        raise validate.BadInput("That is not a role.", _how(name))
    return str(int(found.group(1) or found.group(2)))


def _how(name: str) -> str:
    return {"log": "Like `settings log #mod-log`, or `settings log off`.",
            "quiet": "Like `settings quiet on`, or `settings quiet off`.",
            "role": "Like `settings role @Reporters`, or `settings role off`.",
            "optin": "Like `settings optin @Curators`, or `settings optin off`.",
            "digest": "Like `settings digest #news weekly`, `settings digest #news daily`, or "
                      "`settings digest off`."}[name]


def shown(name: str, value: str | None) -> str:
    if value is None:
        return "off"
    if name == "log":
        return f"<#{value}>"
    if name == "digest":
        channel, _, period = value.partition(" ")
        return f"<#{channel}> {period}"
    if name in ("role", "optin"):
        return f"role {value}"  # roles are named by the front-end, which knows them
    return value


@handler("settings")
async def run(services: Services, scope: Scope, name=None, value=None, defaults=None, role_names=None) -> Reply:
    """`defaults`: channels watched in every server by configuration (INGEST_CHANNEL_IDS).
    `role_names`: role id -> name, from the front-end, to show roles by name."""
    p = services.prefix
    store = services.store
    if name is not None and str(name).strip():
        key = str(name).strip().casefold()
        if key not in GUILD_SETTINGS:
            raise validate.BadInput(f"There is no setting `{validate.clip_echo(str(name), 30)}`.",
                                    "The settings are " + ", ".join(f"`{k}`" for k in GUILD_SETTINGS) + ".")
        stored = parse_value(key, value)
        changed = await store.set_guild_setting(scope.guild_id, key, stored, by=scope.user_id)
        owed_from = latest_slot(stored, store.clock_now()) if key == "digest" and changed else None
        if owed_from is not None:  # a digest is owed from the next slot on, not for one already past
            await store.claim_digest(scope.guild_id, owed_from)
        return Reply.info(f"Setting `{key}` is {'now' if changed else 'already'} {_named(key, stored, role_names)}.",
                          f"It is {GUILD_SETTINGS[key]}.")
    chosen = await store.guild_settings(scope.guild_id)
    watched = sorted(await store.watched_channels(scope.guild_id))
    configured = sorted(set(defaults or ()) - set(watched))
    fields = [
        Field("Watched channels", ", ".join(f"<#{c}>" for c in watched) or f"none yet (`{p}watch #channel`)"),
    ]
    if configured:
        fields.append(Field("Also watched (INGEST_CHANNEL_IDS)", ", ".join(f"<#{c}>" for c in configured)))
    fields += [Field(f"{key}: {_named(key, chosen.get(key), role_names)}", what[0].upper() + what[1:], inline=True)
               for key, what in GUILD_SETTINGS.items()]
    fields += [
        Field("Command prefix", p, inline=True),
        Field("Longest brief", f"{services.max_brief_chars:,} characters", inline=True),
        Field("Shortest post read as a brief", f"{services.min_brief_words} words", inline=True),
        Field("Largest file", f"{services.max_attachment_bytes:,} bytes", inline=True),
        Field("Links", f"pages up to {services.fetch_max_bytes:,} bytes, {services.fetch_timeout:g} s timeout"
                       + ("; private addresses allowed" if services.allow_private_urls else ""), inline=False),
        Field("Undo a forget", f"for {services.forget_undo_hours:g} hours", inline=True),
    ]
    return Reply(pages=[Page(title="newsbrief settings for this server", fields=fields,
                             footer=f"{p}settings NAME VALUE changes log, quiet, role, optin or digest")])


def _named(name: str, value: str | None, role_names=None) -> str:
    if value is not None and name in ("role", "optin") and role_names and int(value) in role_names:
        return f"@{role_names[int(value)]}"
    return shown(name, value)
