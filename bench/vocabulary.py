"""A realistic name vocabulary for the bench: tens of thousands of distinct first names and
surnames, invented by syllable models of a dozen language families.

Fixed word lists (a few hundred names) make typo matching look cheap: the name index
compares a typed word with the guild's vocabulary, and a real server's vocabulary grows
with every new name. Each family below has its own syllables, word lengths and surname
endings, so the words look and spread like names do (many share a first letter or an
ending; lengths cluster around 5-9 letters), which is what the look-alike indexes of
store/name_index.py must cope with. Everything is seeded: the same words in every run.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Family:
    name: str
    share: int  # relative number of people of this family
    onsets: tuple[str, ...]
    vowels: tuple[str, ...]
    codas: tuple[str, ...]  # closing a syllable; "" often
    syllables: tuple[int, ...]  # choices for the syllable count of a first name
    surname_endings: tuple[str, ...]  # "" keeps a bare stem
    first_endings: tuple[str, ...] = ("",)


def _t(words: str) -> tuple[str, ...]:
    return tuple("" if w == "-" else w for w in words.split())


FAMILIES = (
    Family("anglo", 14, _t("b br c ch cl d dr f g gr h j k l m n p r s sh st t th tr w wh"),
           _t("a e i o u ea ee oo ai"), _t("- - - n r l s t d ck ng ll m"), (1, 2, 2, 3), _t("- - ton son ford ley wood field well man er ham"),
           _t("- - y ie a en")),
    Family("german", 8, _t("b br d f fr g gr h k kl kr l m n p r s sch st t w z"), _t("a e i o u au ei ie ü ö"),
           _t("- - n r l s t ch rt nd ck"), (1, 2, 2), _t("- er mann berg stein feld hoff rich ner bauer dorf"),
           _t("- - a e o")),
    Family("nordic", 5, _t("b bj d f g h k l m n r s sk sv t v"), _t("a e i o u y å ø ä"),
           _t("- - n r l s t d k"), (1, 2, 2), _t("sen son berg strom lund dahl gren qvist vik"), _t("- a e i")),
    Family("romance", 12, _t("b c ch d f g gi l m n p r s t v z"), _t("a e i o u ia io"),
           _t("- - - - n r l s"), (2, 3, 3, 4), _t("ez es ini etti ello ano eira ado ucci ari one"),
           _t("o a - o a")),
    Family("slavic", 10, _t("b br d dr g k kr l m n p pr r s st sv t v w z zh"), _t("a e i o u y"),
           _t("- - - n r l v k sz"), (2, 2, 3), _t("ski ska ov ova enko vich ak ek icz in ina"),
           _t("a - ia o")),
    Family("arabic", 9, _t("b d f gh h j k kh l m n q r s sh t w y z"), _t("a i u aa ee"),
           _t("- - - m n r l d b"), (2, 2, 3), _t("- - i awi ani oun"), _t("- - a")),
    Family("turkic", 5, _t("b c ç d e g h k m n s ş t y"), _t("a e ı i o ö u ü"),
           _t("- - n r l k t z"), (2, 2, 3), _t("oglu can er soy demir kaya tas"), _t("- - e a")),
    Family("west-african", 7, _t("b d f g gb k kw l m n ny o p s t w y"), _t("a e i o u"),
           _t("- - - - n"), (2, 3, 3, 4), _t("- - emi ola ade uwa ike chi"), _t("- - a e")),
    Family("east-african", 4, _t("b ch d j k l m mb n nd ng nj w"), _t("a e i o u"),
           _t("- - - -"), (2, 3, 3), _t("- - i a"), _t("- a i")),
    Family("south-asian", 10, _t("bh ch d dh g h j k kh m n p r s sh t v y"), _t("a aa i ee u o e"),
           _t("- - n r l m sh"), (2, 2, 3), _t("- - wal ran kar dev nath esh ani"), _t("- a i")),
    Family("chinese", 8, _t("b ch d f g h j l m n p q s sh t w x y zh z"), _t("a ai an ang ao e ei en i ia ian iao "
                                                                                "in ing o ong ou u ua uan ui un"),
           _t("-"), (1, 2, 2), _t("-"), _t("-")),
    Family("japanese", 5, _t("k s t n h m y r w g z d b"), _t("a i u e o"),
           _t("- - - - n"), (2, 3, 3), _t("moto mura ta yama kawa shita da no saki"), _t("- - ko ki o")),
    Family("korean", 3, _t("b ch d g h j k m s y"), _t("a ae eo eu i o u yeo yu"),
           _t("- n ng m k"), (1, 2), _t("-"), _t("-")),
)

FIRST_PER_SHARE = 300  # distinct first names per share point (~30k in all)
SURNAMES_PER_SHARE = 700  # distinct surnames per share point (~70k in all)


def _stem(rng: random.Random, f: Family, syllables: int) -> str:
    parts = []
    for _ in range(syllables):
        parts.append(rng.choice(f.onsets) + rng.choice(f.vowels) + rng.choice(f.codas))
    return "".join(parts)


def _words(f: Family, kind: str, count: int) -> list[str]:
    rng = random.Random(f"vocabulary:{f.name}:{kind}")
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < count and attempts < count * 20:
        attempts += 1
        if kind == "first":
            word = _stem(rng, f, rng.choice(f.syllables)) + rng.choice(f.first_endings)
        else:
            word = _stem(rng, f, rng.choice((1, 2, 2, 3))) + rng.choice(f.surname_endings)
        if 3 <= len(word) <= 14:
            seen.setdefault(word[:1].upper() + word[1:], None)
    return list(seen)


@lru_cache(maxsize=None)
def family_words(name: str, kind: str) -> tuple[str, ...]:
    f = next(f for f in FAMILIES if f.name == name)
    per_share = FIRST_PER_SHARE if kind == "first" else SURNAMES_PER_SHARE
    return tuple(_words(f, kind, f.share * per_share))


@lru_cache(maxsize=None)
def family_of_share() -> tuple[str, ...]:
    """One family name per share point: index it with a number to pick a family by share."""
    return tuple(f.name for f in FAMILIES for _ in range(f.share))


def person_name(j: int) -> tuple[str, str]:
    """The first name and surname of invented person `j` (any integer), from one family."""
    families = family_of_share()
    family = families[j % len(families)]
    firsts, lasts = family_words(family, "first"), family_words(family, "last")
    k = j // len(families)
    return firsts[(k * 7919) % len(firsts)], lasts[(k * 104729 + k // len(firsts)) % len(lasts)]


def distinct_words() -> int:
    return len({w for f in FAMILIES for kind in ("first", "last") for w in family_words(f.name, kind)})
