"""Whether a person is a `he` or a `she`, from what the text itself says, else their first name.

Evidence, strongest first: an honorific (`Mr.`, `Mrs.`, `Ms.`) or a gendered word
(`congresswoman`, `her husband`) right before a mention, then the first name's usual
sex (extract/data/first_names.tsv, from public-domain US birth records; names given
to both sexes are left unknown). Unknown never rules a person out.
"""
from __future__ import annotations

import re
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
