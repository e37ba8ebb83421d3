"""Child process for the takeover test: one bot process's deployment ownership
(bot.ownership over the PostgreSQL lease), checking every 0.2 s and printing
`owner` when it takes the work, until it is killed.

    python tests/bot/lease_holder.py DATABASE_URL
"""
from __future__ import annotations

import asyncio
import sys

from bot.ownership import DeploymentOwnership
from store.lease import deployment_lease

CHECK_SECONDS = 0.2


async def hold(database_url: str) -> None:
    ownership = DeploymentOwnership(deployment_lease(database_url), CHECK_SECONDS)
    ownership.start()
    print("standing by", flush=True)
    owned = False
    while True:
        if ownership.held and not owned:
            print("owner", flush=True)
        owned = ownership.held
        await asyncio.sleep(CHECK_SECONDS / 2)


if __name__ == "__main__":
    asyncio.run(hold(sys.argv[1]))
