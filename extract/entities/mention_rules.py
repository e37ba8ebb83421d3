"""Per-mention rules: peel titles, drop what is not a name, note forms that must not return.

Each rule is one function over one mention; `refine` runs them in order.
"""
from __future__ import annotations

import re
from functools import cache

from extract.gazetteer import Gazetteer
from extract.entities.mention import Mention
from extract.names import clean_span, fold, initials, peel_title

_WORD = re.compile(r"\S+")


@cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use so that importing the pipeline
    (e.g. `newsbrief ask`, which never parses) does not load spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _word_spans(m: Mention) -> list[tuple[int, int, str]]:
    return [(m.start + w.start(), m.start + w.end(), w.group()) for w in _WORD.finditer(m.text)]


def _sub(m: Mention, first: int, last: int, text: str) -> Mention | None:
    """The mention cut down to words first..last-1 (None when empty)."""
    words = _word_spans(m)[first:last]
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    return Mention(s, e, text[s:e], m.label, m.origin, m.place, m.in_title, m.ner_label, set(m.notes))


def peel_person(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`General Zhang Youxia` -> `Zhang Youxia` (the title stays in the text for roles.py)."""
    if m.label != "PERSON":
        return m
    name, role = peel_title(m.text)
    words = _word_spans(m)
    if all(fold(w.rstrip(".,")) in g.title_heads | g.honorifics for _, _, w in words):
        return None  # a lone title is nobody
    if role is None and name == " ".join(w for _, _, w in words):
        return m
    n = len(name.split())
    return _sub(m, len(words) - n, len(words), text)


def drop_post_nominals(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Mark Hale QC' -> 'Mark Hale': letters after a name are honours, not the name."""
    if m.label != "PERSON":
        return m
    words = _word_spans(m)
    cut = len(words)
    while cut > 1 and words[cut - 1][2].rstrip(",") in g.post_nominals:
        cut -= 1
    return m if cut == len(words) else _sub(m, 0, cut, text)


def strip_leading_noun(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Chipmaker Quanta' at a sentence start: the capitalised common noun is not the name."""
    words = _word_spans(m)
    if len(words) > 1 and words[0][2].lower() in g.org_nouns and words[0][2][:1].isupper() \
            and words[1][2][:1].isupper() and m.label != "PERSON":
        rest = _sub(m, 1, len(words), text)
        rest.place = g.place(rest.text)
        if rest.place:
            rest.label = rest.place.type  # "Team Estonia" is the country's team
        return rest
    return m


def strip_leading_person_noun(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Actress Amandla Stenberg' -> the person 'Amandla Stenberg'; 'Follow Breitbart' ->
    'Breitbart': an occupation or a page's link word before a capitalised name is not the name."""
    words = _word_spans(m)
    if len(words) < 2 or not words[1][2][:1].isupper():
        return m
    first = words[0][2]
    if first in g.page_words:
        return _sub(m, 1, len(words), text)
    if first[:1].isupper() and first.lower() in g.person_nouns:
        rest = _sub(m, 1, len(words), text)
        if len(words) >= 3:
            rest.label = "PERSON"  # a first and a last name after an occupation
        return rest
    return m


def strip_trailing_titles(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`the State Department Spokesperson` -> `State Department`; `NATO Secretary General` -> `NATO`.
    Names built with "of" keep their last word (`Office of the eSafety Commissioner`)."""
    if m.label == "PERSON" or " of " in m.text:
        return m
    words = [w for _, _, w in _word_spans(m)]
    cut = len(words)
    while cut > 1:
        if " ".join(words[cut - 2:cut]) in ("Secretary General", "Director General") and cut > 2:
            cut -= 2
        elif fold(words[cut - 1]) in g.title_heads:
            cut -= 1
        else:
            break
    if cut == len(words) or not any(re.search(r"[A-Z]", w) and w not in ("The", "A") for w in words[:cut]):
        return m
    return _sub(m, 0, cut, text)


def drop_portfolio(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """`Defense` in `US Defense Secretary`, `State` in `Secretary of State`: part of a title.
    A country in front (`U.S. Treasury`) is kept as its own mention."""
    words = _word_spans(m)
    lead = 0
    while lead < len(words) and g.place(words[lead][2]):
        lead += 1
    rest = " ".join(w for _, _, w in words[lead:])
    rest_words = [fold(w) for _, _, w in words[lead:]]
    if not rest or fold(rest) not in g.portfolio_words and not (
            all(w in g.portfolio_words or w in g.title_modifiers for w in rest_words)
            and any(w in g.portfolio_words for w in rest_words)):
        return m
    # The title word may come a few words on: "Commerce and Industry Minister".
    follows_title = False
    for w in text[m.end:m.end + 60].split()[:4]:
        w = w.strip(",.;:")
        if g.is_title_word(w):
            follows_title = True
            break
        if not (w in ("and", "&") or fold(w) in g.portfolio_words or g.is_title_part(w)):
            break
    before = text[max(0, m.start - 30):words[lead][0]]
    in_title = follows_title or re.search(
        r"\b(?:Secretary|Minister|Ministry|Department|Secretariat)\s+(?:of|for)\s+(?:the\s+)?$", before)
    if not in_title:
        return m
    if lead == 0:
        return None
    kept = _sub(m, 0, lead, text)
    kept.place = g.place(kept.text)
    kept.label = kept.place.type if kept.place else kept.label
    return kept


_NUMERIC = re.compile(r"^[\d.,%$€£¥\s-]+$|%")
# Letters then digits: model numbers and mission codes (H20, IE6, STS-134, F-35), not names here.
_PRODUCT_CODE = re.compile(r"^[A-Z][A-Za-z]{0,4}[- ]?\d+[A-Za-z]?$")
_LAW_WORDS = re.compile(r"\s+(?:accords?|agreements?|treaty|treaties|protocol|convention|deal)\b")


_HOLIDAY_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:Day|Eve)\b")


def is_junk(m: Mention, text: str, g: Gazetteer) -> bool:
    """Not a name: no capital letter, a number, a pronoun, a heading word, a stock acronym,
    a handle, a model number, a city naming a treaty ("the Paris accord"), or the
    saint of a holiday ("St. Patrick's Day")."""
    t = m.text
    if not re.search(r"[A-Z]", t) or _NUMERIC.search(t) or t.startswith(("@", "#")):
        return True
    f = fold(t)
    if f in g.not_entities or f == "i":
        return True
    # "US" is a country, "us" a pronoun: only the lower-case or capitalised forms are words.
    if not t.isupper() and (f in g.pronouns or f in stop_words()):
        return True
    if len(t) == 1 and (m.label != "ORG" or "sent_start" in m.notes):
        return True
    if all(fold(w) in g.title_heads or fold(w) in g.honorifics for w in t.split()):
        return True  # a lone title ("QC", "Governor") names nobody
    if _PRODUCT_CODE.match(t) and not re.match(r"^(?:COP|G)\d", t):
        return True
    if " " not in t and _IDEA.search(t) and m.label != "PERSON":
        return True  # "Islamophobia", "Communism": an idea, not a body
    if m.label == "PERSON" and " " in t and re.fullmatch(r"\d+", t.split()[-1]):
        return True  # "Anderson Cooper 360" is a programme, not its host
    if m.label in ("GPE", "LOC") and _LAW_WORDS.match(text, m.end):
        return True
    if m.label != "EVENT" and _HOLIDAY_AFTER.match(text, m.end):
        return True  # "St. Patrick" of "St. Patrick's Day" is a date, not a place or a person
    return False


_IDEA = re.compile(r"[a-z](?:ism|isms|phobia)$")
_BRACKET_AFTER = re.compile(r"\s*\(\s*([A-Z][\w.&+-]{1,11})\s*\)")


def dropped_name_forms(m: Mention, text: str, g: Gazetteer) -> set[str] | None:
    """Laws, treaties, products and vehicles are not entities here. Returns the forms
    they block (their acronym, the bare product name) or None when the mention is
    not one of them."""
    words = m.text.split()
    blocked: set[str] | None = None
    if m.label == "LAW":
        blocked = {fold(i) for i in initials(m.text)} | {fold(m.text)}
    elif m.label == "PRODUCT":
        # "Google Chrome" is a product, so a bare "Chrome" is too.
        blocked = {fold(m.text), fold(words[-1])} if len(words) > 1 and not g.place(words[-1]) else set()
    elif m.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"):
        blocked = set()
    elif fold(m.text) in g.product_names or fold(_word_before(text, m.start) + " " + m.text) in g.product_names \
            or len(words) > 1 and fold(words[-1]) in g.product_names and m.label != "PERSON":
        # ... and "Mozilla Firefox": the maker's name before its product is the product.
        # Browsers, systems and devices under any label NER guessed ("Firefox" as a person);
        # "Internet Explorer" blocks a bare "Explorer" too.
        blocked = {fold(m.text)}
        if len(words) > 1 and not g.place(words[-1]) and not words[-1][:1].isdigit():
            blocked.add(fold(words[-1]))
    else:
        for prefix in g.product_prefixes:
            if m.text.startswith(prefix):
                rest = m.text[len(prefix):].strip()
                blocked = {fold(rest)} if rest else set()
        if blocked is None and len(words) >= 2 and m.label != "PERSON" and (
                words[-1] in g.law_heads or words[-1] in g.product_heads):
            blocked = {fold(i) for i in initials(m.text)} | {fold(m.text)}
    if blocked is not None and m.label != "PRODUCT":
        hit = _BRACKET_AFTER.match(text, m.end)
        if hit:
            blocked.add(fold(hit.group(1)))  # "... System (NEMISIS)"
    return blocked


def strip_demonym(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Kentuckian Rand Paul' -> the person 'Rand Paul': the people of a place before a
    full name describe the person ('British Airways', two words and no person, stays)."""
    if m.label != "PERSON":
        return m
    words = _word_spans(m)
    for n in (2, 1):
        head = " ".join(w for _, _, w in words[:n])
        place = g.place(head)
        if (head in g.regional_demonyms or place and place.kind == "demonym") and len(words) - n >= 2 \
                and all(w[:1].isupper() for _, _, w in words[n:]):
            return _sub(m, n, len(words), text)
    return m


def people_after_adjective(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Older Latinos', 'Devout Catholics' opening a sentence: a capitalised describing word
    before a people in the plural is no name; the mention is that people."""
    words = _word_spans(m)
    if len(words) != 2 or m.label not in ("PERSON", "ORG") or not words[1][2].endswith("s"):
        return m
    place = g.place(words[1][2])
    if place is None or place.type != "NORP" or g.place(words[0][2]) or g.is_title_part(words[0][2]):
        return m
    people = _sub(m, 1, 2, text)
    if people is not None:
        people.label, people.place = "NORP", place
    return people


# Seats of government named after the leader who holds them: "the Obama White House".
_SEATS = ("White House", "Pentagon", "Kremlin", "Downing Street")


def person_era_seat(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Obama White House' is the White House in Obama's years, not a person."""
    if m.label != "PERSON":
        return m
    for seat in _SEATS:
        if m.text.endswith(" " + seat):
            start = m.end - len(seat)
            seat_m = _resized(m, start, m.end, text)
            seat_m.place = g.place(seat)
            seat_m.label = seat_m.place.type if seat_m.place else "ORG"
            return seat_m
    return m


def _word_before(text: str, start: int) -> str:
    hit = re.search(r"(\S+)[ \t]+$", text[max(0, start - 40):start])
    return hit.group(1) if hit else ""


def national_prefix(m: Mention, g: Gazetteer) -> None:
    """`US Federal Reserve` is also known as `Federal Reserve`: note the bare form."""
    if m.label not in ("ORG", "FAC", "EVENT") or m.place:
        return
    words = m.text.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        place = g.place(head)
        rest = words[n:]
        if place and place.kind == "country" and len(rest) >= 2 and all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in rest):
            m.alt = " ".join(rest)
            return


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von)[A-Z]")


def platform_is_org(m: Mention, g: Gazetteer) -> None:
    """'Twitter', 'Reddit': online services are organisations, whatever NER guessed."""
    if m.text in g.platform_names:
        m.label, m.place = "ORG", None


def fix_camel_case(m: Mention) -> None:
    """'SpaceX', 'TikTok', 'YouTube': a capital inside one word is a brand, not a person
    (McDonald, DeSantis and O'Brien are people)."""
    if m.label == "PERSON" and " " not in m.text and re.search(r"[a-z][A-Z]", m.text) \
            and not _NAME_PREFIX.match(m.text):
        m.label = "ORG"


_COURT_CASE = re.compile(r"\s(?:v|vs)\.?\s")  # "Roe v. Wade" is a case, not a person


def cut_person_at_common_word(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Robert Barr - won', 'Twitter junkie': a person's name ends before a dash or the
    first lower-case word that is no particle (van, de, al, bin); a case is no person."""
    if m.label != "PERSON":
        return m
    if _COURT_CASE.search(m.text):
        return None
    words = _word_spans(m)
    for i, (_, _, w) in enumerate(words):
        dash = w in ("-", "–", "—")
        common = w[:1].islower() and not re.search(r"[A-Z]", w) and w not in g.name_particles \
            and not w.startswith(("al-", "el-"))
        if i and (dash or common):
            return _sub(m, 0, i, text)
    return m


def split_comma_list(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Christie, Rubio' or 'Lazard, Evercore Partners' read as one organisation: a list,
    of which the first name stays (the others are found on their own); 'University of
    California, Berkeley' and 'Washington, D.C.' end with a place and stay whole."""
    if "," not in m.text or m.label in ("GPE", "LOC"):
        return m
    head, tail = m.text.split(",", 1)
    tail = tail.strip()
    end = m.start + len(head.rstrip())
    if not tail:
        return _resized(m, m.start, end, text)  # "Obama," with its comma
    if not head.strip() or not tail[:1].isupper() or g.place(tail) or g.place(tail.rstrip(".")):
        return m
    if " of " in head and len(tail.split()) == 1:
        return m  # "University of California, Berkeley": the campus is part of the name
    return _resized(m, m.start, end, text)


def cut_lowercase_tail(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """'Yonhap news agency' -> 'Yonhap': trailing common nouns are not part of the name."""
    if m.label == "PERSON":
        return m
    words = _word_spans(m)
    cut = len(words)
    while cut > 1 and words[cut - 1][2][:1].islower() and not re.search(r"[A-Z]", words[cut - 1][2]):
        if words[cut - 2][2].endswith(("'s", "’s")):
            break  # "the Sheriff's office" names the office
        cut -= 1
    return m if cut == len(words) else _sub(m, 0, cut, text)


_STANCE_PREFIX = re.compile(r"^(?:pro|anti|ex|non|post|pre|neo|then)[-‐‑]", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:https?:|www\.|\w\.(?:com|org|net|ly)/)", re.IGNORECASE)
# A quotation mark, colon, dash or social-media handle inside a span ends the name before it.
_INNER_BREAK = re.compile(r"[\"“”:—–]|(?<=\s)@\w")


def cut_to_the_name(m: Mention, text: str, g: Gazetteer) -> Mention | None:
    """A name is capitalised words only: 'last Democratic Party' -> 'Democratic Party',
    'pro-Jeb Bush' -> 'Jeb Bush'; a web address is no name, and a quotation mark, colon
    or dash inside a span ends the name before it ('Joseph Kahn: http://...'), and so does
    a handle ('Twitter @SomeReporter' is the platform, the handle no name)."""
    if _WEB_ADDRESS.search(m.text):
        cut = _INNER_BREAK.search(m.text)
        if not cut or _WEB_ADDRESS.search(m.text[:cut.start()]):
            return None
        s, e = clean_span(text, m.start, m.start + cut.start())
        return _resized(m, s, e, text)
    cut = _INNER_BREAK.search(m.text)
    if cut and cut.start() > 0:
        s, e = clean_span(text, m.start, m.start + cut.start())
        m = _resized(m, s, e, text)
        if m is None:
            return None
    prefix = _STANCE_PREFIX.match(m.text)
    if prefix and m.text[prefix.end():][:1].isupper():
        m = _resized(m, m.start + prefix.end(), m.end, text)
    words = _word_spans(m)
    lead = 0
    while (lead < len(words) - 1 and words[lead][2][:1].islower() and not re.search(r"[A-Z]", words[lead][2])
           and words[lead][2] not in g.name_particles and words[lead][2] != "the"):
        lead += 1
    return _sub(m, lead, len(words), text) if lead else m


def _resized(m: Mention, start: int, end: int, text: str) -> Mention | None:
    if end <= start:
        return None
    return Mention(start, end, text[start:end], m.label, m.origin, m.place, m.in_title, m.ner_label, set(m.notes))


_FORCES = re.compile(r"[ \t]+(navy|army|air force|coast guard|marines)\b")


def team_country(m: Mention, g: Gazetteer) -> None:
    """'Team Estonia' at a competition is the country's team: the mention names the country."""
    if m.text.startswith("Team "):
        place = g.place(m.text[5:])
        if place and place.kind == "country":
            m.start += 5
            m.text = m.text[5:]
            m.place, m.label = place, place.type


def national_force(m: Mention, text: str) -> Mention:
    """'the Malaysian navy' is an organisation, not the people called Malaysian."""
    if m.place is None or m.place.kind != "demonym":
        return m
    hit = _FORCES.match(text, m.end)
    if not hit:
        return m
    end = hit.end()
    return Mention(m.start, end, text[m.start:end], "ORG", m.origin, None, m.in_title, m.ner_label, set(m.notes))


_OTHER_WORD_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN"})


def common_noun_opener(m: Mention, doc, g: Gazetteer, common_words: frozenset[str] = frozenset()) -> bool:
    """'Analysts said...': a one-word mention the tagger reads as a common noun at the
    start of a sentence is a capitalised noun, not a name; so is an English adjective,
    adverb or verb there ("Digital forensics showed", "Accurate or not, ...")."""
    if " " in m.text or "sent_start" not in m.notes:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tag = span[0].tag_
    if tag in ("NN", "NNS"):
        return True
    return tag in _OTHER_WORD_TAGS and m.label in ("PERSON", "ORG") and not g.place(m.text) \
        and fold(m.text) in common_words  # "Spanish officials said" opens with a nationality


def strip_opening_adverb(m: Mention, doc, text: str) -> Mention:
    """'Certainly Donald Trump has ...': an adverb opening the sentence is not the name's
    first word (NER takes it in when it is capitalised)."""
    words = _word_spans(m)
    if len(words) < 2 or not words[1][2][:1].isupper():
        return m
    span = doc.char_span(words[0][0], words[0][1])
    if span is None or len(span) != 1 or span[0].tag_ != "RB" or not span[0].text.lower().endswith("ly"):
        return m
    return _sub(m, 1, len(words), text) or m


# A capitalised word said of something ("the plan was Bold", "called it Fair") describes it.
_PREDICATE_DEPS = frozenset({"acomp", "oprd"})


def describing_word(m: Mention, g: Gazetteer, doc) -> bool:
    """'Critics said the plan was Bold', 'called it Fair': a one-word mention that is
    the complement describing something is emphasis, not a name."""
    if " " in m.text or m.label not in ("PERSON", "ORG") or g.place(m.text):
        return False  # places and creeds are adjectives too ("anti-Pyongyang", "Sunni")
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    word = span[0]
    # The tagger calls a name an adjective now and then ("Trump supporters"): only a word
    # said of something, as its complement, counts.
    return word.dep_ in _PREDICATE_DEPS and word.pos_ in ("ADJ", "PROPN") or word.dep_ == "attr" and word.pos_ == "ADJ"


# "the film Silent Harbour", "her novel, The Quiet Border": the title of a work, not a name.
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|documentary|novel|book|memoir|album|song|single|sitcom|musical|opera|poem|painting|"
    r"podcast|video game|TV series|TV show)[ \t]*,?[ \t]*[\"“‘']?[ \t]*(?:(?:The|A|An|[A-Z][\w'’-]*)[ \t]+){0,4}$")
_PLURAL_BEFORE = re.compile(r"\b(?:several|many|some|few|most|other|two|three|four|these|those)[ \t]+$", re.I)
_CARE_NICKNAME = re.compile(r"^[A-Z][A-Za-z]{4,}[Cc]are$")  # "Obamacare": a law's nickname


def names_a_work(m: Mention, text: str) -> bool:
    return m.label != "GPE" and bool(_WORK_BEFORE.search(text, max(0, m.start - 80), m.start))


def plural_of_people(m: Mention, text: str) -> bool:
    """'Several Politicos attended': one word after a plural quantifier is a kind of people."""
    return m.label == "PERSON" and " " not in m.text and m.text.endswith("s") \
        and bool(_PLURAL_BEFORE.search(text, max(0, m.start - 20), m.start))


_CUT_SHORT = re.compile(r"[ \t]+(?:the|of|for|and|on)[ \t]+[A-Z]")
_PAIR = re.compile(r"^(.+?) (?:and|&) (.+)$")


_SITE_BEFORE = re.compile(r"\b(?:website|web site|site|blog|forum|message board|wiki|newsgroup)[ \t]+[\"“]$")
_HOME_TOWN = re.compile(r"^(?P<body>.+?)[ \t]+of[ \t]+(?P<town>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)$")


def split_home_towns(mentions: list[Mention], text: str, g: Gazetteer, doc=None) -> list[Mention]:
    """'the Evergreen Aviation & Space Museum of McMinnville, Oregon': a body whose own
    name ends in its head word, then "of" and a town followed by its state, is the body
    and the town ('University of Portland, Oregon', one word before "of", stays whole)."""
    if doc is None:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        hit = _HOME_TOWN.match(m.text) if m.label in ("ORG", "FAC") else None
        body_words = hit.group("body").split() if hit else []
        after = re.match(r",[ \t]+([A-Z][\w.]+)", text[m.end:m.end + 40])
        if not (hit and after and len(body_words) >= 2
                and (body_words[-1] in g.org_heads or body_words[-1] in g.fac_heads)):
            out.append(m)
            continue
        state = doc.char_span(m.end + after.start(1), m.end + after.end(1), alignment_mode="expand")
        if state is None or not len(state) or state[0].ent_type_ not in ("GPE", "LOC"):
            out.append(m)
            continue
        town_start = m.start + hit.start("town")
        body = _resized(m, m.start, m.start + hit.end("body"), text)
        if body is not None:
            out.append(body)
        out.append(Mention(town_start, m.end, text[town_start:m.end], "GPE", "finder", None, m.in_title))
    return out


def split_known_pairs(mentions: list[Mention], text: str, g: Gazetteer) -> list[Mention]:
    """'Alphabet and Facebook' is two names when the brief names either one on its own
    elsewhere ('Procter & Gamble' alone stays one). A name that ends in a head word
    shares it ('National Air and Space Museum', 'Bureau of Alcohol and Tobacco')."""
    heads = g.org_heads | g.fac_heads | g.loc_heads | g.event_heads | g.gpe_heads
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        pair = _PAIR.match(m.text) if m.label in ("ORG", "GPE", "LOC", "FAC") else None
        if pair and (words[-1] in heads or " of " in m.text or _CUT_SHORT.match(text, m.end)):
            pair = None  # one name sharing a head, or NER stopped inside a longer name
        if (pair and pair[1][:1].isupper() and pair[2][:1].isupper()
                and any(_named_elsewhere(text, part, m) for part in (pair[1], pair[2]))):
            first_end = m.start + len(pair[1])
            second_start = m.start + pair.start(2)
            out.append(_resized(m, m.start, first_end, text))
            out.append(_resized(m, second_start, m.end, text))
        else:
            out.append(m)
    return out


_GLUED_PERSON = re.compile(r"^(?P<org>.+\S) (?P<person>[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")
_SPEECH_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|explained|stated|wrote|argued)\b")


def split_glued_person(mentions: list[Mention], text: str, g: Gazetteer) -> list[Mention]:
    """'the Council on American-Islamic Relations Alia Salem said': NER ran the speaker's
    name into the organisation before it. A person's two-word name at the end of a
    longer organisation name, right before a speech verb, is a person of their own."""
    out: list[Mention] = []
    for m in mentions:
        hit = _GLUED_PERSON.match(m.text) if m.label == "ORG" else None
        if (hit and len(hit["org"].split()) >= 2 and _SPEECH_AFTER.match(text, m.end)
                and hit["org"].split()[-1] not in ("of", "the", "and", "for", "on")
                and not any(w in g.org_heads or w in g.fac_heads or g.place(w) for w in hit["person"].split())):
            org_end = m.start + hit.end("org")
            person = _resized(m, m.start + hit.start("person"), m.end, text)
            person.label = "PERSON"
            out += [_resized(m, m.start, org_end, text), person]
        else:
            out.append(m)
    return out


_PERSON_OF = re.compile(r"^(?P<person>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}) of (?P<org>(?:the )?[A-Z].+)$")


def split_person_of_org(mentions: list[Mention], text: str, g: Gazetteer,
                        common_words: frozenset[str]) -> list[Mention]:
    """'Meera Kapoor of Amnesty International' tagged as one organisation: a person's name
    (no head word, title or place in it, a first name that is no English word) then "of"
    and a capitalised body is the person and the body they speak for."""
    out: list[Mention] = []
    heads = g.org_heads | g.fac_heads | g.gpe_heads | g.event_heads
    for m in mentions:
        hit = _PERSON_OF.match(m.text) if m.label in ("ORG", "PERSON") else None
        words = hit["person"].split() if hit else []
        if not hit or fold(words[0]) in common_words or any(
                w in heads or g.is_title_part(w) or g.place(w) for w in words):
            out.append(m)
            continue
        person = _resized(m, m.start, m.start + hit.end("person"), text)
        body = _resized(m, m.start + hit.start("org"), m.end, text)
        if person is None or body is None:
            out.append(m)
            continue
        person.label, body.label = "PERSON", "ORG"
        out += [person, body]
    return out


def _named_elsewhere(text: str, form: str, m: Mention) -> bool:
    """Whether `form` occurs as a name of its own outside the mention `m`: a whole word,
    not inside a longer name or another pair ('the words "and Emergency"')."""
    for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
        if m.start <= hit.start() < m.end:
            continue
        before, after = text[max(0, hit.start() - 20):hit.start()], text[hit.end():hit.end() + 20]
        if re.search(r"(?:\band|&|[A-Z][\w'’-]*)\s+$", before) or re.match(r"\s+(?:and\b|&|[A-Z])", after):
            continue  # part of a longer name or of another pair there
        return True
    return False


def _code_family(form: str) -> set[str]:
    """'IE6' and 'IE9' are versions of a product: its capital letters alone ('IE') are the
    product too, not an organisation ('Intel 4004' keeps Intel: not all capitals)."""
    hit = re.fullmatch(r"([A-Z]{2,5})[- ]?\d+[A-Za-z]?", form)
    return {fold(hit.group(1))} if hit and not re.match(r"^(?:COP|G)\d", form) else set()


def _product_tails(text: str, g: Gazetteer) -> set[str]:
    """The last word of a product the text names ("Internet Explorer"): alone it means the product."""
    lowered = text.casefold()
    return {p.split()[-1] for p in g.product_names
            if " " in p and not p.split()[-1].isdigit() and p in lowered}


def refine(mentions: list[Mention], text: str, g: Gazetteer, doc=None,
           common_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Apply the per-mention rules; forms blocked by dropped laws or vehicles go too.
    `common_words` (lower-case English words) lets a capitalised adjective or verb
    opening a sentence be told from a name."""
    kept: list[Mention] = []
    blocked = _product_tails(text, g)
    split = split_known_pairs(split_home_towns(mentions, text, g, doc), text, g)
    for m in split_glued_person(split_person_of_org(split, text, g, common_words), text, g):
        if _SITE_BEFORE.search(text, max(0, m.start - 20), m.start) and text[m.end:m.end + 1] in "\"”":
            m.label, m.place = "ORG", None  # 'the website "Quarry Forum"', whatever NER guessed
        forms = dropped_name_forms(m, text, g)
        if forms is not None:
            blocked |= forms
            continue
        for rule in (cut_to_the_name, split_comma_list, cut_person_at_common_word, strip_leading_person_noun, strip_demonym, people_after_adjective, person_era_seat, peel_person, drop_post_nominals, strip_leading_noun, strip_trailing_titles,
                     drop_portfolio, cut_lowercase_tail):
            m = rule(m, text, g)
            if m is None:
                break
        if m is None:
            continue
        if is_junk(m, text, g):
            blocked |= _code_family(m.text)
            continue
        if names_a_work(m, text) or _CARE_NICKNAME.match(m.text):
            if " " in m.text or _CARE_NICKNAME.match(m.text):
                blocked.add(fold(m.text))  # the title again without "the film" is still the title
            continue
        if plural_of_people(m, text):
            continue
        if doc is not None and (common_noun_opener(m, doc, g, common_words) or describing_word(m, g, doc)):
            continue
        if doc is not None:
            m = strip_opening_adverb(m, doc, text)
        fix_camel_case(m)
        platform_is_org(m, g)
        team_country(m, g)
        m = national_force(m, text)
        national_prefix(m, g)
        kept.append(m)
    return [m for m in kept if fold(m.text) not in blocked]
