"""The type of an entity: what its name's last word says, then what the words around it say.

spaCy's small model often calls a company a place ("Nvidia"), an unknown town an
organisation ("Herat"), and a building a person ("Steven F. Udvar-Hazy Center").
Names and contexts in English news correct most of this.
"""
from __future__ import annotations

import re

from extract.gazetteer import Gazetteer
from extract.entities.linking import Group
from extract.entities.mention import Mention, text_of
from extract.names import fold, is_acronym
from extract.entities.roles import title_after, title_before

_EVENT_CODE = re.compile(r"^(?:COP|G)\d{1,2}$")
_NUMBERED = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:I|II|III|IV|V|VI|VII|VIII|IX|X)$")


def head_type(grp: Group, g: Gazetteer) -> str:
    """Types told by the name's last word (`... Dialogue` is an EVENT, `... Ministry` an ORG)."""
    if grp.place:
        return grp.place.type
    name = grp.longest()
    if _EVENT_CODE.match(name):
        return "EVENT"
    words = name.split()
    if len(words) == 1 and name in g.org_heads and name not in g.title_heads_cased:
        return "ORG"  # "Congress", "Parliament", "Senate" alone
    if len(words) == 1 and name in g.loc_heads:
        return "LOC"  # "the Channel", "the Gulf"
    if len(words) < 2:
        return grp.type
    # "Launch Complex 39B", "Orbiter Processing Facility-1": the head is before the code.
    last = words[-1]
    if re.fullmatch(r"\d+[A-Z]?|[IVX]+", last):
        last = words[-2]
    last = re.sub(r"-\d+[A-Z]?$", "", last)
    if grp.type == "ORG" and last in g.weak_fac_heads and " ".join(words[-2:]) not in g.fac_heads:
        return grp.type
    for heads, kind in ((g.event_heads, "EVENT"), (g.org_heads, "ORG"), (g.fac_heads, "FAC"),
                        (g.loc_heads, "LOC"), (g.gpe_heads, "GPE")):
        if last in heads or " ".join(words[-2:]) in heads:
            return kind
    if words[0] in ("Mount", "Lake") and len(words) == 2 and grp.type != "PERSON":
        return "LOC"  # Mount Everest, Lake Geneva
    if grp.type in ("ORG", "GPE", "LOC") and _particle_name(words, g):
        return "PERSON"  # "Ludwig van Beethoven", "Osama bin Laden": a particle between given and family name
    return grp.type


def _particle_name(words: list[str], g: Gazetteer) -> bool:
    """First name, lower-case particles, family name: the shape of a person's name only
    ("Nouri al-Maliki" carries its particle on the family name)."""
    if (len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]+", words[0])
            and re.fullmatch(r"(?:al|el|bin|ibn|abu|Abu)-[A-Z][a-z]+", words[-1])
            and all(w in g.name_particles or w[:1].isupper() for w in words[1:-1])):
        return True
    inner = words[1:-1]
    return (len(words) >= 3 and bool(inner) and all(w in g.name_particles for w in inner)
            and all(re.fullmatch(r"[A-Z][a-z\w'’-]+", w) for w in (words[0], words[-1])))


def context_type(grp: Group, doc, g: Gazetteer, name_spans: list[tuple[int, int]]) -> str:
    """Types told by the words around the mentions, for names the gazetteer does not know:
    "Nvidia's shares" is a company, "a rally in Székesfehérvár" a place, "founder Dean
    Kamen" a person, and a person's name ending in "Center" is a building."""
    if grp.place:
        return grp.type
    text = text_of(doc)
    words = grp.longest().split()
    if grp.type in ("GPE", "NORP", "LOC") or grp.type == "PERSON" and len(words) == 1:
        for m in grp.mentions:
            after = re.match(r"(?:['’]s)?\s+([\w-]+(?:\s+[\w-]+)?)", text[m.end:m.end + 40])
            if after and (after.group(1).split()[0].lower() in g.company_cues
                          or after.group(1).lower() in g.company_cues):
                return "ORG"
    if grp.type in ("GPE", "PERSON", "NORP", "LOC") and len(words) <= 2:
        for m in grp.mentions:
            before = re.search(r"(?:^|\s)([a-z][\w-]*)\s+$", text[max(0, m.start - 30):m.start])
            noun = before.group(1) if before else ""
            if noun in g.org_nouns and not (grp.type == "PERSON" and len(words) > 1) \
                    or noun in g.group_nouns and grp.type != "PERSON":
                return "ORG"  # "pollster Medián", "chipmaker Nvidia", "rival AMD"
    if grp.type != "PERSON" and _NUMBERED.search(grp.longest()):
        return "EVENT"  # "Artemis II", "World War II": numbered missions, wars, councils
    if grp.type == "NORP" and any(_locative(doc, m) for m in grp.mentions):
        return "GPE"  # "a rally in Székesfehérvár": people are not a place one is in
    if grp.type == "ORG" and len(words) == 1 and not is_acronym(words[0]) and words[0] not in g.org_heads \
            and all(_locative(doc, m) for m in grp.mentions):
        return "GPE"  # "500 miles from Herat": an unknown one-word ORG that is only ever a place
    if grp.type == "PERSON" and any(_dateline_place(text, m) for m in grp.mentions):
        return "GPE"  # "JACKSON, Miss. -": the town a story is filed from, then "the Jackson courthouse"
    if grp.type == "PERSON" and len(words) == 1 and all(_locative(doc, m, person=True) for m in grp.mentions):
        return "GPE"  # "the town of Reichertshofen", "near Pfaffenhofen"
    if grp.type == "PERSON" and len(words) == 1 and any(
            re.search(r"(?<![\w])[Tt]he\s+$", text[max(0, m.start - 5):m.start])
            and not re.match(r"\s+[a-z]", text[m.end:m.end + 3]) for m in grp.mentions):
        return "LOC"  # "the Danube rose": people do not take "the"
    if grp.type == "PERSON" and len(words) == 1 and _platform_only(doc, grp):
        return "ORG"  # "posted on Twitter": something one posts on is not a person
    if grp.type == "PERSON" and len(words) > 1 and words[-1] in ("Center", "Centre"):
        return "FAC"
    if grp.type in ("ORG", "GPE") and _surname_speaks(grp, text, g):
        return "PERSON"  # "Sean Hannity" tagged as a company, then "Hannity said"
    if grp.type in ("ORG", "GPE") and len(words) > 1 and all(w[:1].isupper() for w in words) \
            and head_type(grp, g) == grp.type and words[-1] not in g.org_heads:
        first = min(grp.mentions, key=lambda m: m.start)
        if title_before(doc, first.start, g, name_spans):
            return "PERSON"
        if grp.type == "ORG" and len(words) == 2 and not any(fold(w) in g.org_suffixes for w in words) and any(
                _FOUNDER_BEFORE.search(text, max(0, m.start - 30), m.start) for m in grp.mentions):
            return "PERSON"  # "founded by Dean Kamen": a founder with a two-word name is a person
        if grp.type == "ORG" and len(words) <= 3 and any(_office_after(text, m.end, g) for m in grp.mentions):
            return "PERSON"  # "Enda Kenny, the Prime Minister of Ireland,": an office is held by a person
    return grp.type


