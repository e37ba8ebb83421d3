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
    outnumber the other's by a margin."""
    own = set(spans)
    starts = [s for s, _ in people_spans]
    votes: Counter[str] = Counter()
    for s, t in spans:
        begin = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s)) + 1
        end_at = _SENTENCE_END.search(text, t)
        end = end_at.start() if end_at else len(text)
        quote = _QUOTE_MARK.search(text, t, end)
        stop = quote.start() if quote else end
        lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)
        if any(sp not in own for sp in people_spans[lo:hi]):
            continue  # another person in the sentence may own the pronoun
        sexes = {PRONOUN_GENDER[w.casefold()] for w in _PRONOUN_WORD.findall(text, t, stop)}
        if len(sexes) == 1:
            votes[sexes.pop()] += 1
    if abs(votes[MALE] - votes[FEMALE]) >= _PRONOUN_MARGIN:
        return MALE if votes[MALE] > votes[FEMALE] else FEMALE
    return None
