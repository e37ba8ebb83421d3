"""Pages and feeds are read in a process of their own (handlers.core.worker_process): trafilatura
and feedparser hold the GIL long enough to stall commands, so they never load in the bot's process."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = textwrap.dedent("""
    import asyncio, sys
    from handlers.core.fetch import in_reading_process, read_article, stop_reading
    from handlers.feed_items import parse

    PAGE = ("<html><head><title>Ferry strike ends</title></head><body><nav>Home</nav><article>"
            "<h1>Ferry strike ends</h1><p>Union leader Maria Lopez said on Tuesday that the crews of Port "
            "Wendell would go back to work after talks with the harbour board.</p></article></body></html>")
    FEED = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Times</title>"
            b"<item><title>Ferry strike ends</title><guid>a-1</guid></item></channel></rss>")

    async def main():
        page = await read_article(PAGE, "https://example.org/ferry")
        doc = await in_reading_process(parse, FEED, "application/rss+xml")
        return page, doc

    page, doc = asyncio.run(main())
    stop_reading()
    print(page.title, "|", "Maria Lopez" in page.text, "|", doc.items[0].key, "|",
          "trafilatura" in sys.modules, "feedparser" in sys.modules)
""")


def test_a_page_and_a_feed_are_read_without_loading_their_parsers_in_the_bot_process():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, env=env,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "Ferry strike ends | True | a-1 | False False"
