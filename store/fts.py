"""Turning whatever a user typed into a safe FTS5 MATCH expression.

Only runs of letters and digits survive, each one double-quoted, so FTS5
syntax (`"`, `*`, `NEAR(`, `AND`, `col:`, parentheses, `^`, `-`) can never
reach the parser and every query string built here is valid.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import combinations
from typing import Callable

MAX_WORDS = 12  # longer queries add nothing but cost
MOST_OF = 6  # "most of the words" looks at this many of the longest ones
MAX_WORD_CHARS = 40
_WORD = re.compile(r"[^\W_]+")
# Never enough for a match on their own ("no shortcuts" is about shortcuts): left out
# of the FTS query (the re-ranking still sees them) unless nothing else was typed.
STOPWORDS = frozenset("""
a an and are as at be but by for from had has have he her his i in is it its of on or our she
that the their they this to was we were will with you no not so if do does did can could would
should may might been being am also than then there these those what when where which who whom
why how all any some very just only into about over up out me my your them us him near
""".split())


def words(text: str | None, limit: int | None = MAX_WORDS) -> list[str]:
    """The searchable words of `text`, lower-cased, without repeats, at most
    `limit` (None: every word, in order, repeats kept, for phrase checks)."""
    if not text:
        return []
    if limit is None:
        return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]
    out: list[str] = []
    for w in _WORD.findall(unicodedata.normalize("NFKC", text[:2000])):
        w = w.casefold()[:MAX_WORD_CHARS]
        if w not in out:
            out.append(w)
        if len(out) == limit:
            break
    return out


def phrase(word: str) -> str:
    """One quoted FTS5 string; `words` never yields a double quote, but be sure."""
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class Syntax:
    """How a query language spells AND, OR, a phrase and an exclusion: the same
    parsed query becomes FTS5's MATCH text or PostgreSQL's tsquery text."""

    and_: str
    or_: str
    phrase: Callable[[str], str]  # words joined by spaces -> one term
    without: str  # "{body}" that holds none of "{excluded}"


FTS5 = Syntax(" AND ", " OR ", phrase, "({body}) NOT ({excluded})")


def all_of(ws: list[str], syntax: Syntax = FTS5) -> str:
    """AND of the words; common words are left to the re-ranking (matching
    "at" costs a walk through nearly every row) unless nothing else is left."""
    useful = [w for w in ws if w not in STOPWORDS] or ws
    return syntax.and_.join(syntax.phrase(w) for w in useful)


def content_words(ws: list[str]) -> list[str]:
    return [w for w in ws if w not in STOPWORDS]


def most_of(ws: list[str], syntax: Syntax = FTS5) -> str:
    """All but one of the words (the longest few, common ones left out unless
    nothing else is left): `a b c` -> `(a AND (b OR c)) OR (b AND c)`.
    A looser second pass after all_of, only worth it for three words or more
    (see loose_allowed): two words both count, and a stray single word never does."""
    useful = most_of_words(ws)
    if len(useful) == 1:
        return syntax.phrase(useful[0])
    return all_but_one(useful, syntax) or ""


def most_of_words(ws: list[str]) -> list[str]:
    """The words most_of looks at: the longest MOST_OF, common ones left out unless nothing else is left."""
    return sorted(content_words(ws) or ws, key=len, reverse=True)[:MOST_OF]


def all_but_one(ws: list[str], syntax: Syntax = FTS5) -> str | None:
    """Rows missing at most one of `ws` (None: any row). Split in halves, the
    missing word is in one half and the other half is whole. Spelling out every
    group of n-1 words names each word n-1 times, and the index walks one posting
    list per mention (a 12-word sentence: 6 words, 30 walks); this names each
    about log2(n)+1 times (16 walks) for the same rows."""
    if len(ws) <= 1:
        return None
    if len(ws) == 2:
        return syntax.or_.join(syntax.phrase(w) for w in ws)
    left, right = ws[:len(ws) // 2], ws[len(ws) // 2:]
    groups = []
    for whole, part in ((left, right), (right, left)):
        rest = all_but_one(part, syntax)
        both = [syntax.and_.join(syntax.phrase(w) for w in whole)] + ([rest] if rest else [])
        groups.append("(" + syntax.and_.join(f"({g})" for g in both) + ")")
    return syntax.or_.join(groups)


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


def loose_allowed(ws: list[str]) -> bool:
    """A most-words pass only when three content words or more were typed."""
    return len(content_words(ws)) >= 3


# ---- what members type: "exact phrase", OR, -word ----------------------------

_FIELD = re.compile(r"^[^\W\d_]+:(?=\w)")
_TOKEN = re.compile(r'(-?)["“”]([^"“”]*)["“”]?|(\S+)')


@dataclass(frozen=True)
class TextQuery:
    """A typed query understood: every clause must match (a clause matches when
    one of its terms does: `a OR b`), none of `excluded` may. A term is a
    phrase of words in order; one word is a phrase of one."""

    clauses: tuple[tuple[tuple[str, ...], ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def words(self) -> list[str]:
        """Every wanted word, in the order typed, once."""
        return list(dict.fromkeys(w for clause in self.clauses for term in clause for w in term))

    @property
    def simple(self) -> bool:
        """Plain words only (no phrase, OR or exclusion): the looser pass may apply."""
        return not self.excluded and all(len(c) == 1 and len(c[0]) == 1 for c in self.clauses)

    @property
    def phrases(self) -> list[str]:
        return [" ".join(t) for c in self.clauses for t in c if len(t) > 1]


def parse(text: str | None) -> TextQuery:
    """`"crane collapse" Hegseth OR Healey -budget` -> clauses and exclusions."""
    if not text:
        return TextQuery()
    clauses: list[list[tuple[str, ...]]] = []
    excluded: list[str] = []
    join_next = False
    count = 0
    for m in _TOKEN.finditer(unicodedata.normalize("NFKC", text[:2000])):
        negative, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare == "OR" and clauses:
            join_next = True
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negative, bare = "-", bare[1:]
        if bare is not None and _FIELD.match(bare):
            bare = _FIELD.sub("", bare)  # `text:imminent`, a search engine's field syntax: the word is what counts
        found = words(quoted if quoted is not None else bare)
        if not found:
            continue
        if negative:
            excluded += [w for w in found if w not in excluded]
            continue
        terms = [tuple(found)] if quoted is not None else [(w,) for w in found]
        for n, term in enumerate(terms):
            if count >= MAX_WORDS:
                break
            count += len(term)
            if join_next and n == 0:
                clauses[-1].append(term)
            elif term not in (c[0] for c in clauses if len(c) == 1):
                clauses.append([term])
        join_next = False
    return TextQuery(tuple(tuple(c) for c in clauses), tuple(excluded[:MAX_WORDS]))


def query_body(q: TextQuery, *, loose: bool = False, syntax: Syntax = FTS5) -> str:
    """The FTS5 expression of a TextQuery (without columns or scope); "" when it wants nothing.
    Another `syntax` spells the same query in another language (PostgreSQL's tsquery)."""
    if q.simple:
        ws = q.words
        body = most_of(ws, syntax) if loose else all_of(ws, syntax)
    else:
        useful = [c for c in q.clauses if not (len(c) == 1 and len(c[0]) == 1 and c[0][0] in STOPWORDS)]
        # FTS5 reads a quoted run of words as a phrase
        body = syntax.and_.join("(" + syntax.or_.join(syntax.phrase(" ".join(t)) for t in c) + ")"
                                for c in (useful or q.clauses))
    if body and q.excluded:
        body = syntax.without.format(body=body, excluded=syntax.or_.join(syntax.phrase(w) for w in q.excluded))
    return body


def query_expression(guild_id: int, columns: str, q: TextQuery, *, loose: bool = False,
                     speaker_ids: list[int] | None = None, scoped: bool = True) -> str:
    """Like match_expression, for a parsed query."""
    body = in_columns(columns, query_body(q, loose=loose))
    if speaker_ids or scoped:
        return f"{scope_filter(guild_id, speaker_ids)} AND {body}"
    return body
