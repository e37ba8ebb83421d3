"""Lines from a blocking text stream (stdin), awaited without blocking the loop.

A daemon thread does the reading, not the loop's default executor: at Ctrl-C,
asyncio waits for its executor's threads, and one blocked in `readline()` kept
the console hanging until Enter. A daemon thread is simply left behind."""
from __future__ import annotations

import asyncio
import threading
from typing import TextIO


class LineReader:
    def __init__(self, stream: TextIO):
        self._stream = stream
        self._loop = asyncio.get_running_loop()
        self._lines: asyncio.Queue[str] = asyncio.Queue()
        self._ended = False
        self._wanted = threading.Semaphore(0)  # one line read per request, so nothing is read ahead
        threading.Thread(target=self._read, name="console-stdin", daemon=True).start()

    def _read(self) -> None:
        while True:
            self._wanted.acquire()
            try:
                line = self._stream.readline()
            except (OSError, ValueError):  # closed underneath us
                line = ""
            try:
                self._loop.call_soon_threadsafe(self._lines.put_nowait, line)
            except RuntimeError:  # the loop is gone
                return
            if not line:
                return

    async def readline(self) -> str:
        """The next line with its newline, or "" at end of input."""
        if self._ended:
            return ""
        self._wanted.release()
        line = await self._lines.get()
        self._ended = not line
        return line
