"""Charts attached to replies: PNGs drawn with matplotlib (Agg, no display),
always off the event loop, cached per guild until its next write.

`drawn(services, scope, key, draw, *args)` is the one way a handler gets a
chart: `draw(*args) -> bytes` runs in a worker thread, and its result is kept
until the guild's generation (bumped by every ingest, edit or forget) moves on.
"""
from handlers.charts.render import drawn

__all__ = ["drawn"]
