"""The local console: first line, seeding, commands, quitting."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from bot.console import run_console, seed_samples, seed_summary
from handlers.core.context import LOCAL_GUILD_ID, Services
from store import Store


async def test_console_runs_commands_until_quit(tmp_path, extractor):
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        services = Services(store=store, extractor=extractor)
        first = await seed_samples(services)
        assert [o.status for o in first] == ["indexed"] * 5
        assert "Sample briefs indexed: #1, #2, #3, #4, #5 (5 new)" in seed_summary(first)
        again = await seed_samples(services)  # idempotent
        assert [o.status for o in again] == ["duplicate"] * 5
        assert "already indexed" in seed_summary(again)

        out = io.StringIO()
        lines = "!help\n\nwho Hegseth\n!hwo Hegseth\n1\nstats\nquit\n!who never reached\n"
        assert await run_console(services, io.StringIO(lines), out) == 0
        text = out.getvalue()
        assert "newsbrief commands" in text
        assert "Pete Hegseth" in text
        assert "Did you mean: !who Hegseth" in text and "(type 1 to pick it)" in text
        assert text.count("Pete Hegseth") >= 2  # the picked choice ran `who Hegseth` again
        assert "Briefs" in text
        assert "never reached" not in text
        assert (await store.stats(LOCAL_GUILD_ID)).briefs == 5
    finally:
        await store.close()


async def test_console_ends_at_end_of_input(tmp_path, extractor):
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        out = io.StringIO()
        assert await run_console(Services(store=store, extractor=extractor), io.StringIO("stats"), out,
                                 guild_id=5) == 0
        assert "Nothing indexed yet" in out.getvalue()
    finally:
        await store.close()


def test_console_command_first_line_and_help(tmp_path):
    # The checkout first on the path, so `python -m bot` runs this code wherever the test runs from.
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "NEWSBRIEF_DB": str(tmp_path / "db.sqlite3"), "DISCORD_TOKEN": "", "PYTHONPATH": str(root)}
    run = subprocess.run([sys.executable, "-m", "bot", "console"], input="!help\n!who Hegseth\n",
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "local console" in lines[0] and "sample briefs" in lines[0]
    assert "Sample briefs indexed" in run.stdout
    assert "!quotes <text> [by SPEAKER]" in run.stdout
    assert "Pete Hegseth" in run.stdout


PASTED = """Harbour authority approves second ferry terminal in Wellington

Wellington's harbour authority on Tuesday approved a second ferry terminal on the eastern wharf.
"We expect the first sailings next spring," said Mereana Walker, the authority's chair.

The council will vote on road access in March.
"""


async def test_a_pasted_brief_after_ingest_is_one_brief_not_many_commands(tmp_path, extractor):
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        services = Services(store=store, extractor=extractor)
        ways = (("!ingest\n", "\n\n"), ("!ingest\n```\n", "```\n"), ("!ingest ```\n", "```\n"))
        for guild, (opening, closing) in enumerate(ways, 100):
            out = io.StringIO()
            lines = opening + PASTED + closing + "!stats\n"
            assert await run_console(services, io.StringIO(lines), out, guild_id=guild) == 0
            text = out.getvalue()
            assert "I don't know the command" not in text, text
            assert (await store.stats(guild)).briefs == 1, text
            [article] = await store.latest_articles(guild)
            assert article.title.startswith("Harbour authority approves second ferry terminal")
            assert text.rstrip().splitlines()[-1] != "", text
            assert "Briefs" in text.split("Indexed")[-1], text  # !stats ran after the paste
    finally:
        await store.close()
