"""Which named things are people, whatever type the tagger gave them, as the speaker rules see them.

The small English model often types a person's name as an organisation, a place or a
nationality (`Carly Fiorina` ORG, `Nefzi` GPE, `Smbatyan` NORP). The pronoun and namesake
rules only look at people, so such a speaker is skipped and `she said` goes to the wrong
person. Repairs, on copies (the brief's entity list stays as the entity layer made it):

* a non-person entity named like a person (a first name the birth records know, then one
  or two capitalised words, none of them a word that heads a body's or a place's name) is
  a person; a place's type needs the surname used alone too (`Beverly Bond … Bond said`); it takes back the bare-surname mentions the entity layer filed under a
  namesake it named later (`Carly Fiorina … her husband, Frank Fiorina … Fiorina said`);
* a one-word name no gazetteer knows that is the subject of a speech verb (`Nefzi said`) is
  a person;
* a one-word person (or speaking mistyped name) the text introduced earlier by a full name
  the tagger missed (`Greta Wozniak, a lobbyist … Ms. Wozniak said`) is named in full;
* a mention whose text is the surname of a person named in full, standing as a name (a
  subject or object, not a modifier as in `Cuban exiles`), is that person, and so is such
  a surname no entity covers.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from extract.entities.mention import text_of
from extract.entities.mention_rules import stop_words
from extract.gazetteer import gazetteer
from extract.model import Entity
from extract.names import fold
from extract.statements.gender import first_name_gender
from extract.statements.grammar import subject_of
from extract.statements.lexicon import lexicon

# types a person's name is mistaken for
_MISTYPED = {"ORG", "NORP", "PRODUCT", "GPE", "WORK_OF_ART", "FAC", "LOC"}
# whose multi-word names are too often places named after someone (`Virginia Beach`)
_PLACE_TYPES = {"GPE", "FAC", "LOC"}
# a capitalised word (and an initial) before another: a first name and a surname, overlapping
# (`Mary Ann Lee` gives `Mary Ann` and `Ann Lee`)
_FIRST_AND_LAST = re.compile(r"(?<![\w’'.-])(?=([A-Z][a-z’'-]+ (?:[A-Z]\. )?([A-Z][\w’'-]*))(?![\w’'-]))")
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+\.?$|^[A-Z]\.$")
# dependency labels of a word used as a name of its own, not as a modifier of another noun
_NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "ROOT", "npadvmod", "dep"}


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    """Folded words that make a name a body's, a place's or a thing's (`Bank`, `Motors`, `Act`)."""
    g = gazetteer()
    heads = (g.org_heads | g.fac_heads | g.gpe_heads | g.loc_heads | g.product_heads | g.event_heads
             | g.law_heads | g.generic_org_words)
    return frozenset(fold(w) for w in heads) | g.org_suffixes


