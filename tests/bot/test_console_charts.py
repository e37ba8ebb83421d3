"""In the console and `newsbrief ask`, a chart is saved as a PNG file beside the
database and its path printed."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from bot.cli import ask_main
from bot.console import run_console
from bot.settings import Settings
from extract.model import Brief, Entity
from handlers.core.context import LOCAL_GUILD_ID, Services
from store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "handlers"))
from chartcheck import check_png  # noqa: E402
from store.records import Provenance


async def harbour_db(path: Path) -> None:
    store = await Store.open(path)
    try:
        for n, day in enumerate(["2015-09-01", "2015-09-09", "2015-10-20"]):
            brief = Brief(title=f"Harbour news {n}", text=f"Harbour news {n}\n\nThe board met.",
                          entities=[Entity("Alma Fenwick", "PERSON", mentions=1),
                                    Entity("Port Wendell", "GPE", mentions=1)])
            await store.save_brief(LOCAL_GUILD_ID, brief, brief.text, Provenance(published_at=day, date_source="dateline"))
    finally:
        await store.close()


def saved_chart(text: str) -> Path:
    found = re.search(r"^Chart saved: (.+\.png)$", text, re.MULTILINE)
    assert found, text
    return Path(found.group(1))


async def test_the_console_saves_the_chart_and_prints_its_path(tmp_path, extractor):
    await harbour_db(tmp_path / "db.sqlite3")
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        out = io.StringIO()
        await run_console(Services(store=store, extractor=extractor), io.StringIO("!timeline Fenwick\nquit\n"), out)
    finally:
        await store.close()
    path = saved_chart(out.getvalue())
    assert path.parent == (tmp_path / "charts").resolve()
    check_png(path.read_bytes(), (1000, 500))


async def test_ask_saves_the_chart_and_prints_its_path(tmp_path):
    await harbour_db(tmp_path / "db.sqlite3")
    out = io.StringIO()
    assert await ask_main(Settings(db_path=tmp_path / "db.sqlite3"), "!network Alma Fenwick", out=out) == 0
    text = out.getvalue()
    assert "Who appears with Alma Fenwick" in text and "Port Wendell · 3 briefs together" in text
    check_png(saved_chart(text).read_bytes(), (800, 800))
