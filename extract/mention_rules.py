"""Per-mention rules: peel titles, drop what is not a name, note forms that must not return.

Each rule is one function over one mention; `refine` runs them in order.
"""
from __future__ import annotations

import re

from extract.gazetteer import Gazetteer
from extract.mentions import Mention
from extract.names import fold, initials, peel_title

_WORD = re.compile(r"\S+")


def _word_spans(m: Mention) -> list[tuple[int, int, str]]:
    return [(m.start + w.start(), m.start + w.end(), w.group()) for w in _WORD.finditer(m.text)]


def _sub(m: Mention, first: int, last: int, text: str) -> Mention | None:
    """The mention cut down to words first..last-1 (None when empty)."""
    words = _word_spans(m)[first:last]
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    return Mention(s, e, text[s:e], m.label, m.origin, m.place, m.in_title, m.ner_label, set(m.notes))


def peel_person(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`General Zhang Youxia` -> `Zhang Youxia` (the title stays in the text for roles.py)."""
    if m.label != "PERSON":
        return m
    name, role = peel_title(m.text)
    words = _word_spans(m)
    if all(fold(w.rstrip(".,")) in g.title_heads | g.honorifics for _, _, w in words):
        return None  # a lone title is nobody
    if role is None and name == " ".join(w for _, _, w in words):
        return m
    n = len(name.split())
    return _sub(m, len(words) - n, len(words), text)


def strip_trailing_titles(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`the State Department Spokesperson` -> `State Department`; `NATO Secretary General` -> `NATO`.
    Names built with "of" keep their last word (`Office of the eSafety Commissioner`)."""
    if m.label == "PERSON" or " of " in m.text:
        return m
    words = [w for _, _, w in _word_spans(m)]
    cut = len(words)
    while cut > 1:
        if " ".join(words[cut - 2:cut]) in ("Secretary General", "Director General") and cut > 2:
            cut -= 2
        elif fold(words[cut - 1]) in g.title_heads:
            cut -= 1
        else:
            break
    if cut == len(words) or not any(w[:1].isupper() and w not in ("The", "A") for w in words[:cut]):
        return m
    return _sub(m, 0, cut, text)


def drop_portfolio(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`Defense` in `US Defense Secretary`, `State` in `Secretary of State`: part of a title.
    A country in front (`U.S. Treasury`) is kept as its own mention."""
    words = _word_spans(m)
    lead = 0
    while lead < len(words) and g.place(words[lead][2]):
        lead += 1
    rest = " ".join(w for _, _, w in words[lead:])
    if not rest or fold(rest) not in g.portfolio_words and not all(
            fold(w) in g.portfolio_words for _, _, w in words[lead:]):
        return m
    after = re.match(r"\s+([\w.-]+)", text[m.end:m.end + 40])
    before = text[max(0, m.start - 30):words[lead][0]]
    in_title = (after and g.is_title_word(after.group(1))) or re.search(
        r"\b(?:Secretary|Minister|Ministry|Department|Secretariat)\s+(?:of|for)\s+(?:the\s+)?$", before)
    if not in_title:
        return m
    if lead == 0:
        return None
    kept = _sub(m, 0, lead, text)
    kept.place = g.place(kept.text)
    kept.label = kept.place.type if kept.place else kept.label
    return kept


_NUMERIC = re.compile(r"^[\d.,%$€£¥\s-]+$|%")


def is_junk(m: Mention, g: Gazetteer) -> bool:
    """Not a name: no capital letter, a number, a pronoun, a heading word, a stock acronym."""
    t = m.text
    if not re.search(r"[A-Z]", t) or _NUMERIC.search(t):
        return True
    f = fold(t)
    if f in g.not_entities or f in g.pronouns:
        return True
    if len(t) == 1 and (m.label != "ORG" or "sent_start" in m.notes):
        return True
    return False


def dropped_name_forms(m: Mention, g: Gazetteer) -> set[str] | None:
    """Laws, treaties and vehicles are not entities here. Returns the forms they block
    (their acronym, the bare vehicle name) or None when the mention is not one of them."""
    words = m.text.split()
    for prefix in g.product_prefixes:
        if m.text.startswith(prefix):
            rest = m.text[len(prefix):].strip()
            return {fold(rest)} if rest else set()
    if len(words) >= 2 and words[-1] in g.law_heads and m.label != "PERSON":
        return {fold(i) for i in initials(m.text)} | {fold(m.text)}
    return None


def national_prefix(m: Mention, g: Gazetteer) -> None:
    """`US Federal Reserve` is also known as `Federal Reserve`: note the bare form."""
    if m.label not in ("ORG", "FAC", "EVENT") or m.place:
        return
    words = m.text.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        place = g.place(head)
        rest = words[n:]
        if place and place.kind == "country" and len(rest) >= 2 and all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in rest):
            m.alt = " ".join(rest)
            return


def refine(mentions: list[Mention], text: str, g: Gazetteer) -> list[Mention]:
    """Apply the per-mention rules; forms blocked by dropped laws or vehicles go too."""
    kept: list[Mention] = []
    blocked: set[str] = set()
    for m in mentions:
        for rule in (peel_person, strip_trailing_titles, drop_portfolio):
            m = rule(m, text, g)
            if m is None:
                break
        if m is None or is_junk(m, g):
            continue
        forms = dropped_name_forms(m, g)
        if forms is not None:
            blocked |= forms
            continue
        national_prefix(m, g)
        kept.append(m)
    return [m for m in kept if fold(m.text) not in blocked]
