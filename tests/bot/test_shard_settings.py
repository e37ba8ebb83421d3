"""SHARD_COUNT and SHARD_IDS: unset, one plain connection; a number or `auto`, the
bot runs as discord.py's AutoShardedBot, with this process's shard ids; a wrong
value stops `newsbrief` with one line saying what is wrong."""
from __future__ import annotations

import discord
import pytest
from discord.ext import commands

from bot.app import create_bot
from bot.settings import Settings


SHARED = {"DATABASE_URL": "postgresql://newsbrief@db.example/newsbrief"}  # parsed here, never connected to


def bot_from(env: dict[str, str]) -> commands.Bot:
    return create_bot(Settings.from_env(env))


def test_without_shard_settings_the_bot_is_one_connection():
    bot = bot_from({})
    assert not isinstance(bot, discord.AutoShardedClient)
    assert bot.serves(123 << 22)  # every server is this process's


def test_a_shard_range_runs_those_shards_of_the_count():
    bot = bot_from({"SHARD_COUNT": "4", "SHARD_IDS": "1-2", **SHARED})
    assert isinstance(bot, commands.AutoShardedBot)
    assert (bot.shard_count, bot.shard_ids) == (4, [1, 2])
    assert [bot.serves(n << 22) for n in range(4)] == [False, True, True, False]  # (guild id >> 22) % 4


def test_a_count_alone_runs_every_shard_and_auto_asks_discord():
    every = bot_from({"SHARD_COUNT": "3"})
    assert (every.shard_count, every.shard_ids) == (3, None)
    auto = bot_from({"SHARD_COUNT": "auto"})
    assert isinstance(auto, commands.AutoShardedBot) and auto.shard_count is None


def test_ranges_and_lists_mix():
    assert Settings.from_env({"SHARD_COUNT": "16", "SHARD_IDS": "0-2, 7,9-10", **SHARED}).shard_ids \
        == (0, 1, 2, 7, 9, 10)


def test_all_shards_in_one_process_may_keep_sqlite():
    assert Settings.from_env({"SHARD_COUNT": "4"}).sharded


@pytest.mark.parametrize("env, says", [
    ({"SHARD_IDS": "0-1"}, "SHARD_IDS needs SHARD_COUNT"),
    ({"SHARD_COUNT": "auto", "SHARD_IDS": "0"}, "SHARD_IDS needs SHARD_COUNT"),
    ({"SHARD_COUNT": "2", "SHARD_IDS": "1-2"}, "below SHARD_COUNT (2)"),
    ({"SHARD_COUNT": "2", "SHARD_IDS": "1"}, "SHARD_IDS (one process per range of shards) needs DATABASE_URL"),
    ({"SHARD_COUNT": "0"}, "SHARD_COUNT='0' is not valid"),
    ({"SHARD_COUNT": "two"}, "SHARD_COUNT='two' is not valid"),
    ({"SHARD_COUNT": "4", "SHARD_IDS": "0-1,1"}, "each shard id once"),
    ({"SHARD_COUNT": "4", "SHARD_IDS": "a-b"}, "like 0-3"),
])
def test_wrong_shard_settings_are_explained(env, says):
    with pytest.raises(ValueError, match=says.replace("(", r"\(").replace(")", r"\)")):
        Settings.from_env(env)
