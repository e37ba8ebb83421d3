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
from extract.entities.mention import Mention
from extract.names import fold, initials, is_acronym
from extract.namekey import name_key

_DIRECTIONS = {"north", "south", "east", "west"}
_COMPASS = _DIRECTIONS | {"northern", "southern", "eastern", "western", "central", "new", "greater", "upper", "lower"}
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
    """The group's type: the gazetteer's if it knows the name, else NER's labels.

    When the group has a multi-word form, the labels of that form's mentions
    decide: spaCy types full names more reliably than bare surnames ("Lagarde"
    turns up as a place, "Christine Lagarde" as a person)."""
    if group.place:
        return group.place.type
    counted = [m for m in group.mentions if m.origin != "propagated"] or group.mentions
    longest_words = max(len(m.text.split()) for m in counted)
    if longest_words > 1:
        counted = [m for m in counted if len(m.text.split()) == longest_words]
    votes = Counter(m.label for m in counted)
    best = max(votes.values())
    return next((t for t in _TYPE_ORDER if votes.get(t) == best), counted[0].label)


def group_mentions(mentions: list[Mention], g: Gazetteer) -> list[Group]:
    """Exact grouping: same normalised form, or the same gazetteer place."""
    groups: dict[str, Group] = {}
    # Place groups first, so a bare "North" joins North Korea once "North" is seen as its form.
    place_forms: dict[str, str] = {}
    for m in mentions:
        if m.place is not None:
            place_forms.setdefault(m.key(), "place:" + m.place.name)
    for m in mentions:
        if m.place is not None:
            key, place, short = "place:" + m.place.name, m.place, None
        elif m.text in g.org_short_forms:
            short = g.org_short_forms[m.text]
            key, place = name_key(short), None
        else:
            key, place, short = place_forms.get(m.key(), m.key()), None, None
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
        if keep is gone or _different_people(keep, gone):
            return
        keep.absorb(gone)
        self.groups = [x for x in self.groups if x is not gone]

    def owner(self, m: Mention) -> Group | None:
        return next((x for x in self.groups if any(y is m for y in x.mentions)), None)


def _full_names(grp: Group) -> list[list[str]]:
    return [_words(f) for f in grp.forms() if len(f.split()) > 1 and not is_acronym(f)]


def _different_people(a: Group, b: Group) -> bool:
    """Two people each named in full, neither name a part of the other ("Jane Doe" and
    "John Roe"), are never one entity, whatever a later rule finds between them."""
    if a.type != "PERSON" or b.type != "PERSON":
        return False
    names_a, names_b = _full_names(a), _full_names(b)
    if not names_a or not names_b:
        return False
    return not any(x[-1] == y[-1] or _contains(x, y) >= 0 or _contains(y, x) >= 0
                   for x in names_a for y in names_b)


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
            if _dateline_credit(a, b):
                continue
            # "Sen. Jane Roe (S.C.)": the state a lawmaker is from, not an acronym of the name
            person_and_place = ga is not None and gb is not None and {ga.type, gb.type} & {"PERSON"} and bool(
                ga.place or gb.place or {ga.type, gb.type} & {"GPE", "LOC"})
            if ga and gb and ga is not gb and not (ga.place and gb.place) and not person_and_place:
                long_g, short_g = (ga, gb) if is_acronym(b.text) else (gb, ga)
                mg.merge(long_g, short_g)
    for grp in list(mg.groups):
        if grp not in mg.groups or grp.place or not grp.is_acronym_only() or grp.type == "PERSON":
            continue
        if any("+" in f for f in grp.forms()):
            continue  # "OPEC+" is OPEC and its partners: never the body's long name
        letters = {re.sub(r"[^A-Za-z0-9]", "", f).upper() for f in grp.forms()}
        hits = [o for o in mg.groups if o is not grp and o.type != "PERSON" and not o.place
                and any(letters & initials(f) for f in o.forms() if len(f.split()) > 1)]
        if len(hits) == 1:
            mg.merge(hits[0], grp)


def _dateline_credit(a: Mention, b: Mention) -> bool:
    """'WASHINGTON (AP)', 'Cleveland (AFP)': a news agency credited after a place or
    another one-word name, not its acronym (which would start with the name's first letter)."""
    place, acronym = (a, b) if is_acronym(b.text) else (b, a)
    one_word = " " not in place.text.strip()
    return (one_word or place.place is not None) and acronym.text[:1].upper() != place.text[:1].upper()


def _nearest_before(candidates: list[Group], grp: Group) -> Group:
    """The candidate mentioned last before the group's first mention (else the first one)."""
    start = grp.first
    before = [(max(m.start for m in c.mentions if m.start < start), c) for c in candidates
              if any(m.start < start for m in c.mentions)]
    if before:
        return max(before, key=lambda t: t[0])[1]
    return min(candidates, key=lambda c: c.first)


def _skips_initials(long: list[str], short: list[str]) -> bool:
    """'George Bush' of 'George W. Bush': the same first and last name, only middle
    initials left out."""
    if len(short) < 2 or long[0] != short[0] or long[-1] != short[-1]:
        return False
    middle = long[1:-1]
    kept = short[1:-1]
    return kept == [w for w in middle if w in kept] and all(
        len(w.strip(".")) <= 2 for w in middle if w not in kept)


