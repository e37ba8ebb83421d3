"""Names spaCy's NER misses, found by patterns that hold across English news.

  countries, capitals, demonyms, regions from the gazetteer ("U.S." inside "U.S.-China")
  acronyms defined in brackets, and the long names before them
  climate-summit codes (COP30) and "+" alliances (OPEC+)
  "the Donetsk region": the word before an administrative noun
  list members: "Instagram and Facebook, TikTok, Snapchat" are all organisations
  online services from the gazetteer ("Reddit has filed ..."); a quoted site name ('the blog "X"')
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.gazetteer import Gazetteer
from extract.entities.mention import Mention, overlaps, text_of
from extract.names import initials, is_acronym

# Forms too often something else (a first name, a language, a verb) to add when NER did not tag them.
_AMBIGUOUS = {"Jordan", "Chad", "Georgia", "Niger", "Guinea", "Israel", "Mali", "Turkey", "Pole", "Poles",
              "Polish", "Dane", "Finn", "Scot", "Scots", "Jersey", "Gulf", "Pacific", "Atlantic", "Earth",
              "Moon", "Mars", "Islam", "English", "French", "Dutch", "Swiss", "Thai", "German", "Greek",
              "Turkish", "Irish", "Welsh", "Jew", "Conservative", "Conservatives", "Democrat", "Democrats",
              "Republican", "Republicans", "Western", "Westerner", "Westerners", "Emirates", "CAR", "PNG",
              "KSA", "ROK", "PRC", "DRC", "the States", "Holland", "Vatican", "Sofia", "Lima", "Santiago",
              "Kingston", "Wellington", "Victoria", "Sucre", "Bern", "Malé", "Male", "Paris", "Rome",
              "Havana", "Riga", "Valletta", "Dili", "Tripoli", "Amman", "Muscat", "Doha", "Kiev"}
_LEAD_WORDS = {"The", "A", "An", "In", "For", "As", "But", "And", "On", "At", "By", "With", "From", "To",
               "Of", "If", "When", "While", "After", "Before", "Since", "Although", "Both", "Its", "Their",
               "His", "Her", "Our", "This", "That", "Many", "Some", "All", "Most", "Other", "Why", "How",
               "What", "Will", "Can", "Could", "Would", "Should", "Does", "Is", "Are", "Unlike", "Like"}
_MONTHS_DAYS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")


@lru_cache(maxsize=2)
def _alternation(forms: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w@#/.])(?:{alternation})(?![\w@+$€£¥]|['’]\w\w)")


def _ends_sentence(word: str) -> bool:
    """'Monday.' ends a sentence; 'U.S.' and 'St.' are abbreviations inside a name."""
    return word.endswith(".") and "." not in word[:-1] and len(word) > 4


def _inside_longer_name(text: str, span: tuple[int, int], g: Gazetteer) -> bool:
    """'American Revolution', 'Saudi Gazette', 'Georgia Tech': a capitalised neighbour that is
    not a title word or another place means the form is part of a longer name."""
    before = re.search(r"([A-Z][\w.&'’-]*)[ \t]+$", text[max(0, span[0] - 40):span[0]])
    after = re.match(r"[ \t]+([A-Z][\w&'’-]*)", text[span[1]:span[1] + 40])
    if after and not (g.is_title_part(after.group(1)) or g.place(after.group(1))
                      or _MONTHS_DAYS.match(after.group(1))):
        return True
    if before and not _ends_sentence(before.group(1)):
        word = before.group(1)
        if not (word in _LEAD_WORDS or g.is_title_part(word) or g.place(word.rstrip("."))):
            return True
    return False


def gazetteer_finds(text: str, g: Gazetteer, taken: list[tuple[int, int]]) -> list[Mention]:
    """Countries, capitals, demonyms and regions NER missed, when not part of a longer name."""
    forms = tuple(f for f in (*g.forms, *g.capitals) if f not in _AMBIGUOUS)
    out = []
    for hit in _alternation(forms).finditer(text):
        span = hit.span()
        if any(overlaps(span, t) for t in taken) or _inside_longer_name(text, span, g):
            continue
        form = hit.group()
        place = g.place(form)
        label = place.type if place else "GPE"
        out.append(Mention(span[0], span[1], form, label, "gazetteer", place=place))
    return out


_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.+\-]{1,11})\s*\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’&.-]*|of|the|and|for|on|de|du|des|la|le|&")


# "Rep. Jane Doe (D-N.Y.)": a lawmaker's party and state, not an acronym of the name.
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")


def bracket_acronyms(text: str, mentions: list[Mention], taken) -> list[Mention]:
    """'Central Military Commission (CMC)': the acronym is a mention even if NER missed it,
    and so is the long name before it when its initials spell the acronym."""
    out = []
    by_end = {m.end: m for m in mentions}
    for hit in _BRACKETED.finditer(text):
        acr = hit.group(1)
        if not is_acronym(acr) or _PARTY_TAG.fullmatch(acr):
            continue
        before = text[:hit.start()].rstrip()
        owner = by_end.get(len(before))
        span = hit.span(1)
        if owner is None:
            # Walk back over name words until their initials spell the acronym.
            words = list(re.finditer(r"\S+", before[max(0, len(before) - 160):]))
            offset = max(0, len(before) - 160)
            letters = re.sub(r"[^A-Za-z0-9]", "", acr).upper()
            for k in range(2, min(len(words), 10) + 1):
                chunk = words[-k:]
                if not all(_NAME_WORD.fullmatch(w.group()) for w in chunk):
                    break
                s = offset + chunk[0].start()
                name = before[s:]
                if name[:1].isupper() and letters in initials(name):
                    if not any(overlaps((s, len(before)), t) for t in taken):
                        out.append(Mention(s, len(before), name, "ORG", "finder"))
                        taken.append((s, len(before)))
                    break
        if not any(overlaps(span, t) for t in taken):
            label = owner.label if owner else "ORG"
            out.append(Mention(span[0], span[1], acr, label, "acronym"))
            taken.append(span)
    return out


_EVENT_CODE = re.compile(r"(?<![\w-])COP\d{1,2}(?![\w-])")
_ALLIANCE = re.compile(r"(?<![\w-])[A-Z]{2,6}\+(?![\w])")
_ADMIN_REGION = re.compile(r"\bthe ((?:[A-Z][\w'’-]+ ){1,2})(?:region|province|oblast|district|prefecture|governorate)\b")


# 'on the website "Insurgency Wiki"': a quoted name right after the kind of site it is.
_QUOTED_SITE = re.compile(r"\b(?:website|web site|site|blog|forum|message board|wiki|newsgroup)[ \t]+[\"“]"
                          r"([A-Z][^\"”\n]{1,40}?)[\"”]")


def quoted_sites(text: str, named: list[tuple[int, int]], taken) -> list[Mention]:
    """The site's name even where NER called it a work of art (only a name already
    found there keeps its place)."""
    out = []
    for hit in _QUOTED_SITE.finditer(text):
        if not any(overlaps(hit.span(1), t) for t in named):
            out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "ORG", "finder"))
            taken.append(hit.span(1))
    return out


def pattern_finds(text: str, taken) -> list[Mention]:
    out = []
    for rx, label in ((_EVENT_CODE, "EVENT"), (_ALLIANCE, "ORG")):
        for hit in rx.finditer(text):
            if not any(overlaps(hit.span(), t) for t in taken):
                out.append(Mention(hit.start(), hit.end(), hit.group(), label, "finder"))
                taken.append(hit.span())
    for hit in _ADMIN_REGION.finditer(text):
        s, e = hit.start(1), hit.end(1) - 1
        if not any(overlaps((s, e), t) for t in taken):
            out.append(Mention(s, e, text[s:e], "GPE", "finder"))
            taken.append((s, e))
    return out


_CORPORATE_TITLE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w&.'’-]*[ \t]+){1,3}?)(?:CEO|CFO|COO|CTO|co-founder|cofounder|founder|creator|"
    r"chief executive|chairman|chairwoman)[ \t]+[A-Z]")


def corporate_owners(text: str, g: Gazetteer, common_words, taken) -> list[Mention]:
    """'Facebook co-founder Mark Zuckerberg': the name before a company title is a company."""
    out = []
    for hit in _CORPORATE_TITLE.finditer(text):
        s, e = hit.start(1), hit.start(1) + len(hit.group(1).rstrip())
        words = text[s:e].split()
        if any(overlaps((s, e), t) for t in taken) or g.place(text[s:e]):
            continue
        if any(w in _LEAD_WORDS or g.is_title_part(w) for w in words):
            continue
        if len(words) == 1 and words[0].lower() in common_words:
            continue
        out.append(Mention(s, e, text[s:e], "ORG", "finder"))
        taken.append((s, e))
    return out


_PARTY = re.compile(r"(?<![\w-])([A-Z][\w'’-]+)[ \t]+(party|movement|militia|coalition)\b")


def named_by_noun(text: str, g: Gazetteer, taken) -> list[Mention]:
    """'his Fidesz party': a capitalised word before "party" or "movement" names the group."""
    out = []
    for hit in _PARTY.finditer(text):
        span = hit.span(1)
        word = hit.group(1)
        if word in _LEAD_WORDS or g.place(word) or any(overlaps(span, t) for t in taken):
            continue
        out.append(Mention(span[0], span[1], word, "ORG", "finder"))
        taken.append(span)
    return out


def headed_phrases(doc, g: Gazetteer, taken) -> list[Mention]:
    """Runs of proper nouns that end in a type word NER left untagged: 'Grand Mosque',
    'Intrepid Sea-Air-Space Museum', 'Deseret News'. The head word gives the type."""
    out = []
    heads = {**{h: "ORG" for h in g.org_heads}, **{h: "FAC" for h in g.fac_heads},
             **{h: "LOC" for h in g.loc_heads}, **{h: "EVENT" for h in g.event_heads}}
    run: list = []

    def flush():
        while run and run[-1].text in ("of", "the", "and", "&"):
            run.pop()
        if (len(run) >= 2 and run[-1].text in heads and run[0].text not in _LEAD_WORDS
                and not g.is_title_word(run[-1].text)):
            s, e = run[0].idx, run[-1].idx + len(run[-1].text)
            if not any(overlaps((s, e), t) for t in taken) and not g.is_title_part(run[0].text):
                out.append(Mention(s, e, text_of(doc)[s:e], heads[run[-1].text], "finder"))
                taken.append((s, e))
        run.clear()

    for tok in doc:
        proper = tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper()
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        joiner = bool(run) and nxt is not None and nxt.tag_ in ("NNP", "NNPS") and (
            tok.text in ("of", "the", "and", "&")
            or tok.text == "-" and not run[-1].whitespace_ and not tok.whitespace_)
        if (proper or joiner) and not tok.is_space:
            run.append(tok)
        else:
            flush()
    flush()
    return out


def list_members(doc, mentions: list[Mention], taken) -> list[Mention]:
    """Proper nouns listed with organisations are organisations: 'Instagram and Facebook'.
    One-word people in such a list are relabelled too (spaCy calls apps people)."""
    text = text_of(doc)
    by_token = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and m.label in ("ORG", "PERSON"):
            by_token[span[0].i] = m
    out = []
    for tok in doc:
        if tok.dep_ != "conj":
            continue
        members = [tok.head, tok, *[c for c in tok.children if c.dep_ == "conj"]]
        orgs = [t for t in members if t.i in by_token and by_token[t.i].label == "ORG"]
        if not orgs:
            continue
        for t in members:
            if t.i in by_token:
                m = by_token[t.i]
                if m.label == "PERSON":
                    m.label = "ORG"
                continue
            span = (t.idx, t.idx + len(t.text))
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if (t.tag_ == "NNP" and t.text[:1].isupper() and not t.is_sent_start and t.dep_ != "compound"
                    and not (nxt is not None and nxt.text[:1].isupper())
                    and not any(overlaps(span, x) for x in taken)):
                out.append(Mention(span[0], span[1], text[span[0]:span[1]], "ORG", "finder"))
                taken.append(span)
    return out


_SERVICE_CUE = re.compile(r"\b(?:platform|site|app|network|service|on|formerly|called|named)[ \t]+$", re.I)


def platform_finds(text: str, g: Gazetteer, common_words: frozenset[str], taken) -> list[Mention]:
    """'Reddit has filed a challenge': online services NER missed (a sentence's first
    word is not tagged); one that is also an English word ("Threads") only inside a sentence."""
    out = []
    for hit in _alternation(tuple(sorted(g.platform_names))).finditer(text):
        span, form = hit.span(), hit.group()
        if any(overlaps(span, t) for t in taken) or _inside_longer_name(text, span, g):
            continue
        before = text[max(0, span[0] - 3):span[0]].rstrip(" \t")
        if form.lower() in common_words and (not before or before[-1] in "\n.!?\"“‘'"):
            continue
        if len(form) == 1 and not _SERVICE_CUE.search(text, max(0, span[0] - 30), span[0]):
            continue  # "X" is the platform only where the text says so ("the platform X", "on X")
        if text[span[1]:span[1] + 1] == "-":
            continue  # "X-ray"
        out.append(Mention(span[0], span[1], form, "ORG", "gazetteer"))
        taken.append(span)
    return out


def find_more(doc, layout, g: Gazetteer, mentions: list[Mention], blocked, skip,
              common_words: frozenset[str] = frozenset()) -> list[Mention]:
    text = text_of(doc)
    taken = [m.span for m in mentions] + list(blocked) + list(skip)
    if layout.title_case:
        taken.append(layout.title_span)
    found = quoted_sites(text, [m.span for m in mentions], taken)
    found += bracket_acronyms(text, mentions, taken)
    found += pattern_finds(text, taken)
    found += corporate_owners(text, g, common_words, taken)
    found += named_by_noun(text, g, taken)
    found += headed_phrases(doc, g, taken)
    found += list_members(doc, mentions + found, taken)
    found += gazetteer_finds(text, g, taken)
    found += platform_finds(text, g, common_words, taken)
    return found