def looks_like_person(name: str) -> bool:
    """`Carly Fiorina`, `Roman A. Smbatyan`: a known first name, then capitalised name words."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if any(fold(w) in _name_heads() for w in words):
        return False
    return first_name_gender(name) is not None


def as_people(doc, entities: list[Entity]) -> list[Entity]:
    """The entities with mistyped people made people and stray surname mentions given back."""
    text = text_of(doc)
    speakers = _speech_subject_starts(doc)
    promoted = [_promoted(e, text, speakers) for e in entities]
    fixed = _hand_back_surnames(text, promoted, [p for p, e in zip(promoted, entities) if p is not e])
    return _surname_mentions_to_people(doc, text, _full_names_found(text, fixed, speakers))


def _full_names_found(text: str, entities: list[Entity], speakers: set[int]) -> list[Entity]:
    """The one-word entities named in full where the text wrote a first name before them."""
    # surnames of people named in full are left to the namesake rules
    known = {e.name.split()[-1] for e in entities if e.type == "PERSON" and " " in e.name}
    pairs: dict[str, list[re.Match]] | None = None  # listed once, on first need: one pass over the text
    out = []
    for e in entities:
        if e.name not in known and " " not in e.name and e.spans:
            if pairs is None:
                pairs = {}
                for m in _FIRST_AND_LAST.finditer(text):
                    pairs.setdefault(m.group(2), []).append(m)
            e = _named_in_full(e, pairs.get(e.name, []), speakers)
        out.append(e)
    return out


def _named_in_full(e: Entity, pairs: list[re.Match], speakers: set[int]) -> Entity:
    """A one-word person whose full name the tagger missed where the text introduced them
    (`Greta Wozniak, a lobbyist, …` then `Ms. Wozniak said`): named in full."""
    # a speaking body's name (`Twitter said`) is left alone, as `_promoted` leaves it
    speaks = e.type in _MISTYPED and e.type != "ORG" and any(s in speakers for s, _ in e.spans)
    if not (e.type == "PERSON" or speaks):
        return e
    first = min(s for s, _ in e.spans)
    for m in pairs:  # in text order: only those before the first mention introduce the person
        if m.start() >= first:
            break
        full = m.group(1)
        # `Prince`, `Judge` are titles, and `Will Foxx run?` opens a question: no first names
        word = full.split()[0].casefold()
        if word not in lexicon().titles and word not in stop_words() and looks_like_person(full):
            return dataclasses.replace(e, name=full, type="PERSON",
                                       spans=sorted(e.spans + [(m.start(), m.start() + len(full))]))
    return e


def _promoted(e: Entity, text: str, speakers: set[int]) -> Entity:
    if e.type not in _MISTYPED:
        return e
    if looks_like_person(e.name) and (e.type not in _PLACE_TYPES or _surname_alone(e.name, text)):
        return dataclasses.replace(e, type="PERSON")
    if " " not in e.name and e.type != "ORG" and gazetteer().place(e.name) is None \
            and any(s in speakers for s, _ in e.spans):
        return dataclasses.replace(e, type="PERSON")  # `Nefzi said`: nobody's place
    return e


def _surname_alone(name: str, text: str) -> bool:
    """`Beverly Bond … introduce Bond`: people are called by their surname alone, places
    named after someone (`Virginia Beach`) are not."""
    first, surname = name.split()[0], name.split()[-1]
    alone = re.finditer(rf"(?<![\w’'.-])(\w+[ \t]+)?{re.escape(surname)}(?![\w’'-])", text)
    return any(m.group(1) is None or m.group(1).strip() != first for m in alone)


def _speech_subject_starts(doc) -> set[int]:
    lex = lexicon()
    out = set()
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.casefold() in lex.speech:
            subj = subject_of(tok)
            if subj is not None:
                out.add(subj.idx)
    return out


def _hand_back_surnames(text: str, entities: list[Entity], promoted: list[Entity]) -> list[Entity]:
    """A promoted person named before a namesake takes the bare surnames filed under it."""
    out = list(entities)
    for p in promoted:
        if p.type != "PERSON" or not p.spans:
            continue
        surname = p.name.split()[-1]
        first = min(s for s, _ in p.spans)
        for i, q in enumerate(out):
            if q is p or q.type != "PERSON" or q.name.split()[-1] != surname or len(q.name.split()) < 2:
                continue
            full = [s for s, t in q.spans if text[s:t] != surname]
            if full and min(full) > first:
                bare = [(s, t) for s, t in q.spans if text[s:t] == surname]
                out[i] = dataclasses.replace(q, spans=[sp for sp in q.spans if sp not in bare])
                k = out.index(p)
                out[k] = p = dataclasses.replace(p, spans=sorted(p.spans + bare))
    return out


def _surname_mentions_to_people(doc, text: str, entities: list[Entity]) -> list[Entity]:
    surnames: dict[str, Entity] = {}
    for e in entities:
        words = e.name.split()
        if e.type == "PERSON" and len(words) >= 2:
            surnames.setdefault(words[-1].casefold(), e)
    if not surnames:
        return entities
    moved: dict[int, list[tuple[int, int]]] = {}
    out = []
    for e in entities:
        if e.type == "PERSON":
            out.append(e)
            continue
        keep = []
        for s, t in e.spans:
            owner = surnames.get(text[s:t].casefold()) if _stands_as_name(doc, s, t) else None
            if owner is None:
                keep.append((s, t))
            else:
                moved.setdefault(id(owner), []).append((s, t))
        out.append(e if len(keep) == len(e.spans) else dataclasses.replace(e, spans=keep))
    covered = {s for e in entities for s, _ in e.spans}
    for tok in doc:  # `Sanders appeared …`: a surname the entity layer left unfiled
        owner = surnames.get(tok.lower_) if tok.idx not in covered else None
        if owner is not None and _stands_as_name(doc, tok.idx, tok.idx + len(tok)):
            moved.setdefault(id(owner), []).append((tok.idx, tok.idx + len(tok)))
    return [dataclasses.replace(e, spans=sorted(e.spans + moved[id(e)])) if id(e) in moved else e
            for e in out]


def _stands_as_name(doc, start: int, end: int) -> bool:
    """One capitalised proper-noun word used as a noun phrase of its own."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.dep_ in _NAME_DEPS
