"""Capitals that stand for their governments ("Beijing hesitates") versus the cities themselves.

News names a government by its capital: Washington, Beijing, Moscow, Kyiv, or
Brussels for the European Union. The city is meant instead in addresses
("Seattle, Washington"), after locative prepositions ("talks in Geneva"), as a
modifier of a place noun ("an Ottawa street"). A brief uses a capital one way
throughout, so one reading is chosen per capital per brief: literal when any
address form says so or literal uses ("flew from London") are as many as
metonymic ones, where a mention acts as an agent (subject of a verb, owner of a
decision, party "between" two sides); metonymic when those are more.
"""
from __future__ import annotations

from extract.gazetteer import Gazetteer, Place
from extract.entities.mention import Mention, text_of

METONYM, LITERAL, ADDRESS, NEUTRAL = "metonym", "literal", "address", "neutral"


def _head_token(doc, m: Mention):
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _hyphenated_lemma(tok) -> str:
    """The lemma of the hyphenated word a token ends ("decision-making" for "making")."""
    doc, i = tok.doc, tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2
    if i == tok.i:
        return tok.lemma_.lower()
    return (doc[i:tok.i].text + tok.text).lower()


def mention_cue(doc, m: Mention, g: Gazetteer) -> str:
    """How one mention of a capital reads, from its syntax and neighbours."""
    text = text_of(doc)
    after = text[m.end:m.end + 12]
    before = text[max(0, m.start - 40):m.start]
    if after.lstrip(", ").startswith(("D.C", "DC")) or after.startswith((" state", " State")):
        return ADDRESS
    tok = _head_token(doc, m)
    if tok is None:
        return NEUTRAL
    # "Seattle, Washington": a place name, comma, then the capital (a state or country in an address).
    if before.rstrip().endswith(",") and tok.i >= 2 and doc[tok.i - 2].ent_type_ in ("GPE", "LOC", "FAC"):
        return ADDRESS
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "Washington and Beijing" read as their first conjunct
    dep, head = tok.dep_, tok.head
    if dep == "nsubj":
        return LITERAL if head.lemma_ in g.literal_verbs else METONYM
    if dep == "poss" or any(c.dep_ == "case" for c in tok.children) or text[m.end:m.end + 2] in ("'s", "’s"):
        return LITERAL if head.lemma_.lower() in g.literal_nouns else METONYM
    if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        prep, owner = head.lower_, head.head
        if owner.lemma_.lower() in ("governor", "mayor", "state", "city", "capital", "outskirts", "streets"):
            return ADDRESS
        if prep in g.locative_prepositions:
            return METONYM if _hyphenated_lemma(owner) in g.government_nouns else LITERAL
        if prep == "between":
            return METONYM
        owner_lemma = owner.lemma_.lower()
        if owner_lemma in g.literal_nouns or owner_lemma in g.literal_verbs:
            return LITERAL
        return METONYM
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        return METONYM if head.lemma_.lower() in g.government_nouns else LITERAL
    if dep == "dobj":
        return LITERAL if head.lemma_ in g.literal_verbs else METONYM
    return NEUTRAL


def resolve_capitals(doc, mentions: list[Mention], g: Gazetteer) -> None:
    """Give each capital mention its reading for this brief: the country, or the city itself."""
    by_form: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.text in g.capitals and m.place is None or (m.place and m.place.kind == "capital"):
            by_form.setdefault(m.text, []).append(m)
    for form, group in by_form.items():
        cues = [mention_cue(doc, m, g) for m in group if not m.in_title]
        # London the city is never an alias of the country: an address settles it, and so do
        # literal uses ("flew from London") as many as the metonymic ones ("London said").
        metonymic = ADDRESS not in cues and cues.count(METONYM) > cues.count(LITERAL)
        if metonymic:
            country = g.place(g.capitals[form])
            place = Place(country.name, country.type, "capital") if country else None
            for m in group:
                m.place = place
                m.label = place.type if place else "GPE"
        else:
            for m in group:
                m.place = None
                m.label = "GPE"
