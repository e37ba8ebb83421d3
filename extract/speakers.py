"""Who a speaker word stands for: an entity's canonical name, an unnamed source, or unknown.

The entity layer gives every mention of an entity as a char span (full name,
surname, acronym, metonym), so a speaker word maps to the entity whose span
overlaps it. Pronouns go to the most salient earlier mention; common nouns go to
their named owner (`the Home Office letter`), an earlier organisation (`the
ministry`), or stand for an unnamed source (`officials`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from extract.lexicon import lexicon
from extract.model import Entity

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_ORG_TYPES = {"ORG", "GPE", "NORP"}
# how far back (in sentences) a pronoun looks for its antecedent
_PRONOUN_REACH = 4


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: `name` is canonical, or None for an unnamed source."""

    name: str | None


ANONYMOUS = Speaker(None)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    def __init__(self, doc, entities: list[Entity], blocked: list[tuple[int, int]]):
        """`blocked` are char ranges whose mentions never act as antecedents (quotes, headline)."""
        self.doc = doc
        self.lex = lexicon()
        mentions = [_Mention(s, e, ent) for ent in entities for s, e in ent.spans if 0 <= s < e]
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._blocked = sorted(blocked)

    # -- entity lookup -------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end); the tightest mention wins."""
        best: _Mention | None = None
        i = bisect.bisect_right(self._starts, end)
        for m in reversed(self._mentions[max(0, i - 64):i]):
            if m.start < end and start < m.end:
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best.entity if best else None

    def canonical(self, entity: Entity, at: int) -> str:
        """The entity's name; a bare surname borrows the full name of the latest earlier
        person it ends (a fallback for when the entity layer left them unmerged)."""
        if entity.type != "PERSON" or " " in entity.name.strip():
            return entity.name
        surname = entity.name.strip().casefold()
        for m in reversed(self._mentions[:bisect.bisect_left(self._starts, at)]):
            full = m.entity.name.casefold()
            if m.entity.type == "PERSON" and full != surname and full.split()[-1:] == [surname]:
                return m.entity.name
        return entity.name

    def _is_blocked(self, start: int) -> bool:
        i = bisect.bisect_right(self._blocked, (start, float("inf")))
        return i > 0 and self._blocked[i - 1][0] <= start < self._blocked[i - 1][1]

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, token, allow_voice: bool = True) -> Speaker | None:
        """Speaker for the head word of a speaker phrase, or None when it names no source.

        `allow_voice` lets a document or spokesperson noun speak for its owner
        (`Cornyn's statement added`); reported speech needs a person or body instead."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(token)
        ent = self.entity_at(token.idx, token.idx + len(token))
        if ent is not None:
            return Speaker(self.canonical(ent, token.idx))
        for child in token.children:
            if child.dep_ == "appos":  # `the Crown prosecutor, Mark Tedeschi`
                got = self.resolve(child, allow_voice)
                if got is not None and got.name:
                    return got
        if token.pos_ == "PROPN":
            named = self._fallback_name(token)
            if named is not None:
                return named
        return self._common_noun(token, allow_voice)

    def _pronoun(self, token) -> Speaker | None:
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            types = {"PERSON"}
        elif lower in THING_PRONOUNS:
            types = _ORG_TYPES
        else:
            return None  # I, we, they, you: no single named antecedent
        ent = self.antecedent(token, types)
        return Speaker(self.canonical(ent, token.idx)) if ent else None

    def antecedent(self, token, types: set[str]) -> Entity | None:
        """Most salient earlier mention of the given types: the same sentence, then back
        sentence by sentence; inside a sentence a subject (or its possessor) beats the
        latest mention."""
        sents = list(self.doc.sents)
        si = next((k for k, s in enumerate(sents) if s.start <= token.i < s.end), 0)
        for k in range(si, max(-1, si - _PRONOUN_REACH), -1):
            sent = sents[k]
            lo, hi = sent.start_char, min(sent.end_char, token.idx)
            cands = [m for m in self._mentions_between(lo, hi)
                     if m.entity.type in types and not self._is_blocked(m.start)]
            if cands:
                subjects = [m for m in cands if self._subject_like(m)]
                return (subjects or cands)[-1].entity
        return None

    def _mentions_between(self, lo: int, hi: int) -> list[_Mention]:
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [m for m in self._mentions[i:j] if m.end <= hi]

    def _subject_like(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        for _ in range(3):  # the name itself, or the possessor/compound of a subject
            if root.dep_ in _SUBJECT_DEPS:
                return True
            if root.dep_ not in ("poss", "compound", "appos", "conj") or root.head is root:
                return False
            root = root.head
        return False

    def _fallback_name(self, token) -> Speaker | None:
        """A proper name no entity covers: its compound chain without titles."""
        parts = [t for t in token.subtree
                 if t.i <= token.i and t.dep_ in ("compound", "flat") or t.i == token.i]
        words = [t.text for t in parts if t.lower_.rstrip(".") not in self.lex.titles]
        name = " ".join(words).strip()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        return Speaker(name) if name else None

    def _common_noun(self, token, allow_voice: bool) -> Speaker | None:
        lemma = token.lemma_.casefold()
        owner = self._owner(token)
        if owner is not None and (allow_voice or lemma in self.lex.anonymous):
            return owner
        if lemma in self.lex.voice and not allow_voice:
            return None
        named = self._definite_org(token)
        if named is not None:
            return named
        if lemma in self.lex.anonymous or (allow_voice and lemma in self.lex.voice):
            return ANONYMOUS
        return None

    def _owner(self, token) -> Speaker | None:
        """The named person or body a noun belongs to or is illustrated by:
        `Cornyn's statement`, `the Home Office letter`, `the prosecutor, Mark Tedeschi`,
        `skeptics such as Michael Burry`, `governors, including Joachim Nagel`."""
        order = {"appos": 0, "compound": 1, "poss": 2, "prep": 3}
        for child in sorted(token.children, key=lambda c: order.get(c.dep_, 9)):
            if child.dep_ in ("poss", "compound", "appos"):
                got = self.resolve(child) if child.dep_ != "compound" or child.pos_ == "PROPN" else None
                if got is not None and got.name:
                    return got
            if child.dep_ == "prep" and child.lower_ in ("as", "like", "including", "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        got = self.resolve(obj)
                        if got is not None and got.name:
                            return got
        return None

    def _definite_org(self, token) -> Speaker | None:
        """`the ministry` after `China's Ministry of Commerce`: the latest earlier body whose
        name contains the noun."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return None
        word = token.lower_
        for m in reversed(self._mentions[:bisect.bisect_left(self._starts, token.idx)]):
            if m.entity.type == "ORG" and word in m.entity.name.casefold().split():
                return Speaker(m.entity.name)
        return None
