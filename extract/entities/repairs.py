"""Repairs to spaCy's entity spans that hold across English news.

The small model stops names early ("the High Court of", "OPEC" without its "+"),
cuts a person in two around a particle ("André Corrêa" + "Lago"), joins pairs
with hyphens ("Trump-Xi Jinping", "U.S.-China") and tags a company's country
suffix as the country ("Hitwise UK"). Each function fixes one of these.
"""
from __future__ import annotations

import re

from extract.gazetteer import Gazetteer
from extract.entities.mention import Mention, overlaps, sentence_initial, text_of, whole_occurrences
from extract.names import clean_span, fold

def extend(text: str, s: int, e: int, label: str, g: Gazetteer) -> tuple[int, int]:
    """Finish names NER stopped early: 'OPEC' + '+', 'Washington' + ' D.C.',
    'the High Court of' + ' Australia', 'Joint Council' + ' for the Welfare of Immigrants'."""
    if e < len(text) and text[e] == "+" and (e + 1 == len(text) or not text[e + 1].isalnum()):
        e += 1
    office = re.match(r"[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}(?:Commissioner|Commission|Council|Committee|Office|Agency|"
                      r"Programme|Program|Fund|Court|Tribunal)[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][\w-]+"
                      r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w-]+)*", text[e:e + 100])
    if office and label == "ORG":
        e += office.end()  # "the United Nations" + " High Commissioner for Refugees"
    office_of = re.match(r"['’]s[ \t]+(?:office|department|station)\b", text[e:e + 20])
    if office_of and label == "ORG":
        e += office_of.end()  # "the Los Angeles Sheriff's" + " office"
    m = re.match(r",?\s?D\.C\.?", text[e:e + 6])
    if m and label == "GPE":
        e += m.end()
    tail = re.match(r"\s+((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|the|on)?\s*[A-Z][\w'’&.-]*)*)",
                    text[e:e + 120])
    words = text[s:e].split()
    head = re.match(r"[ \t]+([A-Z][a-z]+)(?:[- ]\d+[A-Z]?)?(?![\w-])", text[e:e + 40])
    if head and label != "PERSON" and (head.group(1) in g.fac_heads or head.group(1) in g.org_heads):
        e += head.end()  # "Orbiter Processing" + " Facility-1", "Launch" + " Complex 39B"
        words = text[s:e].split()
    numeral = re.match(r"[ \t]+(?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?![\w-])", text[e:e + 8])
    if numeral and label != "PERSON":
        e += numeral.end()  # "Artemis" + " II"
        words = text[s:e].split()
    terrain = re.match(r"[ \t]+(rainforest|river|basin|delta|desert|mountains|valley|peninsula)\b", text[e:e + 20])
    if terrain and label in ("ORG", "LOC", "GPE", "NORP"):
        e += terrain.end()  # "the Amazon" + " rainforest"
        words = text[s:e].split()
    if words and words[-1] in ("of", "for") and tail:
        return s, e + tail.end()
    if label == "ORG" and words and words[-1] in g.org_heads:
        more = re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w'’&-]*)*",
                        text[e:e + 120])
        if more and not g.place(re.sub(r"^\s+(?:of|for)\s+", "", more.group())) and not re.search(r"\b(?:January|February|March|April|May|June|July|August|September|"
                                  r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                                  r"Saturday|Sunday)\b", more.group()):
            return s, e + more.end()
    return s, e


def extend_left(text: str, s: int, e: int, label: str, doc, g: Gazetteer,
                 others: list[tuple[int, int]] = ()) -> int:
    """'New' + 'Democrat'; 'Daughters of the' + 'American Revolution Constitution Hall'."""
    if label in ("NORP", "ORG"):
        hit = re.search(r"(?<![\w-])New[ \t]+$", text[max(0, s - 6):s])
        if hit and not sentence_initial(doc, s - len(hit.group())):
            return s - len(hit.group())
    if label in ("ORG", "FAC", "LOC", "EVENT"):
        hit = re.search(r"(?<![\w.-])([A-Z][a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$", text[max(0, s - 40):s])
        if hit:
            start = s - len(hit.group())
            word = hit.group(1)
            if not (sentence_initial(doc, start) or g.is_title_part(word) or g.place(word)
                    or any(overlaps((start, s), o) for o in others)
                    or word in ("President", "Members", "Part", "One", "Some", "Most", "All")):
                return start
    return s


