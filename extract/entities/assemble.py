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
from extract.entities.propagation import propagate
from extract.entities.roles import find_role


def keep_group(grp: Group, layout, common_words: frozenset[str], g: Gazetteer, text: str) -> bool:
    """Whether a group is a named entity of the brief."""
    if grp.type not in ENTITY_TYPES:
        return False
    if layout.title_case and all(m.in_title for m in grp.mentions):
        return False  # a headline name counts only when the body confirms it
    if common_opener(grp, common_words):
        return False
    forms = grp.forms()
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
    mentions = refine(mentions, text, g, doc)
    spans_now = [m.span for m in mentions]

    def retype(grp: Group) -> str:
        grp.type = head_type(grp, g)
        return context_type(grp, doc, g, spans_now)

    groups = link(mentions, text, g, retype)
    groups = [grp for grp in groups if keep_group(grp, layout, common_words, g, text)]
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
