"""The one name key that extraction, the store and the handlers share.

Two forms are "the same name" exactly when their keys are equal, wherever the
comparison happens: grouping the mentions of one brief, linking a brief's
entities to the guild's, or looking up what a user typed. Pure standard library
(no spaCy), so `store` and `handlers` can import it cheaply.

  strip_invisible(text)  without zero-width characters, soft hyphens, bidi marks, BOM
  fold(text)             case-, accent-, apostrophe- and dash-insensitive form
  fold_in_place(text)    the same folding one character for one (offsets survive)
  strip_possessive(word) `Hegseth’s` -> `Hegseth`, `allies’` -> `allies`
  name_key(text)         `The U.S.’s` -> `us`, `OPEC+` -> `opec plus`, `AT&T` -> `at t`
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_NAME_CHARS = 200  # nobody's name is longer; keeps hostile input cheap

# Characters that copy and paste carries along unseen: zero-width space and joiners,
# directional marks and overrides, word joiner and invisible operators, BOM, soft hyphen.
_INVISIBLE_RANGES = ((0xAD, 0xAD), (0x61C, 0x61C), (0x200B, 0x200F), (0x202A, 0x202E),
                     (0x2060, 0x2064), (0x2066, 0x2069), (0xFEFF, 0xFEFF))
_INVISIBLE = re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _INVISIBLE_RANGES) + "]")

# Typographic variants another keyboard or a re-paste may produce.
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TYPOGRAPHY = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DASHES, "-")})

_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\s|$)")  # Hegseth's, Reuters' (not O'Sullivan)
_PLUS = re.compile(r"\+")  # OPEC+ is not OPEC
_NOT_WORD = re.compile(r"[\W_]+")
_LEADING_THE = "the "


def invisible_chars() -> str:
    """Every invisible character strip_invisible removes, as one string."""
    return "".join(chr(c) for a, b in _INVISIBLE_RANGES for c in range(a, b + 1))


def invisible_pattern() -> re.Pattern:
    return _INVISIBLE


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and dash-insensitive form of a word or name."""
    text = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


class _InPlace(dict):
    """str.translate table: each character to its folded self when that is one
    character, filled on demand, so positions in the folded text are positions
    in the original."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out = base if len(base) == 1 and len(base.lower()) == 1 else ch
        self[code] = out
        return out


_IN_PLACE = _InPlace()


def fold_in_place(text: str) -> str:
    """Lower case without accents, the same length as `text` (for finding matches in it)."""
    return text.lower() if text.isascii() else text.translate(_IN_PLACE).lower()


def possessive_len(word: str) -> int:
    """How many characters at the end of `word` are a possessive (`'s` or a bare `'` after s)."""
    w = word.translate(_TYPOGRAPHY)
    if len(w) > 2 and w[-2:].lower() == "'s":
        return 2
    if len(w) > 2 and w[-1] == "'" and w[-2] in "sS":
        return 1
    return 0


def strip_possessive(word: str) -> str:
    """`Hegseth’s` -> `Hegseth`, `allies’` -> `allies`; other words unchanged."""
    n = possessive_len(word)
    return word[: len(word) - n] if n else word


@lru_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """The form names are matched by: no invisible characters, accents, case,
    possessive, dots (U.S. = US), apostrophes (O'Brien = OBrien), other
    punctuation or leading "the"; a plus is a word (OPEC+ = "opec plus")."""
    if not text:
        return ""
    s = fold(strip_invisible(text[:MAX_NAME_CHARS])).replace(".", "")
    s = _POSSESSIVE.sub("", s)  # after the dots: "u.s.'s" is a possessive of "us"
    s = _PLUS.sub(" plus ", s.replace("'", ""))
    s = " ".join(_NOT_WORD.sub(" ", s).split())
    if s.startswith(_LEADING_THE) and len(s) > len(_LEADING_THE):
        s = s[len(_LEADING_THE):]
    return s


def last_word(key: str) -> str:
    """The surname of a person's name key ("pete hegseth" -> "hegseth")."""
    return key.rsplit(" ", 1)[-1]