def brand_with_country(mentions: list["Mention"], doc, g: Gazetteer, others) -> None:
    """'Hitwise UK': a country right after an untagged capitalised word is the end of a
    company's name, not the country."""
    text = text_of(doc)
    for m in mentions:
        place = g.place(m.text)
        if m.label != "GPE" or place is None or place.kind != "country":
            continue
        hit = re.search(r"(?<![\w.'’-])([A-Z][\w&-]*[a-z][\w&-]*)[ \t]+$", text[max(0, m.start - 30):m.start])
        if not hit:
            continue
        s = m.start - len(hit.group())
        word = hit.group(1)
        if (word in _OPENERS or g.is_title_part(word) or g.place(word) or sentence_initial(doc, s)
                or any(overlaps((s, m.start), o) for o in others)):
            continue
        whole = g.place(text[s:m.end])
        if whole is not None:  # "Latin America": the longer form is itself a place
            m.start, m.text, m.label, m.place = s, text[s:m.end], whole.type, whole
        elif word not in _COMPASS:
            m.start, m.text, m.label = s, text[s:m.end], "ORG"


_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "New",
            "Upper", "Lower", "Greater"}
_OPENERS = {"The", "A", "An", "In", "For", "As", "But", "And", "On", "At", "By", "With", "From", "To", "Of",
            "If", "When", "While", "After", "Before", "Since", "Both", "This", "That", "Across", "Unlike"}


def split_hyphenated(mentions: list["Mention"], text: str, g: Gazetteer, known: set[str],
                      known_labels: dict[str, str]) -> list["Mention"]:
    """'Trump-Xi Jinping' and 'U.S.-China' are two names; 'Udvar-Hazy' and 'Jong-un' are one.

    Split when a part is a name known on its own; drop lowercase parts of such
    compounds ('US-drafted' -> US, 'Russia-related' -> Russia)."""
    out: list[Mention] = []
    for m in mentions:
        parts = [(p.start() + m.start, p.end() + m.start) for p in re.finditer(r"[^-‐‑–]+", m.text)]
        if len(parts) < 2 or not re.search(r"[\w.][-‐‑–]\w", m.text):
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
                label = lab or fallback  # pairs join names of one kind: Trump-Xi, U.S.-China
                out.append(Mention(s2, e2, text[s2:e2], label, m.origin, ner_label=m.ner_label,
                                   notes=set(m.notes) | {"hyphen_part"}))
    return out


def split_shared_head(mentions: list["Mention"], text: str, g: Gazetteer) -> list["Mention"]:
    """'North and South Korea' names North Korea and South Korea."""
    out = []
    for m in mentions:
        hit = re.fullmatch(r"(\w+) and (\w+) (\w+(?: \w+)?)", m.text)
        if hit and g.place(f"{hit[1]} {hit[3]}") and g.place(f"{hit[2]} {hit[3]}"):
            a = Mention(m.start, m.start + len(hit[1]), hit[1], m.label, m.origin,
                        place=g.place(f"{hit[1]} {hit[3]}"), ner_label=m.ner_label)
            s = m.start + hit.start(2)
            b = Mention(s, m.end, text[s:m.end], m.label, m.origin, ner_label=m.ner_label)
            out += [a, b]
        else:
            out.append(m)
    return out


def join_person_parts(mentions: list["Mention"], text: str, g: Gazetteer) -> list["Mention"]:
    """'Prince Abdulaziz' + 'bin Salman', 'André Corrêa' + 'do' + 'Lago': one person."""
    out: list[Mention] = []
    particles = "|".join(re.escape(p) for p in sorted(g.name_particles, key=len, reverse=True))
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "PERSON" and m.label == "PERSON"
                and re.fullmatch(rf"[ \t]+(?:(?:{particles})[ \t]+)*", text[prev.end:m.start])):
            prev.end = m.end
            prev.text = text[prev.start:m.end]
            continue
        out.append(m)
    # A particle and a capitalised word NER left out: 'Luiz Inácio Lula' + ' da Silva'.
    for m in out:
        if m.label != "PERSON":
            continue
        tail = re.match(rf"(?:[ \t]+(?:{particles}))+[ \t]+[A-Z][\w'’-]+", text[m.end:m.end + 60])
        if tail:
            m.end += tail.end()
            m.text = text[m.start:m.end]
    return _finish_particles(out, text, particles)


