"""Child process for the shard test: the real bot as one shard process of two
(SHARD_COUNT=2, SHARD_IDS=this one), in simcord's simulated Discord, over the
deployment's shared PostgreSQL database. Its simulated Discord has both servers, one on each
shard; the gateway gives this process only its own shard's server.

    python tests/bot/shard_process.py SHARD_ID DATABASE_URL

The test drives it by lines on standard input and it answers one JSON line each:
    (started)   {"ready": shard, "channels": {shard of the server: id of its #news}}
    commands    {"answered": {shard of the server: [titles of the bot's replies to an !ingest there]},
                 "set up": {shard of the server: whether `settings digest #news daily`, `alerts #news`
                            and `follow keyword WORD` were answered}}
    wait M      {"owner": bool, "cards": {shard of the server: [feed cards in its #news]},
                 "alerts": {shard of the server: [alert posts in its #news]}} after M
                simulated minutes (the feed poller and the lease check run every 30 s)
    digests     {"sent": how many, "digests": {shard of the server: [digest posts in its #news]}}
                after a run of the scheduled digests
    stop        (closes the bot and exits)
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys

import discord
import simcord

from bot.app import create_bot
from bot.settings import Settings
from extract import Extractor

SHARDS = 2
GUILDS = {0: 5_000 << 22, 1: 5_001 << 22}  # (id >> 22) % 2: the first is on shard 0, the second on shard 1
BRIEFS = {
    0: ("Port authority approves new crane\n\nPort director Maria Lopez said on Monday that the crane would "
        "arrive in May. \"This is the biggest investment in a decade,\" Lopez said."),
    1: ("Library reopens after flood repairs\n\nHead librarian Omar Haddad said on Friday that the reading "
        "rooms would reopen next week. \"The books are dry and so are we,\" Haddad said."),
}
KEYWORDS = {0: "quota", 1: "market"}  # followed in each server: words of the feed items that arrive later
FEED_CHECK_SECONDS = 30.0


def say(**answer) -> None:
    print(json.dumps(answer), flush=True)


async def next_step() -> list[str]:
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return line.split() or ["stop"]  # the test went away: stop


async def ingest(bot, news, member, text: str) -> list[str]:
    return await replies(bot, news, member, "!ingest " + text)


async def replies(bot, news, member, text: str) -> list[str]:
    """The titles (or text) of the bot's replies to what `member` says in `news`."""
    asked = await member.send(news, text)
    return [m.embeds[0].title if m.embeds else m.content for m in news.history()
            if m.author.id == bot.user.id and m.reference and m.reference.message_id == asked.id]


# A digest's title; the store's clock (real time) and simcord's (simulated) disagree on what
# "today" published, so the digest may be the one saying nothing was: it still counts as posted.
DIGEST_TITLES = ("This server's news", "No briefs published")


def cards(bot, news) -> list[str]:
    """The bot's posts in the channel that answer no one and mention no one: feed cards (and digests)."""
    return [m.embeds[0].title for m in news.history()
            if m.author.id == bot.user.id and m.embeds and not m.reference and not m.content]


def alerts(bot, news) -> list[str]:
    """The bot's alert posts in the channel: who follows what, and the brief's headline."""
    return [f"{m.content} | {m.embeds[0].title}" for m in news.history()
            if m.author.id == bot.user.id and m.embeds and not m.reference and m.content]


async def run(shard_id: int, database_url: str) -> None:
    settings = Settings(database_url=database_url, shard_count=SHARDS,
                        shard_ids=(shard_id,), allow_private_urls=True, cooldown_rate=1000, cooldown_per=1.0,
                        feed_check_seconds=FEED_CHECK_SECONDS, lease_check_seconds=FEED_CHECK_SECONDS / 2)
    bot = create_bot(settings, extractor=Extractor())
    try:
        async with simcord.run(bot, settle_timeout=60) as env:
            places = {}
            for shard, guild_id in GUILDS.items():
                guild = env.create_guild(f"Server on shard {shard}", id=guild_id)
                admins = guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
                places[shard] = (guild.create_text_channel("news"),
                                 guild.add_member(env.create_user("alice"), roles=[admins]))
            say(ready=shard_id, channels={shard: news.id for shard, (news, _) in places.items()})
            while (step := await next_step()) != ["stop"]:
                if step == ["commands"]:
                    say(answered={shard: await ingest(bot, news, alice, BRIEFS[shard])
                                  for shard, (news, alice) in places.items()},
                        **{"set up": {shard: all([await replies(bot, news, alice, command.format(news=news.mention))
                                                  for command in ("!settings digest {news} daily", "!alerts {news}",
                                                                  f"!follow keyword {KEYWORDS[shard]}")])
                                      for shard, (news, alice) in places.items()}})
                elif step == ["digests"]:
                    # tomorrow's 09:00 round: `settings digest` marks slots already past as not owed
                    sent = await bot.get_cog("Digests").post_digests(bot.store.clock_now().date() + dt.timedelta(days=1))
                    say(sent=sent, digests={shard: [t for t in cards(bot, news) if t.startswith(DIGEST_TITLES)]
                                            for shard, (news, _) in places.items()})
                elif step[0] == "wait":
                    for _ in range(int(float(step[1]) * 60 / FEED_CHECK_SECONDS)):
                        await env.advance_time(FEED_CHECK_SECONDS)
                    say(owner=bot.ownership.held, cards={shard: cards(bot, news) for shard, (news, _) in places.items()},
                        alerts={shard: alerts(bot, news) for shard, (news, _) in places.items()})
                else:
                    raise SystemExit(f"unknown step {step}")
    finally:
        await bot.close()


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]), sys.argv[2]))
