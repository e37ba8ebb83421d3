"""Whether a person is a `he` or a `she`, from what the text itself says, else their first name.

Evidence, strongest first: an honorific (`Mr.`, `Mrs.`, `Ms.`) or a gendered word
(`congresswoman`, `her husband`) right before a mention, then the first name's usual
sex (extract/data/first_names.tsv, from public-domain US birth records; names given
to both sexes are left unknown), and last the he/she of sentences that name this person
and nobody else. Unknown never rules a person out.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_NAMES = Path(__file__).parent.parent / "data" / "first_names.tsv"

MALE, FEMALE = "M", "F"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
HONORIFIC_GENDER = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "mme": FEMALE,
                    "madam": FEMALE, "sir": MALE, "dame": FEMALE, "lady": FEMALE, "lord": MALE}
# words that, standing right before a name or as its role, tell the person's sex
_GENDERED_WORDS = {
    FEMALE: ("congresswoman", "assemblywoman", "councilwoman", "chairwoman", "spokeswoman",
             "businesswoman", "actress", "queen", "princess", "duchess", "countess", "empress",
             "wife", "widow", "mother", "daughter", "sister", "grandmother", "granddaughter",
             "aunt", "niece", "girlfriend", "stepmother", "first lady", "sportswoman",
             "anchorwoman", "policewoman", "congresswomen", "waitress", "heiress"),
    MALE: ("congressman", "assemblyman", "councilman", "spokesman", "businessman", "actor",
           "king", "prince", "duke", "emperor", "husband", "widower", "father",
           "son", "brother", "grandfather", "grandson", "uncle", "nephew", "boyfriend",
           "stepfather", "sportsman", "anchorman", "policeman"),
}
_WORD_GENDER = {w: g for g, words in _GENDERED_WORDS.items() for w in words}
_TRAILING_WORD = re.compile(r"([A-Za-z]+)\.?[\s,]*$")
_PRONOUN_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_QUOTE_MARK = re.compile(r"[\"“”]")
# sentences of one sex more than of the other before the text's own pronouns settle it
_PRONOUN_MARGIN = 2


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    out = {}
    for line in _NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, sex = line.partition("\t")
            out[name] = sex
    return out


def first_name_gender(name: str) -> str | None:
    """Sex of the usual bearer of the name's first word, when the records agree on one."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    while words and words[0].casefold() in HONORIFIC_GENDER:
        words = words[1:]
    if len(words) < 2:
        return None  # a bare surname tells nothing
    return _first_names().get(words[0].casefold())


def word_before_gender(text: str, start: int) -> str | None:
    """Sex told by the word right before a mention: `Mrs. Bush`, `Congresswoman Lee`,
    `his wife, Ann Lee`."""
    m = _TRAILING_WORD.search(text[max(0, start - 24):start])
    if m is None:
        return None
    word = m.group(1).casefold()
    return HONORIFIC_GENDER.get(word) or _WORD_GENDER.get(word)


def role_gender(role: str | None) -> str | None:
    if not role:
        return None
    found = {_WORD_GENDER[w] for w in re.findall(r"[a-z]+", role.casefold()) if w in _WORD_GENDER}
    return found.pop() if len(found) == 1 else None


def pronouns_after_gender(text: str, spans: list[tuple[int, int]],
                          people_spans: list[tuple[int, int]]) -> str | None:
    """`Christie defended his endorsement on his radio show`: the he/she in the rest of a
    sentence that names this person and nobody else, before any quotation opens (its
    pronouns are the speaker's), is this person. Settled when such sentences of one sex
    outnumber the other's by a margin. Every search is a bisection in the text's layout
    (read once per text), so a sentence of 50,000 words costs no more per mention."""
    layout = _layout(text)
    own = set(spans)
    starts = [s for s, _ in people_spans]
    own_starts = [s for s, t in people_spans if (s, t) in own]  # sorted, as people_spans is
    votes: Counter[str] = Counter()
    for s, t in spans:
        begin, end = layout.sentence_around(s, t)
        others = (bisect.bisect_left(starts, end) - bisect.bisect_left(starts, begin)
                  - (bisect.bisect_left(own_starts, end) - bisect.bisect_left(own_starts, begin)))
        if others:
            continue  # another person in the sentence may own the pronoun
        sexes = layout.pronoun_sexes(t, layout.quote_or(t, end))
        if len(sexes) == 1:
            votes[sexes.pop()] += 1
    if abs(votes[MALE] - votes[FEMALE]) >= _PRONOUN_MARGIN:
        return MALE if votes[MALE] > votes[FEMALE] else FEMALE
    return None


class _Layout:
    """Where a text's sentences end, its quotation marks stand and its he/she pronouns are."""

    def __init__(self, text: str):
        self.length = len(text)
        self.stops = [m.start() for m in re.finditer(r"\. ", text)]  # a sentence starts after ". "
        self.newlines = [m.start() for m in re.finditer(r"\n", text)]
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.quotes = [m.start() for m in _QUOTE_MARK.finditer(text)]
        self.pronouns: list[int] = []
        self.males_before = [0]  # males_before[i]: male pronouns among the first i
        for m in _PRONOUN_WORD.finditer(text):
            self.pronouns.append(m.start())
            self.males_before.append(self.males_before[-1] + (PRONOUN_GENDER[m.group().casefold()] == MALE))

    def sentence_around(self, s: int, t: int) -> tuple[int, int]:
        """(start, end) of the sentence holding the mention s..t: after the last ". " or line
        break that ends before s, up to the first sentence end at or after t."""
        dot = bisect.bisect_right(self.stops, s - 2)
        line = bisect.bisect_right(self.newlines, s - 1)
        begin = max(self.stops[dot - 1] if dot else -1, self.newlines[line - 1] if line else -1) + 1
        k = bisect.bisect_left(self.ends, t)
        return begin, self.ends[k] if k < len(self.ends) else self.length

    def quote_or(self, t: int, end: int) -> int:
        """The first quotation mark in t..end, else end."""
        k = bisect.bisect_left(self.quotes, t)
        return self.quotes[k] if k < len(self.quotes) and self.quotes[k] < end else end

    def pronoun_sexes(self, start: int, stop: int) -> set[str]:
        """The sexes of the he/she pronouns beginning in start..stop."""
        lo, hi = bisect.bisect_left(self.pronouns, start), bisect.bisect_left(self.pronouns, stop)
        males = self.males_before[hi] - self.males_before[lo]
        return ({MALE} if males else set()) | ({FEMALE} if hi - lo > males else set())


@lru_cache(maxsize=4)
def _layout(text: str) -> _Layout:
    """One layout per text: every entity of a brief asks about the same text (a str caches its hash)."""
    return _Layout(text)