def _finish_particles(mentions: list["Mention"], text: str, particles: str) -> list["Mention"]:
    """A person cut after a particle ('Muqtada al' of 'Muqtada al-Sadr', 'Ursula von der'
    + 'Leyen'): a name never ends in a particle, so take in the word after it (and drop
    the stray mention NER made of that word)."""
    ends_in_particle = re.compile(rf"(?:^|[ \t])(?:{particles})$", re.IGNORECASE)
    rest = re.compile(rf"(?:[ \t]*[-‐‑][ \t]*|[ \t]+)(?:(?:{particles})[ \t-]+)*[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
    swallowed: set[int] = set()
    for m in mentions:
        if m.label != "PERSON" or not ends_in_particle.search(m.text) or " " not in m.text.strip():
            continue
        tail = rest.match(text, m.end)
        if not tail:
            continue
        old_end, m.end = m.end, tail.end()
        m.text = text[m.start:m.end]
        swallowed |= {id(o) for o in mentions if o is not m and old_end <= o.start < m.end}
    return [m for m in mentions if id(m) not in swallowed]


def extend_person_left(mentions: list["Mention"], doc, common_words: frozenset[str],
                        g: Gazetteer) -> None:
    """'Council Enver Solomon' tagged as just 'Solomon': take in an untagged capitalised
    word right before a one-word person when it is not a title, a common word or an opener."""
    text = text_of(doc)
    spans = [m.span for m in mentions]
    for m in mentions:
        if m.label != "PERSON" or " " in m.text:
            continue
        hit = re.search(r"(?<![\w.'’-])([A-Z][a-zà-ÿ'’-]+)[ \t]+$", text[max(0, m.start - 30):m.start])
        if not hit:
            continue
        s = m.start - len(hit.group(0))
        word = hit.group(1)
        if (any(overlaps((s, s + len(word)), sp) for sp in spans) or fold(word) in common_words
                or g.is_title_part(word) or g.place(word) or sentence_initial(doc, s)):
            continue
        m.start = s
        m.text = text[s:m.end]


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def widen_to_known(mentions: list[Mention], text: str, skip) -> list[Mention]:
    """NER tags 'Environment Canada' once and just 'Canada' the next time: where a
    multi-word name seen elsewhere occurs, mentions inside it become that name."""
    forms = {m.text: m for m in mentions if m.origin == "ner" and len(m.text.split()) > 1}
    out = list(mentions)
    for form, model in sorted(forms.items(), key=lambda t: -len(t[0])):
        for span in whole_occurrences(text, form, _WORD_OR_HYPHEN):
            inside = [m for m in out if overlaps(m.span, span)]
            if not inside or any(m.span == span for m in inside) or any(overlaps(span, sp) for sp in skip):
                continue
            if all(span[0] <= m.start and m.end <= span[1] for m in inside):
                out = [m for m in out if m not in inside]
                out.append(Mention(span[0], span[1], form, model.label, "ner", ner_label=model.ner_label))
    return sorted(out, key=lambda m: m.start)


def relatives_by_first_name(mentions: list[Mention], doc, common_words: frozenset[str],
                            g: Gazetteer, stop: frozenset[str]) -> list[Mention]:
    """'Ivanka Trump' in a brief about Donald Trump: NER often tags only the famous surname
    (or the first name as a product), and the relative is then filed under the famous one.
    A proper-noun first name right before the surname of a person of the brief makes a
    full name of its own: a different first name is a different person."""
    text = text_of(doc)
    surnames = {m.text.split()[-1] for m in mentions
                if m.label == "PERSON" and m.origin == "ner" and len(m.text.split()) > 1}
    # A word the brief names as something else ("Mozilla" the company) is no first name.
    other_names = {fold(m.text) for m in mentions if m.label != "PERSON" and m.origin == "ner"}
    surnames = {s for s in surnames if re.fullmatch(r"[A-Z][\w'’-]+", s)}
    if not surnames:
        return mentions
    pattern = re.compile(r"(?<![\w.'’&-])([A-Z][a-zà-ÿ]+)[ \t]+(" + "|".join(
        re.escape(s) for s in sorted(surnames, key=len, reverse=True)) + r")(?![\w-])")
    out = list(mentions)
    for hit in pattern.finditer(text):
        s, e, word = hit.start(), hit.end(), hit.group(1)
        token = doc.char_span(s, s + len(word))
        if token is None or token[0].pos_ != "PROPN" or _proper_before(doc, token[0].i):
            continue
        if (fold(word) in common_words or fold(word) in stop or fold(word) in other_names
                or g.is_title_part(word) or g.place(word)):
            continue
        inside = [m for m in out if overlaps(m.span, (s, e))]
        if any(m.start < s or m.end > e or m.label == "PERSON" and len(m.text.split()) > 1 for m in inside):
            continue  # part of a longer name, or already a full name
        out = [m for m in out if m not in inside]
        out.append(Mention(s, e, text[s:e], "PERSON", "ner", ner_label="PERSON"))
    return sorted(out, key=lambda m: m.start)


def _proper_before(doc, i: int) -> bool:
    """Whether the token before i is a capitalised proper noun (the name may start earlier)."""
    return i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()
