"""Canonical entities of a brief from the spaCy parse.

find_entities(doc, layout) runs the entity layers in order:
  mentions.collect_mentions  NER spans repaired and gazetteer finds
  places.resolve_capitals    Beijing the government vs Beijing the city
  mention_rules.refine       titles peeled, junk and laws dropped
  linking.link               mentions grouped: aliases, surnames, acronyms
  here                       type fixes by name heads, headline confirmation,
                             every further mention of a known form (spans), roles

Contract with statements: each Entity's `spans` lists every mention of it in
doc.text, including alias, surname, acronym and metonym mentions and those in
the headline.
"""
from __future__ import annotations

import re

from extract.gazetteer import Gazetteer, gazetteer
from extract.linking import Group, link
from extract.mention_rules import refine
from extract.mentions import Mention, collect_mentions, overlaps, sentence_initial
from extract.model import ENTITY_TYPES, Entity
from extract.names import fold, is_acronym
from extract.places import resolve_capitals
from extract.roles import find_role

_EVENT_CODE = re.compile(r"^(?:COP|G)\d{1,2}$")


def head_type(grp: Group, g: Gazetteer) -> str:
    """Types told by the name's last word (`... Dialogue` is an EVENT, `... Ministry` an ORG)."""
    if grp.place:
        return grp.place.type
    name = grp.longest()
    if _EVENT_CODE.match(name):
        return "EVENT"
    words = name.split()
    if len(words) < 2:
        return grp.type
    last = words[-1]
    for heads, kind in ((g.event_heads, "EVENT"), (g.org_heads, "ORG"), (g.fac_heads, "FAC"),
                        (g.loc_heads, "LOC"), (g.gpe_heads, "GPE")):
        if last in heads or " ".join(words[-2:]) in heads:
            return kind
    if words[0] in g.loc_heads and len(words) == 2 and grp.type != "PERSON":
        return "LOC"  # Mount Everest, Lake Geneva
    return grp.type


def _common_opener(grp: Group, common_words: frozenset[str]) -> bool:
    """A lone capitalised common word that only ever opens a sentence ("Turnout was high")."""
    if grp.place or grp.short_form_of:
        return False
    forms = grp.forms()
    if any(len(f.split()) > 1 or is_acronym(f) for f in forms):
        return False
    if not all("sent_start" in m.notes or m.in_title for m in grp.mentions):
        return False
    return all(fold(f) in common_words for f in forms)


def keep_group(grp: Group, layout, common_words: frozenset[str]) -> bool:
    if grp.type not in ENTITY_TYPES:
        return False
    if layout.title_case and all(m.in_title for m in grp.mentions):
        return False  # a headline name counts only when the body confirms it
    if _common_opener(grp, common_words):
        return False
    return True


def _occurrences(text: str, form: str, ignore_case: bool):
    flags = re.I if ignore_case else 0
    return re.finditer(rf"(?<![\w@#/]){re.escape(form)}(?![\w]|[.]\w)", text, flags)


def propagate(groups: list[Group], doc, layout, g: Gazetteer, common_words: frozenset[str]) -> None:
    """Every further occurrence of a known form is a mention too (NER misses repeats, and
    headline names are found only this way when the headline is Title Case)."""
    text = doc.text
    taken = [m.span for grp in groups for m in grp.mentions] + layout.skip_spans()
    # Longer forms first so "Pete Hegseth" is found before "Hegseth".
    candidates = sorted(((f, grp) for grp in groups for f in _forms_to_find(grp)),
                        key=lambda t: -len(t[0]))
    for form, grp in candidates:
        single = len(form.split()) == 1
        for ignore_case in (False, True):
            if ignore_case and (single or not layout.title_case):
                continue
            for hit in _occurrences(text, form, ignore_case):
                span = hit.span()
                in_title = overlaps(span, layout.title_span)
                if ignore_case and not in_title:
                    continue
                if any(overlaps(span, t) for t in taken):
                    continue
                if single and fold(form) in common_words:
                    if in_title and not (grp.place or len(grp.longest().split()) > 1):
                        continue
                    if not in_title and sentence_initial(doc, span[0]):
                        continue
                m = Mention(span[0], span[1], hit.group(), grp.type, "propagated", grp.place, in_title)
                grp.mentions.append(m)
                taken.append(span)


def _forms_to_find(grp: Group) -> list[str]:
    out = []
    for f in grp.forms():
        if len(f) < 2 or not re.search(r"[A-Z]", f):
            continue
        out.append(f)
    return out


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
    text = doc.text
    mentions = collect_mentions(doc, layout, g)
    resolve_capitals(doc, mentions, g)
    mentions = refine(mentions, text, g)
    groups = link(mentions, text, g)
    for grp in groups:
        grp.type = head_type(grp, g)
    groups = [grp for grp in groups if keep_group(grp, layout, common_words)]
    propagate(groups, doc, layout, g, common_words)

    name_spans = [m.span for grp in groups if grp.type != "PERSON" for m in grp.mentions]
    title_skip = layout.title_span if layout.title_case else (0, 0)
    entities = []
    for grp in sorted(groups, key=lambda x: x.first):
        name = canonical_name(grp)
        spans = sorted({m.span for m in grp.mentions})
        role = find_role(doc, spans, g, name_spans, title_skip) if grp.type == "PERSON" else None
        entities.append(Entity(name=name, type=grp.type, aliases=aliases_of(grp, name), role=role,
                               mentions=len(spans), spans=spans))
    return entities