# A dateline opens a line with a place in capitals, then a state, a date, an agency or a dash.
_DATELINE_TAIL = re.compile(r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?[ \t]*(?:\([A-Z][\w ]*\)[ \t]*)?(?:[-–—]|,[ \t]+[A-Z][a-z]{2})")


def _dateline_place(text: str, m) -> bool:
    """Whether the mention is the capitalised place of a dateline ("LONDON (Reuters) -")."""
    at_line_start = m.start == 0 or text[m.start - 1] == "\n"
    return at_line_start and m.text.isupper() and len(m.text) > 2 and bool(_DATELINE_TAIL.match(text, m.end))


_PERSONAL_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}")
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|argued|explained|wrote|asked|replied)\b")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?[ \t]+$")


def _surname_speaks(grp: Group, text: str, g: Gazetteer) -> bool:
    """Whether a name shaped like a person's (two or three capitalised words, none a head
    word or a place) has its last word alone speak or take an honorific: "Hannity said",
    "Ms. Grimes". Companies are "Goldman Sachs said", rarely "Sachs said"."""
    name = grp.longest()
    words = name.split()
    if not _PERSONAL_NAME.fullmatch(name) or any(
            w in g.org_heads or w in g.fac_heads or w in g.gpe_heads or w in g.event_heads
            or fold(w) in g.org_suffixes or g.place(w) or g.is_title_part(w) for w in words):
        return False
    if any(re.search(r"\b[Tt]he[ \t]+$", text[max(0, m.start - 5):m.start]) for m in grp.mentions):
        return False  # "the White House": people take no article
    surname = words[-1]
    for hit in re.finditer(r"(?<![\w'’-])" + re.escape(surname) + r"(?![\w'’-])", text):
        before = text[max(0, hit.start() - 8):hit.start()]
        if re.search(r"\b[Tt]he[ \t]+$", before):
            continue  # "the House said": a body, people take no article
        if _SPEAKS_AFTER.match(text, hit.end()) or _HONORIFIC_BEFORE.search(before):
            return True
    return False


_FOUNDER_BEFORE = re.compile(r"\b(?:co-?founded|founded|invented|created)\s+by\s+$")


def _office_after(text: str, end: int, g: Gazetteer) -> bool:
    """An appositive after the name that is an office: its head noun (the word before
    "of"/"for", else the last word) is a title ("the Prime Minister of Ireland")."""
    role = title_after(text, end, g)
    if not role:
        return False
    head = re.split(r"\s+(?:of|for)\s+", role)[0].split()
    return bool(head) and (fold(head[-1]) in g.title_heads or fold(" ".join(head[-2:])) in g.title_heads)


def _platform_only(doc, grp: Group) -> bool:
    """A one-word "person" met only as the object of "on"/"via" or as a modifier ("the
    Twitter attention"), at least once after "on", and never as anyone's subject."""
    on = 0
    for m in grp.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "via"):
            on += 1
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_ in ("post", "upload", "tweet", "publish", "share", "write"):
            continue
        elif tok.dep_ != "compound":
            return False
    return on > 0


def _locative(doc, m: Mention, person: bool = False) -> bool:
    """The mention is the object of in/near/from/outside ("in Belém", "from Herat");
    for a supposed person, "from" does not count ("a letter from Smith")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    if tok is None or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of":  # "the town of Yeoncheon"
        return prep.head.lemma_.lower() in ("town", "city", "village", "province", "state", "region",
                                            "district", "county", "municipality", "island", "port")
    return prep.lower_ in (("in", "near", "outside") if person else ("in", "near", "from", "outside"))


def common_opener(grp: Group, common_words: frozenset[str]) -> bool:
    """A lone capitalised common word that only ever opens a sentence ("Turnout was high")."""
    if grp.place or grp.short_form_of:
        return False
    forms = grp.forms()
    if any(len(f.split()) > 1 or is_acronym(f) for f in forms):
        return False
    if grp.type != "PERSON":
        return False  # places and organisations are often named with common words (Labour, Mecca)
    if not all("sent_start" in m.notes or m.in_title for m in grp.mentions):
        return False
    return all(fold(f) in common_words for f in forms)
