"""Candidate mentions of named things: spaCy's entities, repaired, plus other finders.

The small English model makes predictable mistakes on news: it runs entities over
line breaks and headings, glues a possessor to what it owns ("Singapore’s
Shangri-La Dialogue"), joins pairs with hyphens ("Trump-Xi", "U.S.-China"),
swallows "(CMC" into the full name, stops a name early ("the High Court of"),
and cuts a person in two around a particle ("André Corrêa" + "Lago"). Each
repair here is a small rule; extra finders live in finders.py, typing and
linking happen later.
"""
from __future__ import annotations

import re
from collections import Counter

from extract.entities import finders, repairs
from extract.gazetteer import Gazetteer
from extract.entities.mention_rules import stop_words
from extract.entities.mention import KEPT_LABELS, SALVAGE_LABELS, Mention, Occupancy, overlaps, sentence_initial, text_of
from extract.names import clean_span, fold

def _cleaned(text: str, start: int, end: int, doc) -> tuple[int, int]:
    """clean_span, but keep a capitalised "The" that is part of a name mid-sentence (The Hague)."""
    s, e = clean_span(text, start, end)
    prefix = text[start:s]
    if prefix.strip() == "The" and not sentence_initial(doc, start + prefix.index("The")):
        s = start + prefix.index("The")
    return s, e


_SPLITTERS = re.compile(r"\n+|\s*[()\[\]]\s*|\s*[;|]\s*")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)(?:['’]s|s['’])\s+(?=\S)")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at line breaks and brackets: 'Background\\nTrade', 'Ministry of Commerce (MOFCOM'."""
    out, pos = [], start
    for m in _SPLITTERS.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def _split_possessor(text: str, start: int, end: int, g: Gazetteer, known: set[str]) -> list[tuple[int, int]]:
    """'Singapore’s Shangri-La Dialogue' and 'Meta’s Instagram' are two names each.

    A name whose own head follows the possessive stays whole: 'European People's
    Party', 'Prime Minister's Questions', 'St Patrick's Day'."""
    m = _INNER_POSSESSIVE.search(text, start, end)
    if not m:
        return [(start, end)]
    left, right = text[start:m.start()].strip(), text[m.end():end].strip()
    right_words = right.split()
    if not right_words:
        return [(start, end)]
    left_is_title = all(g.is_title_part(w) for w in left.split())
    head = right_words[-1]
    right_is_head = len(right_words) == 1 and (head in g.org_heads or head in g.event_heads
                                               or head in g.fac_heads or not head[:1].isupper())
    if g.place(left) or fold(left) in known or not (left_is_title or right_is_head):
        return [(start, m.start()), *_split_possessor(text, m.end(), end, g, known)]
    return [(start, end)]


def collect_mentions(doc, layout, g: Gazetteer, common_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions from NER (repaired) and the other finders, without overlaps, in text order."""
    text = text_of(doc)
    skip = layout.skip_spans()
    title = layout.title_span

    raw: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS and ent.label_ not in SALVAGE_LABELS:
            continue
        start = ent.start_char
        if layout.title_case and overlaps((ent.start_char, ent.end_char), title):
            # NER cannot read a Title Case headline; names there are found again later
            # from forms the body confirms.
            start = max(ent.start_char, title[1])
            if start >= ent.end_char:
                continue
        raw.append((start, ent.end_char, ent.label_))

    # Forms seen as standalone entities help decide splits of glued ones.
    votes: dict[str, Counter] = {}
    for s, e, label in raw:
        if label in KEPT_LABELS:
            votes.setdefault(fold(text[s:e].strip()), Counter())[label] += 1
    known_labels = {f: c.most_common(1)[0][0] for f, c in votes.items()}
    known = set(known_labels) | g.folded_forms

    raw_spans = [(s, e) for s, e, _ in raw]
    mentions: list[Mention] = []
    for s0, e0, label in raw:
        origin = "ner" if label in KEPT_LABELS else "salvage"
        # NER ran a heading into the next word ("Background\nTrade"): that word opens a
        # sentence, so a lone common word there is not a name.
        touches_heading = any(overlaps((s0, e0), sp) for sp in skip)
        for ps, pe in _pieces(text, s0, e0):
            if touches_heading and " " not in text[ps:pe].strip() and fold(text[ps:pe].strip()) in common_words:
                continue
            for qs, qe in _split_possessor(text, ps, pe, g, set(known_labels)):
                s, e = _cleaned(text, qs, qe, doc)
                if e <= s:
                    continue
                s, e = repairs.extend(text, s, e, label, g)
                s = repairs.extend_left(text, s, e, label, doc, g, raw_spans)
                s, e = _cleaned(text, s, e, doc)
                if e <= s or any(overlaps((s, e), sp) for sp in skip):
                    continue
                mentions.append(Mention(s, e, text[s:e], label, origin, ner_label=label))

    repairs.brand_with_country(mentions, doc, g, raw_spans)
    mentions = repairs.split_hyphenated(mentions, text, g, known, known_labels)
    mentions = repairs.split_shared_head(mentions, text, g)
    mentions = repairs.join_person_parts(_without_overlaps(mentions), text, g)
    repairs.extend_person_left(mentions, doc, common_words, g)
    mentions = repairs.relatives_by_first_name(mentions, doc, common_words, g, stop_words())
    # Salvaged spans matter only for the names inside them, or as laws that block acronyms.
    mentions = [m for m in mentions if m.origin != "salvage" or "hyphen_part" in m.notes
                or m.label in ("LAW", "PRODUCT")]
    blocked = [(s, e) for s, e, label in raw if label not in KEPT_LABELS]
    mentions += finders.find_more(doc, layout, g, mentions, blocked, skip, common_words)

    mentions = repairs.widen_to_known(mentions, text, skip)
    for m in mentions:
        m.in_title = overlaps(m.span, title)
        if sentence_initial(doc, m.start):
            m.notes.add("sent_start")
        if m.place is None and m.label in KEPT_LABELS:
            m.place = g.place(m.text)
            if m.place is not None:
                m.label = m.place.type
    return _without_overlaps(mentions)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the first of overlapping mentions, preferring NER's longer spans."""
    rank = {"ner": 0, "acronym": 1, "finder": 2, "gazetteer": 3, "salvage": 4, "propagated": 5}
    chosen: list[Mention] = []
    taken = Occupancy(max((m.end for m in mentions), default=0))
    for m in sorted(mentions, key=lambda m: (rank.get(m.origin, 6), -(m.end - m.start), m.start)):
        if not taken.is_taken(m.span):
            chosen.append(m)
            taken.take(m.span)
    return sorted(chosen, key=lambda m: m.start)
