"""The `newsbrief` command line, run as a user would (subprocesses, temp database)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import ask_main, main
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "bot" / "samples"


def newsbrief(*args, db: Path, stdin: str | None = None, cwd: Path | None = None, **env):
    """Run `python -m bot ARGS` with the database at `db` and no Discord token."""
    environment = {**os.environ, "NEWSBRIEF_DB": str(db), "DISCORD_TOKEN": "", "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          env=environment, cwd=cwd or db.parent.parent, timeout=300)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A folder of briefs ingested once: (database, folder, completed process)."""
    base = tmp_path_factory.mktemp("cli")
    folder = base / "briefs"
    (folder / "nested").mkdir(parents=True)
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(sample, folder / sample.name)
    shutil.copy(SAMPLES / "00_seed.txt", folder / "nested" / "seed_again.md")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "README.md").write_text('The "Imminent Threat" briefs, said Ann Lee.\n', encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a brief suffix: not picked up
    db = base / "data" / "newsbrief.sqlite3"
    run = newsbrief("ingest", str(folder), str(base / "missing.txt"), db=db)
    return db, folder, run


def test_ingest_reports_one_line_per_file(ingested):
    db, folder, run = ingested
    assert run.returncode == 0, run.stderr
    lines = run.stdout.strip().splitlines()
    by_name = {Path(line.split(": ", 1)[0]).name: line for line in lines}
    assert set(by_name) == {"00_seed.txt", "05_canada_sensitive_document.txt", "17_nasa_shuttle_homes.txt",
                            "empty.txt", "seed_again.md", "missing.txt", "README.md"}
    assert "#1 Pentagon Seeks China Military Contact" in by_name["00_seed.txt"]
    assert "entities" in by_name["00_seed.txt"] and "statement" in by_name["00_seed.txt"]
    assert "skipped, duplicate of #1" in by_name["seed_again.md"]
    assert "skipped, empty" in by_name["empty.txt"]
    assert "skipped, no such file" in by_name["missing.txt"]
    assert "skipped, a folder's notes, not a brief" in by_name["README.md"]
    assert db.exists()


def test_ingest_again_is_all_duplicates(ingested):
    db, folder, _ = ingested
    run = newsbrief("ingest", str(folder / "00_seed.txt"), str(folder / "photo.png"), db=db)
    assert run.returncode == 0
    assert "duplicate of #1" in run.stdout and "photo.png: skipped, not text" in run.stdout


def test_ask_who(ingested):
    db, _, _ = ingested
    run = newsbrief("ask", "!who Hegseth", db=db)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "Pete Hegseth"  # the profile, not a "did you mean"
    assert "#1 Pentagon Seeks China" in run.stdout


def test_ask_never_loads_spacy(ingested):
    """`ask` only queries: a cold start must not pay the seconds spaCy takes to import."""
    db, _, _ = ingested
    probe = ("import sys\nfrom bot.cli import main\nstatus = main(['ask', '!who Hegseth'])\n"
             "print('spaCy loaded' if 'spacy' in sys.modules else 'spaCy not loaded', status)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NEWSBRIEF_DB": str(db), "DISCORD_TOKEN": "", "PYTHONPATH": str(ROOT)})
    assert "Hegseth" in run.stdout
    assert run.stdout.rstrip().endswith("spaCy not loaded 0"), run.stdout + run.stderr


def test_ask_answers_bad_input_with_exit_0(ingested):
    db, _, _ = ingested
    run = newsbrief("ask", "!who Zbigniew Qwertyuiop", db=db)
    assert run.returncode == 0 and "No one called" in run.stdout, run.stderr


@pytest.mark.parametrize("line,expected", [("!article -1", "start at 1"), ("!article abc", "whole number"),
                                           ("!hwo Hegseth", "!who"), ("quotes", "Usage"), ("", "Type a command"),
                                           ("!search \"", "Give some words")])
async def test_ask_main_prints_the_reply(ingested, line, expected):
    db, _, _ = ingested
    out = io.StringIO()
    assert await ask_main(Settings(db_path=db), line, out=out) == 0
    assert expected in out.getvalue()


