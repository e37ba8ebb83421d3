"""When a feed is polled next: its interval after a success, doubling after each
failure in a row (capped), with jitter so a hundred feeds added together do not
all poll in the same second; and when a failing feed is paused."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(hours=6)


@dataclass(frozen=True)
class FeedPolicy:
    interval: timedelta = timedelta(minutes=15)
    jitter: float = 0.1  # each wait is stretched or shrunk by up to this fraction
    max_failures: int = 8  # failures in a row before the feed is paused
    max_items_per_poll: int = 20  # newest items read in one poll
    max_feed_bytes: int = 3_000_000


def next_poll(now: datetime, policy: FeedPolicy, failures: int = 0, rand=random.random) -> datetime:
    """`failures` counts the failures in a row, this poll's included (0 after a success)."""
    wait = policy.interval * (2 ** min(failures, 16)) if failures else policy.interval
    wait = min(wait, max(MAX_BACKOFF, policy.interval))
    return now + wait * (1 + policy.jitter * (2 * rand() - 1))


def should_pause(failures: int, policy: FeedPolicy) -> bool:
    return failures >= policy.max_failures
