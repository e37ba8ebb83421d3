"""Decoding a chart the way a member's client would, to check it is a real picture."""
from __future__ import annotations

import io

from PIL import Image, ImageStat

DISCORD_ATTACHMENT_LIMIT = 8 * 1024 * 1024


def check_png(data: bytes, size: tuple[int, int]) -> Image.Image:
    """A PNG of `size` pixels, not blank, not transparent, within Discord's limit (and our 300 KB aim)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) < 300_000 < DISCORD_ATTACHMENT_LIMIT
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG" and image.size == size
    rgba = image.convert("RGBA")
    assert rgba.getchannel("A").getextrema() == (255, 255)  # an opaque panel, readable on dark and light themes
    grey = image.convert("L")
    low, high = grey.getextrema()
    assert high - low > 100  # dark ink on a light panel: something is drawn
    assert ImageStat.Stat(grey).stddev[0] > 10
    return image
