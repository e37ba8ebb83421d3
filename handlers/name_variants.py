"""Other ways of writing an organisation's name that members type and
articles print differently: "United States Department of Agriculture" for the
article's "U.S. Department of Agriculture", "Department of State" for "State
Department", "Australian Senate" or "Parliament of Australia" for an article
that says only "the Senate" or "Parliament".

Pure functions over folded words (handlers/resolve.py's words_of); the
resolver looks each variant up and decides how sure it may be.
"""
from __future__ import annotations

# One country, several spellings, as the store keys them (dots gone, folded).
_COUNTRY_SPELLINGS = (
    ("united states of america", "united states", "usa", "us"),
    ("united kingdom", "uk", "great britain", "britain"),
    ("european union", "eu"),
)
# Bodies named "X of Y" in one place and "Y X" in another.
_BODY_WORDS = frozenset("department ministry office bureau agency".split())
_LINKS = frozenset("of the".split())


def respelled(words: list[str]) -> list[list[str]]:
    """`words` with one country name written each other way it is written."""
    text = f" {' '.join(words)} "
    out: list[list[str]] = []
    for spellings in _COUNTRY_SPELLINGS:
        for spelling in spellings:
            if f" {spelling} " not in text:
                continue
            for other in spellings:
                if other != spelling:
                    out.append(text.replace(f" {spelling} ", f" {other} ", 1).split())
            break  # the longest spelling present; "united states of america" holds "united states"
    return out


def reordered(words: list[str]) -> list[list[str]]:
    """"department of state" <-> "state department" (one word on the other side)."""
    if words[:1] and words[0] in _BODY_WORDS and words[1:2] == ["of"]:
        named = words[3:] if words[2:3] == ["the"] else words[2:]  # "department of the treasury"
        if len(named) == 1:
            return [[named[0], words[0]]]
    if len(words) == 2 and words[1] in _BODY_WORDS:
        return [[words[1], "of", words[0]]]
    return []


def qualified(words: list[str]) -> list[tuple[list[str], list[str]]]:
    """(place, rest) for a name qualified by where it is: "australian senate" ->
    (["australian"], ["senate"]), "parliament of australia" -> (["australia"],
    ["parliament"]), "supreme court of the united states" -> (["united", "states"],
    ["supreme", "court"]). The caller checks that the place is one."""
    out: list[tuple[list[str], list[str]]] = []
    for cut in range(1, min(4, len(words))):
        out.append((words[:cut], words[cut:]))  # a leading place or nationality
    for at, word in enumerate(words):
        if word == "of" and 0 < at < len(words) - 1:
            place = words[at + 1:]
            if place[:1] == ["the"]:
                place = place[1:]
            if place and len(place) <= 4:
                out.append((place, words[:at]))
    return [(place, rest) for place, rest in out if rest and not set(rest) <= _LINKS]
