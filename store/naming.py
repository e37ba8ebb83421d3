"""How an entity is called, from the forms and roles its briefs used.

Pure functions (no SQL): store/writes.py picks the name after every write and
store/reads.py merges roles when it reads them.

* The canonical name is the form the briefs use most ("Texas", not "State of
  Texas"; "Home Office", not "United Kingdom Home Office"); the longer forms
  stay as aliases. A person keeps a full name over a bare surname, and a
  spelled-out name beats its abbreviation unless the abbreviation is used more.
  A country's abbreviation before a body's name stays ("U.S. Department of
  Agriculture"): without it the name could be any country's.
* Roles that are the same office in other words ("President", "US President",
  "U.S. President", "President of the United States") are one role, shown in
  its most specific form. A rank word ("Deputy", "Vice", "former"...) makes a
  different office, so "Prime Minister" never swallows "Deputy Prime Minister".
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _is_abbreviation(form: str) -> bool:
    letters = form.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 6 and letters.isupper() and letters.isalpha()


_COUNTRY_MARK = re.compile(r"^(?:U\.?S\.?|U\.?K\.?|E\.?U\.?)\s+(?=\S)")


def _country_marked(form: str, forms: set[str]) -> bool:
    """`form` is another of the forms with a country's abbreviation before it."""
    mark = _COUNTRY_MARK.match(form)
    return mark is not None and form[mark.end():].casefold() in forms


def preferred_name(entity_type: str, forms: list[tuple[str, int, bool]], current: str) -> str:
    """The form to show, from (form, briefs using it, shared with another entity)
    triples; a form no other entity uses beats a shared one ("IMF" for two funds),
    and `current` wins the ties it is part of."""
    if not forms:
        return current
    person = entity_type == "PERSON"

    plain = {f[0].casefold() for f in forms}

    def rank(item: tuple[str, int, bool]):
        form, briefs, shared = item
        words = form.split()
        surname_only = person and len(words) == 1 and any(len(f[0].split()) > 1 for f in forms)
        # "U.S. Department of Agriculture" over "Department of Agriculture": every country has one.
        country_marked = not person and _country_marked(form, plain)
        return (surname_only, shared, -briefs, _is_abbreviation(form), not country_marked, len(words), len(form),
                form != current)

    return min(forms, key=rank)[0]


# Words that name one country, folded to one token, so "US President" and
# "President of the United States" are the same words.
_PLACE_PHRASES = (
    (re.compile(r"\bu\.\s?s\.(?:\s?a\.)?|\bunited states(?: of america)?\b|\bamerican\b|\busa\b"), " us "),
    (re.compile(r"\bu\.\s?k\.|\bunited kingdom\b|\bbritish\b|\bbritain\b"), " uk "),
    (re.compile(r"\be\.\s?u\.|\beuropean union\b"), " eu "),
)
_FILLER = {"of", "the", "for", "and", "&", "s"}
# Words that make another office of the same title.
RANK_WORDS = {
    "deputy", "vice", "former", "ex", "acting", "interim", "assistant", "associate", "under", "chief",
    "senior", "junior", "lieutenant", "shadow", "elect", "designate", "outgoing", "incoming", "late",
    "first", "second", "principal", "co", "general", "adjunct", "honorary", "emeritus", "retired",
}


def role_words(role: str) -> frozenset[str]:
    text = role.casefold()
    for pattern, token in _PLACE_PHRASES:
        text = pattern.sub(token, text)
    return frozenset(w for w in _WORD.findall(text.replace("-", " ")) if w not in _FILLER)


def merged_roles(roles: list[tuple[str, int]]) -> list[str]:
    """Roles (text, briefs) -> one role per office, most used office first,
    each in its most specific form."""
    words = [(role, briefs, role_words(role)) for role, briefs in roles]
    # The most specific first, so every role is folded into the widest one that covers it.
    by_detail = sorted(words, key=lambda r: (-len(r[2]), -r[1], -len(r[0])))
    offices: list[list] = []  # [shown form, its words, briefs in total]
    for role, briefs, ws in by_detail:
        if not ws:
            continue
        home = next((o for o in offices if ws <= o[1] and not ((o[1] - ws) & RANK_WORDS)), None)
        if home is None:
            offices.append([role, ws, briefs])
        else:
            home[2] += briefs
    offices.sort(key=lambda o: -o[2])  # stable: ties keep the most specific first
    return [o[0] for o in offices]
