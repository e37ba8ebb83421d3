"""Shutdown waits for briefs being indexed, and no longer than it should."""
from __future__ import annotations

import asyncio

from bot.inflight import InFlight


async def test_drain_waits_for_work_that_starts_while_draining_and_cancels_the_late():
    inflight = InFlight()
    order = []
    gate = asyncio.Event()

    async def second():
        async with inflight.track():
            await asyncio.sleep(0)
            order.append("second")

    async def first():
        async with inflight.track():
            await gate.wait()
            asyncio.create_task(second())  # arrives while shutdown is already waiting
            order.append("first")

    async def stuck():
        async with inflight.track():
            await asyncio.Event().wait()

    asyncio.create_task(first())
    await asyncio.sleep(0)
    draining = asyncio.create_task(inflight.drain(timeout=30))
    await asyncio.sleep(0)
    gate.set()
    await draining
    assert order == ["first", "second"] and len(inflight) == 0

    hopeless = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    await inflight.drain(timeout=0)
    assert hopeless.cancelled()
