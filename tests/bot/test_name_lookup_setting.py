"""NAME_LOOKUP: where PostgreSQL's typo-tolerant name candidates come from. Unset, the
in-process index; `trigram`, pg_trgm's index (tests/store/test_trigram.py); anything
else, or `trigram` on SQLite, stops `newsbrief` with one line saying what is wrong."""
from __future__ import annotations

import pytest

from bot.settings import Settings

SHARED = {"DATABASE_URL": "postgresql://newsbrief@db.example/newsbrief"}  # parsed here, never connected to


def test_unset_the_in_process_index_answers():
    assert Settings.from_env({}).name_lookup == "index"
    assert Settings.from_env({"NAME_LOOKUP": "Trigram", **SHARED}).name_lookup == "trigram"


def test_an_unknown_lookup_says_which_there_are():
    with pytest.raises(ValueError, match="NAME_LOOKUP='fuzzy' is not valid: give one of index, trigram"):
        Settings.from_env({"NAME_LOOKUP": "fuzzy", **SHARED})


def test_trigrams_need_postgresql():
    with pytest.raises(ValueError, match="NAME_LOOKUP=trigram needs DATABASE_URL"):
        Settings.from_env({"NAME_LOOKUP": "trigram"})
