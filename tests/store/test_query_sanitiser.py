"""Issue 6, the query sanitiser (store/fts.py) and search snippets, property-based:
whatever is typed becomes a valid FTS5 expression of plain words, and whatever a
brief holds becomes a snippet that shows rather than acts."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import fts
from store.snippets import pattern, snippet

SYNTAX = st.text(alphabet='"*():^{}-+,.~ NEARANDORNOT col:title text_ab\'\\', max_size=60)
ANYTHING = st.one_of(st.text(max_size=300), SYNTAX,
                     st.sampled_from(['NEAR(a b', '"', "AND", "OR NOT", "col:value", "{text}: x", "*", "a*b",
                                      "'; DROP TABLE articles; --", "🙂", "東京", "\x00", "\u202e"]))


@pytest.fixture(scope="module")
def fts_table():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5 (scope, text, title, raw_text, tokenize = 'porter unicode61')")
    db.execute("INSERT INTO t VALUES ('g5 s7', 'the threat is imminent', 'Hegseth warns', 'the NEAR AND OR text')")
    yield db
    db.close()


@settings(max_examples=300, deadline=None)
@given(typed=ANYTHING, loose=st.booleans(), speakers=st.one_of(st.none(), st.lists(st.integers(1, 2**63 - 1),
                                                                                      max_size=3)))
def test_every_expression_built_from_typed_text_is_valid_fts5(fts_table, typed, loose, speakers):
    words = fts.words(typed)
    assert len(words) <= fts.MAX_WORDS and all(w and '"' not in w for w in words)
    if not words:
        return
    for columns in ("text", "title raw_text"):
        expression = fts.match_expression(5, columns, words, loose=loose, speaker_ids=speakers)
        rows = fts_table.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchall()
        assert rows[0][0] in (0, 1)


@settings(max_examples=300, deadline=None)
@given(typed=st.one_of(ANYTHING, st.text(alphabet='"- ORabc', max_size=40)), loose=st.booleans())
def test_search_syntax_always_gives_valid_fts5(fts_table, typed, loose):
    """Phrases, OR and -word (issue 10) are parsed, never passed through: any typing is a valid query."""
    q = fts.parse(typed)
    if not q.words:
        return
    expression = fts.query_expression(5, "title raw_text", q, loose=loose)
    rows = fts_table.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchall()
    assert rows[0][0] in (0, 1)


def test_operators_are_searched_as_the_words_they_spell(fts_table):
    """`AND`, `NEAR` and `OR` typed by a member are words, found where a brief holds them."""
    expression = fts.match_expression(5, "raw_text", fts.words("NEAR( AND OR*"))
    assert fts_table.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone() == (1,)
    expression = fts.match_expression(6, "text", fts.words("imminent"))  # another guild
    assert fts_table.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone() == (0,)


HIDDEN = {chr(c) for c in [*range(0, 9), *range(14, 32), *range(127, 160)]} | set(
    "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=600) | st.lists(st.sampled_from(["word ", "Hegseth ", "\u202e", "\x1b[2J", "\x07",
                                                              "\u200b", "\n", "\r\n", "é", "🙂 "]),
                                             max_size=120).map("".join),
       typed=ANYTHING)
def test_snippets_are_one_short_line_without_acting_characters(text, typed):
    shown = snippet(text, pattern(fts.words(typed)))
    assert "\n" not in shown and "\r" not in shown
    assert len(shown) <= 242  # WIDTH and the ellipses
    assert not HIDDEN & set(shown), [hex(ord(c)) for c in HIDDEN & set(shown)]
