"""The word lists that cue statements (extract/statements/lexicon.py)."""
from __future__ import annotations

from extract.statements.lexicon import lexicon


def test_lexicon_lists_are_consistent():
    lex = lexicon()
    assert lex.reported_excluded <= lex.speech  # exclusions narrow the speech verbs
    assert {"say", "tell", "add", "warn", "argue"} <= lex.speech
    assert all(w == w.casefold() for w in lex.speech | lex.naming | lex.nominal)
