"""When a feed is read next: its interval, doubled per failure in a row, capped, jittered."""
from datetime import datetime, timedelta, timezone

from handlers.feed_schedule import MAX_BACKOFF, FeedPolicy, next_poll, should_pause

NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)
POLICY = FeedPolicy(interval=timedelta(minutes=15), jitter=0.1, max_failures=4)


def test_a_healthy_feed_is_read_every_interval_give_or_take_the_jitter():
    assert next_poll(NOW, POLICY, rand=lambda: 0.5) == NOW + timedelta(minutes=15)
    assert next_poll(NOW, POLICY, rand=lambda: 0.0) == NOW + timedelta(minutes=13.5)
    assert next_poll(NOW, POLICY, rand=lambda: 1.0) == NOW + timedelta(minutes=16.5)


def test_each_failure_in_a_row_doubles_the_wait_up_to_a_cap():
    waits = [next_poll(NOW, POLICY, n, rand=lambda: 0.5) - NOW for n in range(1, 8)]
    assert waits[:4] == [timedelta(minutes=m) for m in (30, 60, 120, 240)]
    assert waits[-1] == MAX_BACKOFF


def test_a_feed_is_paused_after_the_allowed_failures():
    assert not should_pause(3, POLICY) and should_pause(4, POLICY)
