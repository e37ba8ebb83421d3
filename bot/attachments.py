"""Briefs that arrive as files: Discord turns a long paste into `message.txt`,
and members attach .txt/.md/.html files. The size is checked against the
limit before anything is downloaded; the handlers decode and check the rest."""
from __future__ import annotations

from typing import Sequence

import discord

from handlers.core import textfile
from handlers.ingest import IngestOutcome, ingest_file, rejected
from store.records import Provenance

# Pictures and recordings posted alongside news are not briefs, and not worth a refusal.
MEDIA_TYPES = ("image/", "video/", "audio/")


def readable(attachment: discord.Attachment) -> bool:
    return textfile.kind_of(attachment.filename) is not None


def is_media(attachment: discord.Attachment) -> bool:
    return (attachment.content_type or "").startswith(MEDIA_TYPES)


def brief_file(attachments: Sequence[discord.Attachment]) -> discord.Attachment | None:
    """The first attachment newsbrief can read, if any."""
    return next((a for a in attachments if readable(a)), None)


def refused_file(attachments: Sequence[discord.Attachment]) -> discord.Attachment | None:
    """An attachment someone probably meant as a brief but newsbrief cannot read (a PDF, say)."""
    return next((a for a in attachments if not readable(a) and not is_media(a)), None)


async def ingest_attachment(services, scope, attachment: discord.Attachment,
                            provenance: Provenance | None = None) -> IngestOutcome:
    if not readable(attachment):
        # ingest_file refuses an unreadable kind from its name alone, before looking at any bytes.
        return await ingest_file(services, scope, attachment.filename, b"", provenance)
    if attachment.size > services.max_attachment_bytes:
        return rejected("too large", f"That file is too large ({attachment.size:,} bytes).",
                        f"The limit is {services.max_attachment_bytes:,} bytes; split the brief or trim it.")
    try:
        data = await attachment.read()
    except discord.HTTPException:
        return rejected("download failed", "I couldn't download that file from Discord.",
                        "Try attaching it again in a moment.")
    return await ingest_file(services, scope, attachment.filename, data, provenance)
