"""Canonical entities of a brief from the spaCy parse.

find_entities(doc, layout) runs the entity layers in order:
  mentions.collect_mentions  NER spans, repaired (repairs.py), plus finders.py
  places.resolve_capitals    Beijing the government vs Beijing the city
  mention_rules.refine       titles peeled, junk, laws and products dropped
  linking.link               mentions grouped: aliases, surnames, acronyms
  kinds                      types from name heads and context
  here                       which groups stay (headline-only names go)
  propagation.propagate      every further mention of a known form (spans)
  roles.find_role            the first title the text gives each person

Contract with statements: each Entity's `spans` lists every mention of it in
doc.text, including alias, surname, acronym and metonym mentions and those in
the headline.
"""
from __future__ import annotations

import re

from extract.gazetteer import Gazetteer, gazetteer
from extract.entities.kinds import common_opener, context_type, head_type
from extract.entities.linking import Group, link
from extract.entities.mention import text_of
from extract.entities.mention_rules import refine
from extract.entities.mentions import collect_mentions
from extract.model import ENTITY_TYPES, Entity
from extract.entities.places import resolve_capitals
from extract.names import fold
from extract.entities.propagation import propagate
from extract.entities.roles import find_role

_COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def keep_group(grp: Group, layout, common_words: frozenset[str], g: Gazetteer, text: str) -> bool:
    """Whether a group is a named entity of the brief."""
    if grp.type not in ENTITY_TYPES:
        return False
    if layout.title_case and all(m.in_title for m in grp.mentions):
        return False  # a headline name counts only when the body confirms it
    if common_opener(grp, common_words):
        return False
    forms = grp.forms()
    if not grp.place and all(fold(f) in _COMPASS_WORDS for f in forms):
        return False  # a bare "the North" that no place of the brief explains
    if grp.type == "ORG" and all(f in g.generic_org_words for f in forms):
        return False  # a bare "the Administration" that no full name in the brief explains
    if grp.type != "PERSON" and not grp.place and _names_a_product(grp, text, g):
        return False
    return True


def _names_a_product(grp: Group, text: str, g: Gazetteer) -> bool:
    """'the NEMISIS database', 'the Orion spacecraft': a name followed by a product noun
    is a product, unless the brief also treats it as a company ("Nvidia's shares")."""
    product = company = False
    for m in grp.mentions:
        after = re.match(r"(?:['’]s)?\s+([\w-]+)", text[m.end:m.end + 30])
        if not after:
            continue
        word = after.group(1)
        product |= word in g.product_nouns
        company |= word.lower() in g.company_cues
    return product and not company


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t")
    return not before or before[-1] in "\n.!?\"“‘'"


def _tagged_as_name(doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is None or not len(span) or span[0].pos_ == "PROPN"


def drop_opening_words(groups: list[Group], common_words: frozenset[str], text: str, doc) -> list[Group]:
    """'Top Clinton adviser sent ...' opening a headline or sentence: a common word
    capitalised before the surname of a person the brief names in full is not part
    of a name (unless the tagger reads it as a name: "Bill Clinton" beside Hillary
    Clinton keeps "Bill"); the mention is that person's surname."""
    people = {}
    for p in groups:
        words = p.longest().split()
        if p.type == "PERSON" and len(words) > 1:
            people.setdefault(fold(words[-1]), []).append(p)
    kept = []
    for grp in groups:
        forms = grp.forms()
        pair = forms[0].split() if forms else []
        owners = [p for p in people.get(fold(pair[-1]), []) if p is not grp] if len(pair) == 2 else []
        if (grp.type == "PERSON" and len(owners) == 1
                and all(len(f.split()) == 2 for f in forms) and pair[0].lower() in common_words
                and all(_opens_sentence(text, m.start) and not _tagged_as_name(doc, m.start)
                        for m in grp.mentions)):
            for m in grp.mentions:
                m.start = m.end - len(m.text.split()[-1])
                m.text = text[m.start:m.end]
            owners[0].absorb(grp)
            continue
        kept.append(grp)
    return kept


def places_named_in_longer_names(groups: list[Group], common_words: frozenset[str]) -> None:
    """'Sandy Hook' beside 'Sandy Hook Elementary School': a "person" whose two names are
    both English words and who begins the name of a school, a company or a building of the
    brief is the place it is named after ("a first name and a surname" is a guess NER makes
    for any two capitalised words)."""
    longer = [fold(f) for grp in groups if grp.type in ("ORG", "FAC", "GPE", "LOC") for f in grp.forms()]
    for grp in groups:
        name = grp.longest()
        words = fold(name).split()
        if grp.type != "PERSON" or len(words) != 2 or not all(w in common_words for w in words):
            continue
        if any(f.startswith(fold(name) + " ") for f in longer):
            grp.type = "GPE"


def canonical_name(grp: Group) -> str:
    if grp.place:
        return grp.place.name
    longest = grp.longest()
    if grp.short_form_of and len(grp.short_form_of) > len(longest):
        return grp.short_form_of
    return longest


def aliases_of(grp: Group, name: str) -> list[str]:
    """Other surface forms, leaving out case-only variants and the name itself."""
    seen = {name.casefold()}
    out = []
    for f in grp.forms():
        if f.casefold() in seen or "\n" in f:
            continue
        seen.add(f.casefold())
        out.append(f)
    return out


def find_entities(doc, layout, common_words: frozenset[str] = frozenset()) -> list[Entity]:
    """Entities of one brief. `common_words` (lower case English words) lets lone capitalised
    sentence openers like "Turnout" be recognised; without it that rule is off."""
    g = gazetteer()
    text = text_of(doc)
    mentions = collect_mentions(doc, layout, g, common_words)
    resolve_capitals(doc, mentions, g)
    mentions = refine(mentions, text, g, doc, common_words)
    spans_now = [m.span for m in mentions]

    def retype(grp: Group) -> str:
        grp.type = head_type(grp, g)
        return context_type(grp, doc, g, spans_now)

    groups = link(mentions, text, g, retype)
    groups = [grp for grp in groups if keep_group(grp, layout, common_words, g, text)]
    groups = drop_opening_words(groups, common_words, text, doc)
    places_named_in_longer_names(groups, common_words)
    propagate(groups, doc, layout, g, common_words)

    name_spans = [m.span for grp in groups if grp.type != "PERSON" for m in grp.mentions]
    person_spans = [m.span for grp in groups if grp.type == "PERSON" for m in grp.mentions]
    title_skip = layout.title_span if layout.title_case else (0, 0)
    entities = []
    for grp in sorted(groups, key=lambda x: x.first):
        name = canonical_name(grp)
        spans = sorted({m.span for m in grp.mentions})
        role = (find_role(doc, spans, g, name_spans, title_skip, person_spans)
                if grp.type == "PERSON" else None)
        entities.append(Entity(name=name, type=grp.type, aliases=aliases_of(grp, name), role=role,
                               mentions=len(spans), spans=spans))
    return entities
