"""Candidate mentions of named things: spaCy's entities, repaired, plus gazetteer finds.

The small English model makes predictable mistakes on news: it runs entities over
line breaks and headings, glues a possessor to what it owns ("Singapore’s
Shangri-La Dialogue"), joins pairs with hyphens ("Trump-Xi", "U.S.-China"),
swallows "(CMC" into the full name, and misses countries inside longer tokens.
Each repair here is a small rule; typing and linking happen later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.gazetteer import Gazetteer, Place
from extract.names import clean_span, fold, is_acronym, normalise_name

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
# Labels outside the entity set whose spans still hide names ("the Trump-Xi Jinping" as LAW).
SALVAGE_LABELS = {"LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # the type this mention suggests
    origin: str = "ner"  # ner, gazetteer, acronym, propagated
    place: Place | None = None
    in_title: bool = False
    ner_label: str | None = None
    notes: set[str] = field(default_factory=set)  # flags set by rules, e.g. "sent_start"
    alt: str | None = None  # the same name without a national prefix ("Federal Reserve")

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def key(self) -> str:
        return normalise_name(self.alt or self.text)

    def alt_forms(self) -> list[str]:
        return [self.alt] if self.alt else []


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cleaned(text: str, start: int, end: int, doc) -> tuple[int, int]:
    """clean_span, but keep a capitalised "The" that is part of a name mid-sentence (The Hague)."""
    s, e = clean_span(text, start, end)
    prefix = text[start:s]
    if prefix.strip() == "The" and not _sentence_initial(doc, start + prefix.index("The")):
        s = start + prefix.index("The")
    return s, e


def _sentence_initial(doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return True
    tok = span[0]
    if tok.is_sent_start:
        return True
    prev = doc[tok.i - 1] if tok.i else None
    return prev is None or prev.is_space or prev.text in {"“", "\"", "‘", "'", "(", "-", "–", "—", ":"}


def sentence_initial(doc, offset: int) -> bool:
    """True when the word at `offset` starts a sentence, line or quotation (capitalised anyway)."""
    return _sentence_initial(doc, offset)


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
    """'Singapore’s Shangri-La Dialogue' -> Singapore, Shangri-La Dialogue.

    Split only when the possessor is a known name or what it owns is a multi-word
    name; "European People's Party" and "Prime Minister's Questions" stay whole."""
    m = _INNER_POSSESSIVE.search(text, start, end)
    if not m:
        return [(start, end)]
    left, right = text[start:m.start()].strip(), text[m.end():end].strip()
    caps_right = sum(1 for w in right.split() if w[:1].isupper())
    left_is_title = all(g.is_title_part(w) for w in left.split())
    if g.place(left) or fold(left) in known or (caps_right >= 2 and not left_is_title):
        return [(start, m.start()), *_split_possessor(text, m.end(), end, g, known)]
    return [(start, end)]


def _token_info(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def collect_mentions(doc, layout, g: Gazetteer) -> list[Mention]:
    """Mentions from NER (repaired) and from the gazetteer, without overlaps, in text order."""
    text = doc.text
    skip = layout.skip_spans()
    title = layout.title_span
    distrust_title = layout.title_case

    raw: list[tuple[int, int, str]] = []
    salvage: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS and ent.label_ not in SALVAGE_LABELS:
            continue
        if distrust_title and overlaps((ent.start_char, ent.end_char), title):
            # NER cannot read a Title Case headline; names there are found again later
            # from forms the body confirms.
            s = max(ent.start_char, title[1])
            if s >= ent.end_char:
                continue
            start = s
        else:
            start = ent.start_char
        (raw if ent.label_ in KEPT_LABELS else salvage).append((start, ent.end_char, ent.label_))

    # Forms seen as standalone entities help decide splits of glued ones.
    known_labels = {fold(text[s:e].strip()): label for s, e, label in raw}
    known = set(known_labels)

    mentions: list[Mention] = []
    blocked: list[tuple[int, int]] = []
    for group, salvaging in ((raw, False), (salvage, True)):
        for s0, e0, label in group:
            for ps, pe in _pieces(text, s0, e0):
                for qs, qe in _split_possessor(text, ps, pe, g, known):
                    s, e = _cleaned(text, qs, qe, doc)
                    if e <= s or any(overlaps((s, e), sp) for sp in skip):
                        continue
                    mentions.append(Mention(s, e, text[s:e], label, "salvage" if salvaging else "ner",
                                            ner_label=label))
            if salvaging:
                blocked.append((s0, e0))

    mentions = _split_hyphenated(mentions, text, g, known | {fold(f) for f in g.forms}, known_labels)
    mentions = [m for m in mentions if m.origin != "salvage" or m.notes & {"hyphen_part"}]
    mentions += _acronyms_in_brackets(text, mentions, skip)
    mentions += _gazetteer_finds(doc, layout, g, mentions, blocked, skip)

    for m in mentions:
        m.in_title = overlaps(m.span, title)
        if sentence_initial(doc, m.start):
            m.notes.add("sent_start")
        if m.place is None:
            m.place = g.place(m.text)
            if m.place is not None:
                m.label = m.place.type
    return _without_overlaps(mentions)


def _split_hyphenated(mentions: list[Mention], text: str, g: Gazetteer, known: set[str],
                      known_labels: dict[str, str]) -> list[Mention]:
    """'Trump-Xi Jinping' and 'U.S.-China' are two names; 'Udvar-Hazy' and 'Jong-un' are one.

    Split when a part is a name known on its own; drop lowercase parts of such
    compounds ('US-drafted' -> US, 'Russia-related' -> Russia)."""
    out: list[Mention] = []
    for m in mentions:
        parts = [(p.start() + m.start, p.end() + m.start) for p in re.finditer(r"[^-‐‑–]+", m.text)]
        if len(parts) < 2 or not re.search(r"\w[-‐‑–]\w", m.text):
            out.append(m)
            continue
        words = [text[s:e].strip() for s, e in parts]
        capital = [w[:1].isupper() for w in words]
        if not any(c and fold(w) in known for w, c in zip(words, capital)):
            out.append(m)  # no part is a name on its own: one hyphenated name
            continue
        labels = [known_labels.get(fold(w)) or (g.place(w).type if g.place(w) else None) for w in words]
        fallback = next((lab for lab in labels if lab), m.label)
        for (s, e), w, c, lab in zip(parts, words, capital, labels):
            if not c:
                continue
            s2, e2 = clean_span(text, s, e)
            if e2 > s2:
                label = lab or (m.label if m.label in KEPT_LABELS else fallback)
                out.append(Mention(s2, e2, text[s2:e2], label, m.origin, ner_label=m.ner_label,
                                   notes=set(m.notes) | {"hyphen_part"}))
    return out


_BRACKET_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.+\-]{1,11})\s*\)")


def _acronyms_in_brackets(text: str, mentions: list[Mention], skip) -> list[Mention]:
    """'Central Military Commission (CMC)': the acronym is a mention even if NER missed it."""
    out = []
    taken = {m.span for m in mentions}
    for m in mentions:
        if " " not in m.text:
            continue
        hit = _BRACKET_ACRONYM.match(text, m.end)
        if not hit or not is_acronym(hit.group(1)):
            continue
        span = hit.span(1)
        if span in taken or any(overlaps(span, sp) for sp in skip):
            continue
        acr = Mention(span[0], span[1], hit.group(1), m.label, "acronym", ner_label=m.ner_label)
        acr.notes.add("defines:" + str(m.start))
        out.append(acr)
    return out


@lru_cache(maxsize=1)
def _gazetteer_regex(forms: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w@#/.])(?:{alternation})(?![\w@]|['’]\w\w)")


# Forms too often something else (a first name, a verb) to add when NER did not tag them.
_AMBIGUOUS = {"Jordan", "Chad", "Georgia", "Niger", "Guinea", "Israel", "Mali", "Turkey", "Pole", "Poles",
              "Polish", "Dane", "Finn", "Scot", "Scots", "Jersey", "Gulf", "Pacific", "Atlantic", "Earth",
              "Moon", "Mars", "Islam", "English", "French", "Dutch", "Swiss", "Thai", "German", "Greek",
              "Turkish", "Irish", "Welsh", "Jew", "Conservative", "Conservatives", "Democrat", "Democrats",
              "Republican", "Republicans", "Western", "Westerner", "Westerners", "Emirates", "CAR", "PNG",
              "KSA", "ROK", "PRC", "DRC", "the States", "Holland", "Vatican"}


def _gazetteer_finds(doc, layout, g: Gazetteer, mentions, blocked, skip) -> list[Mention]:
    """Countries, demonyms and regions NER missed, outside the headline and other names."""
    text = doc.text
    forms = tuple(f for f in g.forms if f not in _AMBIGUOUS)
    pattern = _gazetteer_regex(forms)
    taken = [m.span for m in mentions] + list(blocked) + list(skip) + [layout.title_span]
    out = []
    for hit in pattern.finditer(text):
        span = hit.span()
        if any(overlaps(span, t) for t in taken):
            continue
        if _inside_longer_name(text, span, g):
            continue
        place = g.place(hit.group())
        out.append(Mention(span[0], span[1], hit.group(), place.type, "gazetteer", place=place))
    return out


_LEAD_WORDS = {"The", "A", "An", "In", "For", "As", "But", "And", "On", "At", "By", "With", "From", "To",
               "Of", "If", "When", "While", "After", "Before", "Since", "Although", "Both", "Its", "Their",
               "His", "Her", "Our", "This", "That", "Many", "Some", "All", "Most", "Other", "Why", "How",
               "What", "Will", "Can", "Could", "Would", "Should", "Does", "Is", "Are", "Unlike", "Like"}


def _inside_longer_name(text: str, span: tuple[int, int], g: Gazetteer) -> bool:
    """'American Revolution', 'Saudi Gazette', 'Georgia Tech': a capitalised neighbour that is
    not a title word or another place means the form is part of a longer name."""
    before = re.search(r"([A-Z][\w.&'’-]*)[ \t]+$", text[max(0, span[0] - 40):span[0]])
    after = re.match(r"[ \t]+([A-Z][\w&'’-]*)", text[span[1]:span[1] + 40])
    if after and not (g.is_title_part(after.group(1)) or g.place(after.group(1))):
        return True
    if before:
        word = before.group(1)
        if not (word in _LEAD_WORDS or g.is_title_part(word) or g.place(word.rstrip("."))):
            return True
    return False


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the first of overlapping mentions, preferring NER's longer spans."""
    rank = {"ner": 0, "acronym": 1, "gazetteer": 2, "salvage": 3, "propagated": 4}
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (rank.get(m.origin, 5), -(m.end - m.start), m.start)):
        if not any(overlaps(m.span, c.span) for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
