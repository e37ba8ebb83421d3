"""Surface forms of names: cleaning, title peeling, acronyms. No spaCy here.

Folding and the name key live in extract.namekey (shared with the store and the
handlers); they are re-exported here for the extraction modules.
  clean_span(text, s, e)  offsets of a mention without "the", possessive, quotes, punctuation
  peel_title(text)      ("US Defense Secretary Pete Hegseth") -> ("Pete Hegseth", "US Defense Secretary")
"""
from __future__ import annotations

import re

from extract.namekey import fold, name_key, possessive_len, strip_possessive

__all__ = ["fold", "name_key", "strip_possessive", "clean_span", "is_acronym", "initials", "peel_title"]


_EDGE_JUNK = " \t\n\"“”‘’'«»()[]{}<>,;:!?*_#|/\\"


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a mention to the name itself: no leading "the", no trailing possessive,
    no surrounding quotes, brackets, punctuation or "and"."""
    for _ in range(4):  # a few passes: `the “Fed’s”,` needs several peels
        before = (start, end)
        while start < end and text[start] in _EDGE_JUNK + "-.":
            start += 1
        while end > start and text[end - 1] in _EDGE_JUNK + "-":
            end -= 1
        # A final period belongs to abbreviations (U.S., Inc.) but not to a sentence end.
        if end > start and text[end - 1] == "." and not re.search(r"(?:\b\w\.\w\.|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$", text[start:end]):
            end -= 1
        m = re.match(r"(?:the|The|THE)\s+", text[start:end])
        if m and end - start > m.end():
            start += m.end()
        span = text[start:end]
        p = possessive_len(span)
        if p and end - p > start:
            end -= p
        m = re.search(r"\s+(?:and|or|&)$", text[start:end])
        if m:
            end = start + m.start()
        if (start, end) == before:
            break
    return start, end


def is_acronym(form: str) -> bool:
    """`CMC`, `U.S.`, `MOFCOM`, `OPEC+`: mostly capitals, no spaces."""
    letters = re.sub(r"[.&+\-]", "", form)
    return (1 < len(letters) <= 8 and " " not in form and letters.isalnum()
            and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1))


_FUNCTION_WORDS = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&", "at", "a"}


def initials(name: str) -> set[str]:
    """Acronyms a long name could have: `Bank of Japan` -> {BJ, BOJ}; hyphenated parts count."""
    words = [w for w in re.split(r"[\s\-]+", name.replace("’", "'")) if w]
    words = [re.sub(r"'s$", "", w) for w in words]
    if len(words) < 2:
        return set()
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    out = {"".join(w[0] for w in content).upper(), "".join(w[0] for w in words if w != "&").upper()}
    # Acronyms sometimes take a second letter from a word (MOFCOM, Interpol): not guessed here.
    return {o for o in out if len(o) >= 2}


def _join(words: list[str]) -> str:
    return " ".join(words).strip(" ,")


def peel_title(text: str) -> tuple[str, str | None]:
    """Split a title off the front of a person's name.

    `US Defense Secretary Pete Hegseth` -> (`Pete Hegseth`, `US Defense Secretary`);
    `Secretary of State Marco Rubio` -> (`Marco Rubio`, `Secretary of State`);
    `Saudi Energy Minister Prince Abdulaziz` keeps `Prince` in the name;
    `Mr. Smith` -> (`Smith`, None). Text without a title comes back unchanged.
    """
    from extract.gazetteer import gazetteer  # late: the gazetteer imports this module

    g = gazetteer()
    words = text.split()
    # Honorifics go; they are not roles.
    while len(words) > 1 and fold(words[0]) in g.honorifics:
        words = words[1:]
    last_head = -1
    for i, w in enumerate(words[:-1]):
        bare = w.rstrip(",")
        if fold(bare) in g.title_heads or fold(strip_possessive(bare)) in g.title_heads:
            last_head = i
        if w.endswith(","):
            break  # "Smith, a spokesman" is not a title before a name
    if last_head < 0:
        return _join(words), None
    cut = last_head + 1
    # "Secretary of State Marco Rubio": the words after "of" up to the name belong to the title.
    if cut < len(words) - 1 and words[cut] in ("of", "for"):
        j = cut + 1
        if j < len(words) - 1 and words[j].lower() == "the":
            j += 1
        for k in (3, 2, 1):
            phrase = " ".join(words[j:j + k])
            if j + k < len(words) and (fold(phrase) in g.portfolio_words or g.place(phrase)):
                j += k
                break
        else:
            j += 1
        if j < len(words):
            cut = j
    if fold(words[last_head]) in g.kept_in_name:
        # A royal title stays in the name ("Prince Abdulaziz"); what precedes it is the role.
        name, role = words[last_head:], words[:last_head]
    else:
        name, role = words[cut:], words[:cut]
    while role and role[0].lower() in ("the", "a", "an"):
        role = role[1:]
    if not name or not role:
        return _join(words), None
    return _join(name), _join(role) or None
