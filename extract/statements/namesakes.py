"""Which of several people sharing a surname a bare `Clinton` or `Mrs. Bush` means.

The entity layer may file every bare `Fiorina` under whichever Fiorina it met
first. Here the text decides: an honorific or gendered word before the mention
rules out the other sex (`Mrs. Bush` is never George Bush); otherwise the person
named in full earlier in the same paragraph, else the one the article refers to
most often (its subject, not the husband or the victim mentioned once).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from extract.statements.gender import (FEMALE, MALE, HONORIFIC_GENDER, first_name_gender, pronouns_after_gender,
                                      role_gender, word_before_gender)
from extract.model import Entity

# a full name this many paragraphs back (or nearer) still owns a bare surname; further
# back, the namesake the text refers to most often does
RECENT_PARAGRAPHS = 0
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def name_words(text: str) -> list[str]:
    """Casefolded words of a name without honorifics and suffixes (`Mr. Joseph R. Biden Jr.`
    -> joseph, r, biden)."""
    words = [w.casefold().rstrip(".") for w in _WORD.findall(text)]
    while words and words[0] in HONORIFIC_GENDER:
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    return [w.removesuffix("'s").removesuffix("’s") for w in words]


@dataclass(frozen=True)
class _FullMention:
    start: int
    name: str  # the canonical name of the entity it belongs to
    words: tuple[str, ...]


class Namesakes:
    def __init__(self, text: str, entities: list[Entity]):
        self.text = text
        self._paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
        people = [e for e in entities if e.type == "PERSON"]
        others = sorted(sp for e in people for sp in e.spans)
        self._gender: dict[str, str | None] = {e.name: _entity_gender(text, e, others) for e in people}
        full: list[_FullMention] = []
        for e in people:
            own = tuple(name_words(e.name))
            for s, t in e.spans:
                words = tuple(name_words(text[s:t]))
                if len(words) >= 2 and len(own) >= 2 and words[-1] == own[-1]:
                    full.append(_FullMention(s, e.name, own))
        full.sort(key=lambda f: f.start)
        self._full = full
        self._count = Counter({e.name: len(e.spans) for e in people})

    def gender(self, name: str) -> str | None:
        if name in self._gender:
            return self._gender[name]
        return first_name_gender(name)

    def person(self, start: int, end: int, default: str) -> str:
        """The person a mention at [start, end) names: `default` unless the mention is a bare
        surname that more than one person named in full in this text bears."""
        words = tuple(name_words(self.text[start:end]))
        if not words or len(words) > 3:
            return default
        n = len(words)
        owners = {f.name for f in self._full if len(f.words) > n and f.words[-n:] == words}
        if len(owners) < 2:
            return default
        sex = word_before_gender(self.text, start) or _honorific_inside(self.text[start:end])
        if sex is not None:
            fitting = {o for o in owners if self.gender(o) in (sex, None)}
            known = {o for o in fitting if self.gender(o) == sex}
            owners = known or fitting or owners
            if len(owners) == 1:
                return owners.pop()
        here = self._paragraph(start)
        for f in reversed(self._full):
            if f.start < start and f.name in owners:
                if here - self._paragraph(f.start) <= RECENT_PARAGRAPHS:
                    return f.name
                break
        first_seen = {}
        for f in self._full:
            first_seen.setdefault(f.name, f.start)
        return max(owners, key=lambda o: (self._count[o], -first_seen.get(o, 0)))

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, char) - 1


def _honorific_inside(mention: str) -> str | None:
    first = mention.split()[0].casefold().rstrip(".") if mention.split() else ""
    return HONORIFIC_GENDER.get(first)


def _entity_gender(text: str, entity: Entity, people_spans: list[tuple[int, int]]) -> str | None:
    """First name, else the role, else the honorifics and gendered words before its mentions
    (the majority, so one misfiled mention does not decide), else the pronouns that follow
    its mentions (extract/statements/gender.py)."""
    sex = first_name_gender(entity.name) or role_gender(entity.role)
    if sex is not None:
        return sex
    votes: Counter[str] = Counter()
    for s, t in entity.spans:
        got = word_before_gender(text, s) or _honorific_inside(text[s:t])
        if got:
            votes[got] += 1
    if votes[MALE] != votes[FEMALE]:
        return MALE if votes[MALE] > votes[FEMALE] else FEMALE
    return pronouns_after_gender(text, entity.spans, people_spans)
