"""Gazetteer and word lists for entities, read once from extract/data/*.json.

Facts live in the JSON files (countries and their other names, capitals,
demonyms, regions, title words); this module only indexes them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from extract.names import fold

_DATA = Path(__file__).with_name("data")


def load_data(name: str) -> dict:
    """One of the JSON files in extract/data/."""
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Place:
    """What a surface form names in the gazetteer."""

    name: str  # canonical entity name, e.g. "United States"
    type: str  # GPE, ORG (European Union), LOC or NORP
    kind: str  # "country", "capital", "always" (a seat of government), "demonym", "region", "group"


@dataclass(frozen=True)
class Gazetteer:
    forms: dict[str, Place]  # exact surface form -> place (case-sensitive; news capitalises these)
    capitals: dict[str, str]  # capital -> country it can stand for
    org_short_forms: dict[str, str]  # Fed -> Federal Reserve
    org_heads: frozenset[str]
    fac_heads: frozenset[str]
    loc_heads: frozenset[str]
    gpe_heads: frozenset[str]
    event_heads: frozenset[str]
    law_heads: frozenset[str]
    product_heads: frozenset[str]
    product_nouns: frozenset[str]  # "the NEMISIS database": what follows a product's name
    org_nouns: frozenset[str]  # "pollster Medián": what precedes an organisation's name
    group_nouns: frozenset[str]  # "rival X", "party X": an organisation unless X is a person
    terrain_words: frozenset[str]
    generic_org_words: frozenset[str]
    product_prefixes: tuple[str, ...]
    product_names: frozenset[str]  # folded: software and devices ("Firefox", "Windows XP"), not organisations
    platform_names: frozenset[str]  # online services and news outlets ("Twitter", "Yonhap"): organisations, never people or places
    regional_demonyms: frozenset[str]  # "Kentuckian Rand Paul": a state's or city's people before a name
    name_particles: frozenset[str]
    company_cues: frozenset[str]  # words after a name that show a company ("Nvidia's shares")
    org_suffixes: frozenset[str]  # folded: News, Group, Inc ... ("CBC" of "CBC News")
    not_entities: frozenset[str]  # folded forms that are never entities on their own
    pronouns: frozenset[str]
    person_nouns: frozenset[str]  # "actress Amandla Stenberg": what precedes a person's name
    page_words: frozenset[str]  # "Follow Breitbart": page furniture glued to a name
    title_heads: frozenset[str]  # folded
    title_heads_cased: frozenset[str]
    weak_fac_heads: frozenset[str]  # building words that do not overrule ORG (Center, Facility)
    title_modifiers: frozenset[str]  # folded
    kept_in_name: frozenset[str]  # folded
    honorifics: frozenset[str]  # folded
    post_nominals: frozenset[str]  # QC, MP, PhD: after a name, not part of it
    portfolio_words: frozenset[str]  # folded
    literal_nouns: frozenset[str]
    government_nouns: frozenset[str]
    literal_verbs: frozenset[str]
    locative_prepositions: frozenset[str]

    @cached_property
    def folded_forms(self) -> frozenset[str]:
        return frozenset(fold(f) for f in self.forms)

    def place(self, form: str) -> Place | None:
        """The gazetteer entry for a cleaned surface form (`U.S.`, `Beijing`, `Chinese`)."""
        hit = self.forms.get(form)
        if hit is None and form.startswith(("The ", "the ")):
            hit = self.forms.get(form[4:])
        return hit

    def is_title_word(self, word: str) -> bool:
        return fold(word) in self.title_heads

    def is_title_part(self, word: str) -> bool:
        f = fold(word)
        return f in self.title_heads or f in self.title_modifiers


def _folded(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    countries = load_data("countries.json")["countries"]
    places = load_data("places.json")
    words = load_data("entity_words.json")
    titles = load_data("titles.json")

    forms: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for c in countries:
        gtype = c.get("type", "GPE")
        for f in [c["name"], *c.get("variants", [])]:
            forms.setdefault(f, Place(c["name"], gtype, "country"))
        for f in c.get("always", []):
            forms.setdefault(f, Place(c["name"], gtype, "always"))
        for f in c.get("capitals", []):
            capitals[f] = c["name"]
        demonyms = c.get("demonyms", [])
        for f in demonyms:
            # One NORP per nation: Hungarian and Hungarians are the same group.
            forms.setdefault(f, Place(demonyms[0], "NORP", "demonym"))
    for r in places["regions"]:
        forms.setdefault(r, Place(r, "LOC", "region"))
    for name, variants in places["groups"].items():
        for f in variants:
            forms.setdefault(f, Place(name, "NORP", "group"))

    heads = set(titles["heads"])
    return Gazetteer(
        forms=forms,
        capitals=capitals,
        org_short_forms=dict(places["org_short_forms"]),
        org_heads=frozenset(words["org_heads"]),
        fac_heads=frozenset(words["fac_heads"]),
        loc_heads=frozenset(words["loc_heads"]),
        gpe_heads=frozenset(words["gpe_heads"]),
        event_heads=frozenset(words["event_heads"]),
        law_heads=frozenset(words["law_heads"]),
        product_heads=frozenset(words["product_heads"]),
        product_nouns=frozenset(words["product_nouns"]),
        org_nouns=frozenset(words["org_nouns"]),
        group_nouns=frozenset(words["group_nouns"]),
        terrain_words=frozenset(words["terrain_words"]),
        generic_org_words=frozenset(words["generic_org_words"]),
        product_prefixes=tuple(words["product_prefixes"]),
        product_names=_folded(words["product_names"]),
        platform_names=frozenset(words["platform_names"]),
        regional_demonyms=frozenset(words["regional_demonyms"]),
        name_particles=frozenset(words["name_particles"]),
        company_cues=frozenset(words["company_cues"]),
        org_suffixes=_folded(words["org_suffixes"]),
        not_entities=_folded(words["not_entities"]),
        pronouns=_folded(words["pronouns"]),
        person_nouns=frozenset(words["person_nouns"]),
        page_words=frozenset(words["page_words"]),
        title_heads=_folded(heads),
        title_heads_cased=frozenset(heads),
        weak_fac_heads=frozenset(words["weak_fac_heads"]),
        title_modifiers=_folded(titles["modifiers"]),
        kept_in_name=_folded(titles["kept_in_name"]),
        honorifics=_folded(titles["honorifics"]),
        post_nominals=frozenset(titles["post_nominals"]),
        portfolio_words=_folded(titles["portfolio_words"]),
        literal_nouns=frozenset(places["literal_nouns"]),
        government_nouns=frozenset(places["government_nouns"]),
        literal_verbs=frozenset(places["literal_verbs"]),
        locative_prepositions=frozenset(places["locative_prepositions"]),
    )
