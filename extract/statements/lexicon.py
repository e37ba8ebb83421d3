"""The word lists that cue statements, read once from extract/data/speech_verbs.json."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent.parent / "data" / "speech_verbs.json"


@dataclass(frozen=True)
class SpeechLexicon:
    speech: frozenset[str]  # say, tell, warn...: introduce quotes and reported clauses
    reported_excluded: frozenset[str]  # speech verbs whose clause is not a statement (urge, ask)
    quote_only: frozenset[str]  # introduce a quotation only (quote, read, continue)
    naming: frozenset[str]  # put a quoted label on something (call, describe, dub)
    nominal: frozenset[str]  # nouns whose possessor speaks (assertion, warning, pledge)
    voice: frozenset[str]  # nouns that speak for their named owner (statement, letter)
    anonymous: frozenset[str]  # people nouns standing for an unnamed source
    org_nouns: frozenset[str]  # `the company`, `the group`: refer back to a named organisation
    titles: frozenset[str]  # words stripped from a fallback speaker name

    def is_quote_verb(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.quote_only or lemma in self.naming

    def is_reporting_verb(self, lemma: str) -> bool:
        return lemma in self.speech and lemma not in self.reported_excluded


@lru_cache(maxsize=1)
def lexicon() -> SpeechLexicon:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return SpeechLexicon(**{name: frozenset(w.casefold() for w in raw[name])
                            for name in SpeechLexicon.__dataclass_fields__})