def _is_part_of_org(short: list[str], long: list[str], g: Gazetteer) -> bool:
    """Whether a short form can stand for a longer organisation name: its head
    ("Commission" of "European Commission"), a side of "X of Y" ("Church",
    "Scientology" of "Church of Scientology"), or its core before a corporate
    suffix ("CBC" of "CBC News"). "Google" is not "Google Science Fair"."""
    n = len(short)
    if long and long[0] == "the":
        long = long[1:]
    if short == ["house"]:
        return False  # "the House" is the chamber, never the White House or a company's House
    if long[0] in _COMPASS and long[1:] == short:
        return False  # East Los Angeles is a place of its own
    if long[-n:] == short:
        return True
    if "of" in long:
        i = long.index("of")
        left, right = long[:i], [w for w in long[i + 1:] if w != "the"]
        if short in (left, right):
            return True
    if long[:n] == short and all(w in g.org_suffixes or w in g.terrain_words for w in long[n:]):
        return True
    return False


def link_partial_names(mg: _Merger, g: Gazetteer) -> None:
    """Surnames, first names and other parts of a person's full name join that person;
    when two people share the part (two Silvas), the nearer earlier one wins.
    Parts of an organisation's or a place's name join it ("Commission", "Channel")."""
    # Each group's longest form, as words, computed once: a merge only adds a shorter form.
    words_of = {id(x): _words(x.longest()) for x in mg.groups}
    for grp in sorted(mg.groups, key=lambda x: len(words_of[id(x)])):
        if not any(x is grp for x in mg.groups) or grp.place or grp.short_form_of:  # merged away
            continue
        short = words_of[id(grp)]
        acronym = all(is_acronym(f) for f in grp.forms())
        if not short:
            continue
        persons, orgs, places = [], [], []
        for other in mg.groups:
            if other is grp or other.place and other.place.kind != "region":
                continue
            long = words_of[id(other)]
            if len(long) <= len(short) or _contains(long, short) < 0 and not _skips_initials(long, short):
                continue
            if other.type == "PERSON" and not acronym:
                persons.append(other)
            elif other.type in ("ORG", "FAC", "LOC", "EVENT") and _is_part_of_org(short, long, g):
                orgs.append(other)
            elif other.type == "GPE" and grp.type == "GPE":
                places.append(other)
        keep = None
        if persons and grp.type in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            keep = _nearest_before(persons, grp)
        elif orgs and (grp.type != "GPE" or all(o.type in ("LOC", "FAC") for o in orgs)):
            keep = _nearest_before(orgs, grp)
        elif len(places) == 1:
            extra = [w for w in words_of[id(places[0])] if w not in short]
            if extra and all(w in {fold(h) for h in g.gpe_heads} | {"state", "of"} for w in extra):
                keep = places[0]  # Donetsk -> Donetsk Oblast, Texas -> State of Texas
        if keep is not None:
            mg.merge(keep, grp)
            words_of[id(keep)] = _words(keep.longest())




_SAYS_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:said|says|told|added|argued|explained|wrote|asked|replied)\b")


def surnames_that_are_places(mg: _Merger, text: str) -> None:
    """'Rep. Steve Israel ... Israel said': a place name that is the surname of a person the
    brief names in full, and that speaks, is that person there, not the place."""
    surnames = {_words(p.longest())[-1] for p in mg.groups
                if p.type == "PERSON" and not p.place and len(p.longest().split()) > 1}
    for grp in list(mg.groups):
        if not grp.place:
            continue
        speaking = [m for m in grp.mentions if fold(m.text) in surnames and _SAYS_AFTER.match(text, m.end)]
        if not speaking:
            continue
        for m in speaking:
            m.place, m.label = None, "PERSON"
        person = Group(speaking[0].key(), speaking, type="PERSON")
        grp.mentions = [m for m in grp.mentions if m not in speaking]
        if not grp.mentions:
            mg.groups.remove(grp)
        mg.groups.append(person)
    mg.groups.sort(key=lambda x: x.first)


def link_directions(mg: _Merger) -> None:
    """'The South retaliated' in a brief about South Korea: a bare compass word is the one
    place of the brief whose name starts with it."""
    for grp in list(mg.groups):
        forms = {fold(f) for f in grp.forms()}
        if grp.place or len(forms) != 1 or not forms <= _DIRECTIONS:
            continue
        word = next(iter(forms))
        hits = [o for o in mg.groups if o.place and o.type == "GPE" and fold(o.place.name).split()[0] == word
                and len(o.place.name.split()) > 1]
        if len(hits) == 1:
            mg.merge(hits[0], grp)


def drop_family_plurals(mg: _Merger) -> None:
    """'the Sams' is a family, not a new entity: a one-word plural of a person's surname goes."""
    surnames = {_words(p.longest())[-1] for p in mg.groups if p.type == "PERSON" and len(p.longest().split()) > 1}
    for grp in list(mg.groups):
        forms = grp.forms()
        if all(" " not in f and f.endswith("s") and fold(f[:-1]) in surnames for f in forms):
            mg.groups.remove(grp)


def link(mentions: list[Mention], text: str, g: Gazetteer, retype=None) -> list[Group]:
    """Group the mentions of a brief. `retype(group) -> type` corrects NER's type from the
    name and its context; it runs before partial names are linked (so a person NER called
    an organisation still collects their surname) and again after all merges."""
    retype = retype or (lambda grp: grp.type)
    mg = _Merger(group_mentions(mentions, g))
    link_acronyms(mg, text, g)
    for grp in mg.groups:
        grp.type = retype(grp)
    surnames_that_are_places(mg, text)
    link_partial_names(mg, g)
    link_directions(mg)
    drop_family_plurals(mg)
    for grp in mg.groups:
        grp.type = vote_type(grp)
        grp.type = retype(grp)
    return mg.groups
