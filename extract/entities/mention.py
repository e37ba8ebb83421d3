"""One candidate mention of a named thing, and small helpers over spans and the doc."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.gazetteer import Place
from extract.namekey import name_key

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
# Labels outside the entity set whose spans still hide names ("the Trump-Xi Jinping" as LAW).
SALVAGE_LABELS = {"LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # the type this mention suggests
    origin: str = "ner"  # ner, salvage, gazetteer, acronym, finder, propagated
    place: Place | None = None
    in_title: bool = False
    ner_label: str | None = None
    notes: set[str] = field(default_factory=set)  # flags set by rules, e.g. "sent_start"
    alt: str | None = None  # the same name without a national prefix ("Federal Reserve")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def key(self) -> str:
        return name_key(self.alt or self.text)

    def alt_forms(self) -> list[str]:
        return [self.alt] if self.alt else []


def text_of(doc) -> str:
    """doc.text, computed once: spaCy rebuilds it from the tokens on every access."""
    cached = doc.user_data.get("newsbrief.text")
    if cached is None:
        cached = doc.user_data["newsbrief.text"] = doc.text
    return cached


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def whole_occurrences(text: str, form: str, before: re.Pattern,
                      after: re.Pattern | None = None) -> Iterator[tuple[int, int]]:
    """Spans where `form` occurs with nothing matching `before` just before it and nothing
    matching `after` (default: `before`) at its end. str.find, not a regex per form: a long
    article has hundreds of forms to look for."""
    after = after or before
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if not (start and before.match(text, start - 1)) and not after.match(text, end):
            yield start, end
        start = text.find(form, start + 1)


class Occupancy:
    """Which characters of a text are already claimed by a span. Checking a span costs its
    own length, not the number of spans taken, so long articles stay linear."""

    def __init__(self, length: int, spans=()):
        self._chars = bytearray(length)
        for span in spans:
            self.take(span)

    def take(self, span: tuple[int, int]) -> None:
        start, end = max(span[0], 0), min(span[1], len(self._chars))
        if end > start:
            self._chars[start:end] = b"\x01" * (end - start)

    def is_taken(self, span: tuple[int, int]) -> bool:
        start, end = max(span[0], 0), min(span[1], len(self._chars))
        return end > start and self._chars.find(1, start, end) != -1


def sentence_initial(doc, offset: int) -> bool:
    """True when the word at `offset` starts a sentence, line or quotation (capitalised anyway)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    if tok.is_sent_start:
        return True
    prev = doc[tok.i - 1] if tok.i else None
    if prev is None or prev.is_space:
        return True
    if prev.text in ("-", "–", "—", "•", "*") and prev.whitespace_:
        return True  # a bullet or dash attribution, not a hyphenated word
    if prev.text in ("“", "‘", "(", ":"):
        return True
    if prev.text in ('"', "'"):
        # A straight quote opens a quotation when nothing is glued before it.
        before = doc[prev.i - 1] if prev.i else None
        return before is None or before.is_space or bool(before.whitespace_)
    return False
