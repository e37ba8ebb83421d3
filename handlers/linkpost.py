"""A link with a short comment ("Interesting read https://…") is a link post:
the page is the brief, the comment is conversation about it."""
from __future__ import annotations

import re

from handlers.core.validate import WORD

_URL = re.compile(r"<?(https?://[^\s<>]+)>?")
_TRAILING = ".,;:!?)]}'\""  # sentence punctuation after a link is not part of it


def commented_link(text: str, max_comment_words: int) -> str | None:
    """The one link in `text` when the words around it are fewer than
    `max_comment_words` (a brief with a link in it stays a brief)."""
    links = _URL.findall(text or "")
    if len(links) != 1:
        return None
    comment = _URL.sub(" ", text)
    if len(WORD.findall(comment)) >= max_comment_words:
        return None
    return links[0].rstrip(_TRAILING) or None
