"""Group mentions into entities: one group per real-world thing in a brief.

Mentions meet when their normalised forms are equal or the gazetteer maps them to
one place (US, U.S., America, Washington-as-government). Then shorter forms join
the longer names they abbreviate: surnames and first names join the full name
mentioned nearest before them, acronyms join the name they are defined for or
whose initials they spell, and a bare "Commission" joins the one "European
Commission" of the brief.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer, Place
from extract.mentions import Mention
from extract.names import fold, initials, is_acronym, normalise_name

# Preference when NER labels tie.
_TYPE_ORDER = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")


@dataclass
class Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    type: str = ""
    short_form_of: str | None = None  # canonical name a known short form stands for (Fed)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def forms(self) -> list[str]:
        seen, out = set(), []
        for m in sorted(self.mentions, key=lambda m: m.start):
            for f in (m.text, *m.alt_forms()):
                if f not in seen:
                    seen.add(f)
                    out.append(f)
        return out

    def longest(self) -> str:
        forms = [f for f in self.forms() if not is_acronym(f)] or self.forms()
        return max(forms, key=lambda f: (len(f.split()), len(f)))

    def is_acronym_only(self) -> bool:
        return all(is_acronym(f) for f in self.forms())

    def absorb(self, other: "Group") -> None:
        self.mentions.extend(other.mentions)
        self.place = self.place or other.place
        self.short_form_of = self.short_form_of or other.short_form_of


def vote_type(group: Group) -> str:
    """The group's type: the gazetteer's if it knows the name, else NER's labels by weight.

    Mentions of the longest form weigh double: spaCy types full names more
    reliably than bare surnames."""
    if group.place:
        return group.place.type
    longest_words = max(len(m.text.split()) for m in group.mentions)
    votes: Counter[str] = Counter()
    for m in group.mentions:
        if m.origin in ("propagated",):
            continue
        votes[m.label] += 2 if len(m.text.split()) == longest_words else 1
    if not votes:
        return group.mentions[0].label
    best = max(votes.values())
    return next(t for t in _TYPE_ORDER if votes.get(t) == best)


def group_mentions(mentions: list[Mention], g: Gazetteer) -> list[Group]:
    """Exact grouping: same normalised form, or the same gazetteer place."""
    groups: dict[str, Group] = {}
    for m in mentions:
        if m.place is not None:
            key, place, short = "place:" + m.place.name, m.place, None
        elif m.text in g.org_short_forms:
            short = g.org_short_forms[m.text]
            key, place = normalise_name(short), None
        else:
            key, place, short = m.key(), None, None
        grp = groups.setdefault(key, Group(key))
        grp.mentions.append(m)
        grp.place = grp.place or place
        grp.short_form_of = grp.short_form_of or short
    out = list(groups.values())
    for grp in out:
        grp.type = vote_type(grp)
    return out


class _Merger:
    """Union of groups, keeping the list order by first mention."""

    def __init__(self, groups: list[Group]):
        self.groups = sorted(groups, key=lambda x: x.first)

    def merge(self, keep: Group, gone: Group) -> None:
        if keep is gone:
            return
        keep.absorb(gone)
        self.groups = [x for x in self.groups if x is not gone]

    def owner(self, m: Mention) -> Group | None:
        return next((x for x in self.groups if any(y is m for y in x.mentions)), None)


def _words(form: str) -> list[str]:
    return [fold(w) for w in re.split(r"\s+", form.strip()) if w]


def _contains(long: list[str], short: list[str]) -> int:
    """Index where `short` occurs as a run of words in `long`, or -1."""
    for i in range(len(long) - len(short) + 1):
        if long[i:i + len(short)] == short:
            return i
    return -1


def link_acronyms(mg: _Merger, text: str, g: Gazetteer) -> None:
    """`Central Military Commission (CMC)` and `NATO (North Atlantic Treaty Organization)`,
    then acronyms whose letters spell exactly one longer name of the brief."""
    mentions = sorted((m for grp in mg.groups for m in grp.mentions), key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start]
        if not re.fullmatch(r"\s*\(\s*", between) or not text[b.end:b.end + 3].lstrip().startswith(")"):
            continue
        if is_acronym(b.text) and not is_acronym(a.text) or is_acronym(a.text) and not is_acronym(b.text):
            ga, gb = mg.owner(a), mg.owner(b)
            if ga and gb and ga is not gb and not (ga.place and gb.place):
                long_g, short_g = (ga, gb) if is_acronym(b.text) else (gb, ga)
                mg.merge(long_g, short_g)
    for grp in list(mg.groups):
        if grp not in mg.groups or grp.place or not grp.is_acronym_only() or grp.type == "PERSON":
            continue
        letters = {re.sub(r"[^A-Za-z0-9]", "", f).upper() for f in grp.forms()}
        hits = [o for o in mg.groups if o is not grp and o.type != "PERSON" and not o.place
                and any(letters & initials(f) for f in o.forms() if len(f.split()) > 1)]
        if len(hits) == 1:
            mg.merge(hits[0], grp)


def _nearest_before(candidates: list[Group], grp: Group) -> Group:
    """The candidate mentioned last before the group's first mention (else the first one)."""
    start = grp.first
    before = [(max(m.start for m in c.mentions if m.start < start), c) for c in candidates
              if any(m.start < start for m in c.mentions)]
    if before:
        return max(before, key=lambda t: t[0])[1]
    return min(candidates, key=lambda c: c.first)


def link_partial_names(mg: _Merger, g: Gazetteer) -> None:
    """Surnames, first names and other parts of a person's full name join that person;
    when two people share the part (two Silvas), the nearer earlier one wins.
    Parts of an organisation's name ("Commission", "Supreme Court") join it when only one fits."""
    for grp in sorted(mg.groups, key=lambda x: len(x.longest().split())):
        if grp not in mg.groups or grp.place or grp.short_form_of:
            continue
        short = _words(grp.longest())
        if not short or all(is_acronym(f) for f in grp.forms()):
            continue
        persons, orgs, places = [], [], []
        for other in mg.groups:
            if other is grp or other.place:
                continue
            long = _words(other.longest())
            if len(long) <= len(short) or _contains(long, short) < 0:
                continue
            if other.type == "PERSON":
                persons.append(other)
            elif other.type in ("ORG", "FAC", "LOC", "EVENT"):
                orgs.append(other)
            elif other.type == "GPE" and grp.type == "GPE":
                places.append(other)
        if persons and grp.type in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            mg.merge(_nearest_before(persons, grp), grp)
        elif orgs and grp.type != "GPE" and (len(orgs) == 1 or grp.type != "PERSON"):
            mg.merge(_nearest_before(orgs, grp) if len(orgs) > 1 else orgs[0], grp)
        elif len(places) == 1:
            long = _words(places[0].longest())
            extra = [w for w in long if w not in short]
            if extra and all(w in {fold(h) for h in g.gpe_heads} | {"state", "of"} for w in extra):
                mg.merge(places[0], grp)  # Donetsk -> Donetsk Oblast, Texas -> State of Texas


def link(mentions: list[Mention], text: str, g: Gazetteer) -> list[Group]:
    mg = _Merger(group_mentions(mentions, g))
    link_acronyms(mg, text, g)
    link_partial_names(mg, g)
    for grp in mg.groups:
        grp.type = vote_type(grp)
    return mg.groups
