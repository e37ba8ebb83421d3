"""The deployment lease on the real PostgreSQL server: one holder per deployment
(per schema), lost with its session, handed over on release, and taken over by
a standby process when the owner is killed with SIGKILL."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
from lease_probe import holder_pid, lease_freed
from pgtest import SERVER, fresh_schema
from store.lease import AdvisoryLease, SoleLease, deployment_lease

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHILD = HERE / "lease_holder.py"
TAKEOVER_LIMIT = 60.0  # seconds: a safety net for a stuck child (the standby checks every 0.2 s)


async def test_without_postgresql_the_lone_process_owns_the_work():
    lease = deployment_lease("")
    assert isinstance(lease, SoleLease) and await lease.refresh() and lease.held
    assert isinstance(deployment_lease("postgresql://postgres@127.0.0.1:5432/test"), AdvisoryLease)


async def test_one_holder_per_deployment_and_the_lease_goes_with_its_session():
    async with fresh_schema() as dsn, fresh_schema() as other_dsn:
        first, second, elsewhere = AdvisoryLease(dsn), AdvisoryLease(dsn), AdvisoryLease(other_dsn)
        try:
            assert await first.refresh() and await first.refresh()  # taken, then confirmed
            assert not await second.refresh()
            assert await elsewhere.refresh()  # another deployment's lease is its own

            admin = await asyncpg.connect(SERVER, timeout=10)
            try:  # the owner's session dies (a crash, a network cut, an administrator)
                assert await admin.fetchval("SELECT pg_terminate_backend($1)", await holder_pid(dsn))
            finally:
                await admin.close()
            assert await lease_freed(dsn)
            assert await second.refresh()  # the standby takes over
            assert not await first.refresh() and not first.held  # the old owner notices and stands by

            await second.release()  # a clean stop hands over at the standby's next check
            assert await first.refresh() and not second.held
        finally:
            for lease in (first, second, elsewhere):
                await lease.release()


def _start(dsn: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, str(CHILD), dsn], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _owners(children: list[subprocess.Popen], wait: float) -> list[subprocess.Popen]:
    """The children that print `owner` within `wait` seconds (stopping at the first one)."""
    give_up = time.monotonic() + wait
    while time.monotonic() < give_up:
        ready, _, _ = select.select([c.stdout for c in children], [], [], 0.5)
        owners = []
        for child in children:
            if child.stdout in ready:
                line = child.stdout.readline()
                assert line, f"a lease holder died: {child.stderr.read()}"
                if line.strip() == "owner":
                    owners.append(child)
        if owners:
            return owners
    return []


async def test_a_standby_process_takes_over_when_the_owner_is_killed():
    async with fresh_schema() as dsn:
        children = [_start(dsn), _start(dsn)]
        try:
            [owner] = _owners(children, TAKEOVER_LIMIT)
            [standby] = [c for c in children if c is not owner]
            assert _owners([standby], 2.0) == []  # ten checks later, still standing by
            assert await holder_pid(dsn) is not None

            os.kill(owner.pid, signal.SIGKILL)  # no clean-up runs: PostgreSQL ends its session
            owner.wait()
            assert _owners([standby], TAKEOVER_LIMIT) == [standby]
            assert standby.poll() is None
        finally:
            for child in children:
                if child.poll() is None:
                    os.kill(child.pid, signal.SIGKILL)
                child.wait()
                child.stdout.close()
                child.stderr.close()
