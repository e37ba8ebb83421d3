"""An aiohttp server on 127.0.0.1 on its own thread and loop, so the code under test
fetches from it exactly as from a real site. Subclasses answer in `_handle`."""
from __future__ import annotations

import asyncio
import threading

from aiohttp import web


class LocalSite:
    name = "local site"

    def __init__(self):
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name=f"test-{self.name.replace(' ', '-')}")
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _handle(self, request: web.Request) -> web.Response:
        raise NotImplementedError

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        runner = web.AppRunner(app)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self._ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    def __enter__(self):
        self._thread.start()
        assert self._ready.wait(10), f"the {self.name} did not start"
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