def test_ask_dash_answers_every_line_of_stdin_in_one_process(ingested):
    db, _, _ = ingested
    run = newsbrief("ask", "-", db=db, stdin="!who Hegseth\n\n!who Zbigniew Qwertyuiop\n!stats\n")
    assert run.returncode == 0, run.stderr
    blocks = run.stdout.split(">>> ")[1:]
    assert [b.splitlines()[0] for b in blocks] == ["!who Hegseth", "!who Zbigniew Qwertyuiop", "!stats"]
    assert blocks[0].splitlines()[1] == "Pete Hegseth"
    assert "No one called" in blocks[1]


def test_ask_with_an_unusable_database_fails_clearly(tmp_path):
    db = tmp_path / "newsbrief.sqlite3"
    db.write_bytes(b"this is not a database, it is a shopping list" * 100)
    before = db.read_bytes()
    run = newsbrief("ask", "!who Hegseth", db=db)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "database" in run.stderr
    assert "Traceback" not in run.stderr
    assert db.read_bytes() == before  # nothing overwritten


def test_run_without_token_opens_the_console(tmp_path):
    run = newsbrief("run", db=tmp_path / "db.sqlite3", stdin="!help\nquit\n")
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[0]
    assert "local console" in first and "no DISCORD_TOKEN is set" in first and "sample briefs" in first
    assert "newsbrief commands" in run.stdout and "!who" in run.stdout


def test_extract_json_still_works(capsys):
    assert main(["extract", str(SAMPLES / "00_seed.txt"), "--json"]) == 0
    assert '"title": "Pentagon Seeks' in capsys.readouterr().out


def test_a_missing_spacy_pipeline_says_how_to_install_it(tmp_path):
    brief = tmp_path / "brief.txt"
    brief.write_text("Council Votes\n\nThe council of Tamsworth voted on Monday.\n", encoding="utf-8")
    db = tmp_path / "data" / "newsbrief.sqlite3"
    for args in (("ingest", str(brief)), ("extract", str(brief), "--json")):
        run = newsbrief(*args, db=db, SPACY_MODEL="en_core_web_missing")
        assert run.returncode == 3, (args, run.stderr)
        assert len(run.stderr.strip().splitlines()) == 1 and "pip install" in run.stderr
        assert "Traceback" not in run.stderr
    assert newsbrief("ask", "!articles", db=db).stdout.count("#") == 0  # nothing was half-indexed


async def test_migrate_then_ask_the_same_on_postgresql(ingested, tmp_path):
    """`newsbrief migrate` moves the ingested index; with DATABASE_URL set, `ask` answers
    from PostgreSQL just as it did from the file (and never touches NEWSBRIEF_DB)."""
    from pgtest import fresh_schema

    db, _, _ = ingested
    from_file = newsbrief("ask", "!who Hegseth", db=db)
    async with fresh_schema() as url:
        moved = newsbrief("migrate", str(db), url, db=db)
        assert moved.returncode == 0, moved.stderr
        assert moved.stdout.strip().splitlines()[-1].startswith("verified:")
        assert "100%" in moved.stderr
        unused = tmp_path / "data" / "unused.sqlite3"
        from_server = newsbrief("ask", "!who Hegseth", db=unused, DATABASE_URL=url)
    assert from_server.returncode == 0, from_server.stderr
    assert from_server.stdout == from_file.stdout and "Hegseth" in from_server.stdout
    assert not unused.exists()


def test_a_database_url_that_is_not_postgresql_is_one_line(tmp_path):
    run = newsbrief("ask", "!stats", db=tmp_path / "data" / "db.sqlite3", DATABASE_URL="mysql://localhost/news")
    assert run.returncode != 0
    assert run.stderr.strip().splitlines() == [
        "newsbrief: bad setting: DATABASE_URL='mysql://localhost/news' is not valid: only "
        "postgresql://user@host:port/database URLs are supported (leave it unset for SQLite) (see .env.example)"]
