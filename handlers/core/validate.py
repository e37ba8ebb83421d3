"""Turning what a user typed into safe handler arguments, with a friendly
reason when that is impossible. Every front-end (prefix, slash, console) ends
up here, so the checks do not depend on which one parsed the line."""
from __future__ import annotations

import re

from extract.namekey import strip_possessive
from handlers.core.reply import Reply

MAX_QUERY_CHARS = 300  # longer "search words" are a paste, not a query
MAX_NAME_CHARS = 120
MAX_ID = 2**63 - 1  # SQLite's largest integer
MAX_DAYS = 36_500

WORD = re.compile(r"[^\W_]+")  # a run of letters or digits ("_" is punctuation to a reader)
_QUOTES = "\"'“”‘’«»`"
_CHANNEL = re.compile(r"^(?:<#(\d+)>|#?(\d+))$")


class BadInput(Exception):
    """Raised by the checks below; the handler decorator turns it into a Reply."""

    def __init__(self, title: str, detail: str = ""):
        super().__init__(title)
        self.title = title
        self.detail = detail

    def reply(self) -> Reply:
        return Reply.error(self.title, self.detail)


def parse_int(value, what: str = "number") -> int:
    """An int from an int or from text like '12'; anything else is BadInput."""
    if isinstance(value, bool):
        raise BadInput(f"The {what} must be a whole number.")
    if isinstance(value, int):
        return value
    text = str(value).strip().lstrip("#")
    if not re.fullmatch(r"[+-]?\d{1,40}", text):
        raise BadInput(f"The {what} must be a whole number, like 12.", f"`{clip_echo(str(value))}` is not one.")
    return int(text)


def brief_id(value) -> int:
    n = parse_int(value, "brief id")
    if n < 1:
        raise BadInput("Brief ids start at 1.", "`!articles` lists the briefs with their ids.")
    if n > MAX_ID:
        raise BadInput(f"There is no brief #{clip_echo(str(n), 30)}.", "`!articles` lists the briefs with their ids.")
    return n


def page_number(value) -> int:
    if value is None:
        return 1
    n = parse_int(value, "page number")
    if n < 1:
        raise BadInput("Pages start at 1.")
    return min(n, MAX_ID)


def days(value, default: int = 7) -> int:
    if value is None:
        return default
    n = parse_int(value, "number of days")
    if n < 1 or n > MAX_DAYS:
        raise BadInput(f"The number of days must be between 1 and {MAX_DAYS}.")
    return n


def channel_id(value) -> int:
    """A channel id from an int, a channel object (`.id`), `<#123>`, `#123` or `123`."""
    if hasattr(value, "id") and isinstance(value.id, int):
        return value.id
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID:
        return value
    m = _CHANNEL.match(str(value or "").strip())
    if not m or not (0 < int(m.group(1) or m.group(2)) <= MAX_ID):
        raise BadInput("Name a channel, like #news.", "In the console, give the channel id.")
    return int(m.group(1) or m.group(2))


def query(value, what: str = "words to search for") -> str:
    """Search words: some letters or digits, not too long. Punctuation and FTS
    operators pass through to the store, which treats them as plain text."""
    text = " ".join(str(value or "").split())
    if not WORD.search(text):
        raise BadInput(f"Give some {what}.", "Letters or digits, e.g. `imminent`.")
    if len(text) > MAX_QUERY_CHARS:
        raise BadInput(f"That is too long to search for ({len(text):,} characters).",
                       f"Use a few words, at most {MAX_QUERY_CHARS} characters.")
    return text


def name(value) -> str:
    """An entity name as people type it: quotes and a possessive `'s` removed."""
    text = " ".join(str(value or "").split()).strip(_QUOTES + " ")
    if len(text) > MAX_NAME_CHARS:
        raise BadInput(f"That name is too long ({len(text):,} characters).",
                       f"Names are at most {MAX_NAME_CHARS} characters; try a surname.")
    bare = strip_possessive(text).strip(_QUOTES + " ") if len(text) > 3 else text
    if not WORD.search(bare):
        raise BadInput("Give a name to look up.", "For example `who Hegseth`.")
    return bare


def clip_echo(text: str, limit: int = 60) -> str:
    """Echo user input back safely short, without backticks that would break formatting."""
    text = text.replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
