"""Turning whatever a user typed into a safe FTS5 MATCH expression.

Only runs of letters and digits survive, each one double-quoted, so FTS5
syntax (`"`, `*`, `NEAR(`, `AND`, `col:`, parentheses, `^`, `-`) can never
reach the parser and every query string built here is valid.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import combinations

MAX_WORDS = 12  # longer queries add nothing but cost
MOST_OF = 6  # "most of the words" looks at this many of the longest ones
MAX_WORD_CHARS = 40
_WORD = re.compile(r"[^\W_]+")
# Dropped from the most-words fallback, where they would match nearly everything.
STOPWORDS = frozenset("""
a an and are as at be but by for from had has have he her his i in is it its of on or our she
that the their they this to was we were will with you
""".split())


def words(text: str | None) -> list[str]:
    """The searchable words of `text`, lower-cased, without repeats, at most MAX_WORDS."""
    if not text:
        return []
    out: list[str] = []
    for w in _WORD.findall(unicodedata.normalize("NFKC", text[:2000])):
        w = w.casefold()[:MAX_WORD_CHARS]
        if w not in out:
            out.append(w)
        if len(out) == MAX_WORDS:
            break
    return out


def phrase(word: str) -> str:
    """One quoted FTS5 string; `words` never yields a double quote, but be sure."""
    return '"' + word.replace('"', '""') + '"'


def all_of(ws: list[str]) -> str:
    """AND of the words; common words are left to the re-ranking (matching
    "at" costs a walk through nearly every row) unless nothing else is left."""
    useful = [w for w in ws if w not in STOPWORDS] or ws
    return " AND ".join(phrase(w) for w in useful)


def most_of(ws: list[str]) -> str:
    """At least half of the words (the longest few, common ones left out unless
    nothing else is left): `a b c` -> `(a AND b) OR (a AND c) OR (b AND c)`.
    A looser second pass after all_of, which still ignores stray single words."""
    useful = [w for w in ws if w not in STOPWORDS] or ws
    useful = sorted(useful, key=len, reverse=True)[:MOST_OF]
    need = max(1, (len(useful) + 1) // 2)
    return " OR ".join("(" + all_of(list(group)) + ")" for group in combinations(useful, need))


def in_columns(columns: str, expression: str) -> str:
    """`expression` limited to some columns, e.g. in_columns("title raw_text", ...)."""
    return f"{{{columns}}} : ({expression})"


def scope_filter(guild_id: int, speaker_ids: list[int] | None = None) -> str:
    """Rows of one guild, or of some speakers (entity ids belong to one guild),
    through the indexed `scope` column."""
    if speaker_ids:
        return "scope : (" + " OR ".join(f'"s{int(s)}"' for s in speaker_ids) + ")"
    return f'scope : "g{int(guild_id)}"'


def match_expression(guild_id: int, columns: str, ws: list[str], *, loose: bool = False,
                     speaker_ids: list[int] | None = None, scoped: bool = True) -> str:
    """The whole MATCH string: rows whose `columns` hold all (loose: most) of
    `ws`, limited to the guild (or the speakers) when `scoped`. Leave a guild
    that holds most of the database unscoped: its token is in nearly every
    row, so intersecting with it costs more than the SQL filter that follows."""
    body = in_columns(columns, most_of(ws) if loose else all_of(ws))
    if speaker_ids or scoped:
        return f"{scope_filter(guild_id, speaker_ids)} AND {body}"
    return body
