"""Who a speaker word stands for: an entity's canonical name, an unnamed source, or unknown.

The entity layer gives every mention of an entity as a char span (full name,
surname, acronym, metonym), so a speaker word maps to the entity whose span
overlaps it. Pronouns go to the most salient earlier mention; common nouns go to
their named owner (`the Home Office letter`), an earlier organisation (`the
ministry`), or stand for an unnamed source (`officials`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteer import load_data
from extract.statements.gender import PRONOUN_GENDER, word_before_gender
from extract.statements.grammar import pobj, same_line, subject_of
from extract.statements.lexicon import lexicon
from extract.entities.mention import text_of
from extract.model import Entity
from extract.statements.namesakes import Namesakes
from extract.statements.people import as_people

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_ORG_TYPES = {"ORG", "GPE", "NORP"}
_PLACE_OR_PARTY = {"GPE", "NORP", "LOC"}
_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "today", "yesterday", "tonight"}
# how far back (in sentences) a pronoun looks for its antecedent
_PRONOUN_REACH = 4
# and at most this many sentences, however many of them are quoted or continue a chain
_PRONOUN_SCAN = 12
# determiners of someone left unnamed (`another Republican`, `one aide`)
_INDEFINITE = {"a", "an", "another", "one", "some", "several", "other"}
# an aside between commas (`Trump, asked about it, said`) opens with a participle (which
# the tagger often takes for a past tense) or `who`, and is no longer than this
_ASIDE_OPENERS = {"VBN", "VBG", "VBD", "WP"}
_ASIDE_TOKENS = 25

# verbs by which someone puts out a document in their own name (`released a statement`,
# `passed a resolution`)
_ISSUING_VERBS = {"issue", "release", "publish", "post", "put", "send", "give", "make", "deliver",
                  "write", "sign", "file", "email", "tweet", "pass", "adopt", "approve"}
# `the governor` looks back over at most this many mentions for the person so described
_DESCRIBED_REACH = 200
# edges from a name to the words that title it (`Sen.`, `Rubio, the senator`)
_TITLE_DEPS = {"compound", "amod", "nmod", "appos"}
# words before a title that make it another office (`Vice President`, `Lieutenant Governor`)
_LESSER = {"vice", "deputy", "lieutenant", "lt", "lt.", "assistant", "associate", "under"}
_FORMER = {"former", "ex"}
# descriptions that stand for a named person as titles do (`the candidate said`)
_DESCRIPTION_NOUNS = {"candidate", "nominee", "front-runner", "frontrunner", "businessman", "businesswoman",
                      "billionaire", "mogul", "challenger", "incumbent"}
_TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                        "gen": "general", "sec": "secretary", "atty": "attorney", "amb": "ambassador"}
# arguments of a pronoun's verb that name someone else than the pronoun (binding)
_BOUND_DEPS = {"dobj", "dative", "pobj", "nsubj", "nsubjpass"}
_ARGUMENTS_SEEN = 20  # per word: a misparse can hang thousands of words off one
# `the statement said` looks this many tokens back for the statement someone issued
_ISSUED_REACH = 150
# edges that put a clause inside another one: its subject is not the sentence's topic
_EMBEDDING_DEPS = {"ccomp", "advcl", "relcl", "acl", "csubj", "pcomp"}

NEAR_WORDS = 40  # _name_near looks this far from the verb: a clause without a comma can run on for pages


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: `name` is canonical, or None for an unnamed source."""

    name: str | None
    someone: bool = False  # an unnamed person the text describes (`an Iowa Democrat`)


ANONYMOUS = Speaker(None)
SOMEONE = Speaker(None, someone=True)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


def _full_names_by_surname(mentions: list[_Mention]) -> dict[str, tuple[list[int], list[str]]]:
    """surname -> (starts, names) of the mentions of PERSON entities whose name ends in it and
    is longer than it, in mention order."""
    out: dict[str, tuple[list[int], list[str]]] = {}
    for m in mentions:
        full = m.entity.name.casefold()
        words = full.split()
        if m.entity.type == "PERSON" and words and full != words[-1]:
            starts, names = out.setdefault(words[-1], ([], []))
            starts.append(m.start)
            names.append(m.entity.name)
    return out


class SpeakerResolver:
    def __init__(self, doc, entities: list[Entity], blocked: list[tuple[int, int]]):
        """`blocked` are char ranges whose mentions never act as antecedents (quotes, headline)."""
        self.doc = doc
        self.lex = lexicon()
        entities = as_people(doc, entities)
        mentions = [_Mention(s, e, ent) for ent in entities for s, e in ent.spans if 0 <= s < e]
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._blocked = sorted(blocked)
        self._entities = entities
        self._places = {e.name for e in entities if e.type in _PLACE_OR_PARTY}
        self._spoken: list[tuple[int, str]] = []
        self._sents: list | None = None  # (sentence, start, end) per line, listed on first use
        self._sent_starts: list[int] = []  # their start offsets, listed with them
        self.namesakes = Namesakes(text_of(doc), entities)
        self._speech_subjects: list[tuple[int, str]] | None = None  # listed on first use
        self._full_names: dict | None = None  # surname -> mentions of longer names, made on first use
        self._titles: dict[int, set[str]] = {}  # id(person) -> title words the text gives them, on first use

    # -- entity lookup -------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end); the tightest mention wins."""
        best: _Mention | None = None
        i = bisect.bisect_right(self._starts, end)
        for m in reversed(self._mentions[max(0, i - 64):i]):
            if m.start < end and start < m.end:
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best.entity if best else None

    def canonical(self, entity: Entity, at: int) -> str:
        """The entity's name; a bare surname borrows the full name of the latest earlier
        person it ends (a fallback for when the entity layer left them unmerged), and a
        surname several people share goes to the one the text means (extract/statements/namesakes.py)."""
        if entity.type != "PERSON":
            return entity.name
        name = entity.name
        if " " not in entity.name.strip():
            surname = entity.name.strip().casefold()
            if self._full_names is None:
                self._full_names = _full_names_by_surname(self._mentions)
            starts, names = self._full_names.get(surname, ((), ()))
            i = bisect.bisect_left(starts, at)  # a bisect, not a walk back over every mention:
            name = names[i - 1] if i else name  # a `Smith said Jones said …` chain stays linear
        span = self._span_of(entity, at)
        return self.namesakes.person(span[0], span[1], name) if span else name

    def _span_of(self, entity: Entity, at: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, at)
        for m in reversed(self._mentions[max(0, i - 64):i]):
            if m.entity is entity and m.start <= at < m.end:
                return m.start, m.end
        return None

    def people(self) -> list[Entity]:
        return [e for e in self._entities if e.type == "PERSON"]

    def entities_named(self, name: str) -> list[Entity]:
        return [e for e in self._entities if e.name == name]

    def _is_blocked(self, start: int) -> bool:
        i = bisect.bisect_right(self._blocked, (start, float("inf")))
        return i > 0 and self._blocked[i - 1][0] <= start < self._blocked[i - 1][1]

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, token, allow_voice: bool = True) -> Speaker | None:
        """Speaker for the head word of a speaker phrase, or None when it names no source.

        `allow_voice` lets a document or spokesperson noun speak for its owner
        (`Cornyn's statement added`); reported speech needs a person or body instead."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS:
            return ANONYMOUS if lower in self.lex.anonymous else self._pronoun(token)  # `someone`
        ent = self.entity_at(token.idx, token.idx + len(token))
        if self._unnamed_member(token):
            got = self._apposition(token, allow_voice) or self._author(token)
            if got is not None:
                return got
            if ent is not None:
                got = Speaker(self.canonical(ent, token.idx))
            else:  # `a Democrat` is nobody's name: the noun speaks as a common one
                got = self._common_noun(token, allow_voice)
            return SOMEONE if got is not None and got.name in self._places else got
        return self._named(token, ent, allow_voice)

    def _named(self, token, ent: Entity | None, allow_voice: bool) -> Speaker | None:
        """Speaker for a head word with no indefinite determiner: its entity, a name in
        apposition, a proper name no entity covers, or what a common noun stands for."""
        if ent is not None:
            return Speaker(self.canonical(ent, token.idx))
        got = self._apposition(token, allow_voice)
        if got is not None:
            return got
        if token.pos_ == "PROPN":
            named = self._fallback_name(token)
            if named is not None:
                return named
            person = self._person_of_title(token)
            if person is not None:
                return person
        return self._common_noun(token, allow_voice)

    def _apposition(self, token, allow_voice: bool) -> Speaker | None:
        """`the Crown prosecutor, Mark Tedeschi`: the name in apposition."""
        for child in _line_children(token):
            if child.dep_ == "appos":
                got = self.resolve(child, allow_voice)
                if got is not None and got.name:
                    return got
        return None

    def _unnamed_member(self, token) -> bool:
        """`another New Hampshire Republican`, `an Iowa Democrat`: someone the text does not
        name; the place or party in the phrase is where they are from, not who spoke."""
        return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in _line_children(token))

    def _author(self, token) -> Speaker | None:
        """`a study by economist Jane Roe`: the author of an unnamed work."""
        for prep in _line_children(token):
            if prep.dep_ == "prep" and prep.lower_ == "by":
                obj = pobj(prep)
                got = self.resolve(obj) if obj is not None else None
                if got is not None and got.name:
                    return got
        return None

    def _person_of_title(self, token) -> Speaker | None:
        """`Governor of Washington Chris Gregoire`: a bare title names the person after `of`."""
        for prep in _line_children(token):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    ent = self.entity_at(obj.idx, obj.idx + len(obj)) if obj.dep_ == "pobj" else None
                    if ent is not None and ent.type == "PERSON":
                        return Speaker(self.canonical(ent, obj.idx))
        return None

    def of_verb(self, verb, allow_voice: bool = True) -> Speaker | None:
        """Speaker of a speech verb: its parsed subject, or, when the parse gives none that
        names anyone, the first name in the verb's own stretch of text."""
        subj = subject_of(verb)
        got = self.resolve(subj, allow_voice) if subj is not None else None
        if got is None and (subj is None or subj.pos_ in ("VERB", "PROPN")):
            got = self._name_near(verb, allow_voice)
        if (got is None or not got.name) and subj is not None and subj.pos_ == "NOUN":
            got = self._name_set_off_before(subj.head) or got
        return got

    def _name_set_off_before(self, verb) -> Speaker | None:
        """`The reporter I was talking to, Sam Whitaker, interrupted`: a name between commas
        right before the verb is the subject's appositive, which the parser hung elsewhere
        (the relative clause before it)."""
        doc = verb.doc
        k = verb.i - 1
        if k < 2 or doc[k].text != ",":
            return None
        last = doc[k - 1]
        ent = self.entity_at(last.idx, last.idx + len(last))
        if ent is None or ent.type != "PERSON":
            return None
        j = k - 1
        while j > 0 and self.entity_at(doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1])) is ent:
            j -= 1  # back to the name's first word
        if j < 1 or doc[j - 1].text != "," or not same_line(doc[j - 1], verb):
            return None
        return Speaker(self.canonical(ent, last.idx))

    def _name_near(self, verb, allow_voice: bool = True) -> Speaker | None:
        """`Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed …`: the first
        name between the last clause break and the verb; after a quotation (`“…,” added
        KCNA`) the name after the verb instead."""
        doc = verb.doc
        k = verb.i - 1
        while k >= 0 and doc[k].is_punct and doc[k].text == ",":
            k -= 1
        after_quote = k >= 0 and doc[k].is_quote
        step = 1 if after_quote else -1
        i = verb.i + step
        stretch = []
        while 0 <= i < len(doc) and same_line(doc[i], verb) and len(stretch) < NEAR_WORDS:
            tok = doc[i]
            if tok.is_punct and tok.text in ",;:.!?\"“”‘’()" or tok.is_quote:
                break
            stretch.append(tok)
            i += step
        # a person nearest the verb, else the longest named body (`The U.S. Department of
        # Agriculture notes`, not `U.S.`)
        found = [(tok, self.entity_at(tok.idx, tok.idx + len(tok))) for tok in stretch]
        # `the Democratic presidential candidate stated`: an adjective only describes someone
        found = [(tok, ent) for tok, ent in found if ent is not None and tok.pos_ != "ADJ"]
        # `added a New Hampshire Democrat`: the parser took the speaker for the object
        unnamed = [tok for tok, ent in found if ent.name in self._places and self._in_unnamed_phrase(tok)]
        found = [(tok, ent) for tok, ent in found if tok not in unnamed]
        if unnamed and not found:
            return SOMEONE
        people = [(tok, ent) for tok, ent in found if ent.type == "PERSON"]
        if people:
            tok, ent = people[0]
            return Speaker(self.canonical(ent, tok.idx))
        if found:
            tok, ent = max(found, key=lambda pair: self._mention_length(pair[0]))
            return Speaker(self.canonical(ent, tok.idx))
        if not after_quote:
            stretch.reverse()  # read left to right: the first name is the head of the phrase
        for tok in stretch:
            if tok.pos_ == "PROPN":
                return self._fallback_name(tok)
            if tok.lower_ in ("he", "she"):
                return self._pronoun(tok)
        if not after_quote and stretch and self._is_title(stretch[-1]):
            # `…, the candidate stated`: someone the text describes, named if it titled them so
            described = self._described_person(stretch[-1], loose=True)
            if described is not None or allow_voice:
                return described or SOMEONE
        if not after_quote and not any(t.pos_ == "VERB" for t in stretch) and 0 <= i and doc[i].text == ",":
            return self._person_before_aside(doc, i, verb)
        return None

    def _in_unnamed_phrase(self, tok) -> bool:
        """A place or party word inside `a New Hampshire Democrat`, `another Iowa voter`."""
        for _ in range(3):
            if self._unnamed_member(tok):
                return True
            if tok.dep_ != "compound" or tok.head is tok:
                return False
            tok = tok.head
        return False

    def _person_before_aside(self, doc, comma: int, verb) -> Speaker | None:
        """`after Mr. Trump, asked about the deaths, had said, “…”`, `At the club, Jay Roe, its
        president, suggested …`: the parser left the verb without a subject; the person is the
        name right before the aside between commas."""
        k = comma - 1
        while k >= 0 and same_line(doc[k], verb) and comma - k <= _ASIDE_TOKENS and doc[k].text != ",":
            k -= 1
        opener = doc[k + 1] if k >= 1 and doc[k].text == "," else None
        if opener is None:
            return None
        # `Jay Roe, the club's president and manager, suggested`: a described role is an aside too
        described = not any(t.pos_ in ("VERB", "AUX") for t in doc[k + 1:comma])
        if opener.tag_ not in _ASIDE_OPENERS and not described:
            return None
        if any(c.dep_ in _SUBJECT_DEPS and k < c.i < comma for c in opener.children):
            return None  # a clause with a subject of its own is no aside
        ent = self.entity_at(doc[k - 1].idx, doc[k - 1].idx + len(doc[k - 1]))
        if ent is not None and ent.type == "PERSON":
            return Speaker(self.canonical(ent, doc[k - 1].idx))
        return None

    def _mention_length(self, tok) -> int:
        i = bisect.bisect_right(self._starts, tok.idx)
        spans = [m.end - m.start for m in self._mentions[max(0, i - 64):i]
                 if m.start <= tok.idx < m.end]
        return max(spans, default=0)

    def _pronoun(self, token) -> Speaker | None:
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            types = {"PERSON"}
        elif lower in THING_PRONOUNS:
            types = _ORG_TYPES
        else:
            return None  # I, we, they, you: no single named antecedent
        name = self.antecedent(token, types)
        return Speaker(name) if name else None

    def note_speaker(self, at: int, name: str | None) -> None:
        """Remember who was found speaking at `at`: a speaker is the likeliest `he`/`she` of
        the sentences that follow."""
        if name:
            self._spoken.append((at, name))

    def antecedent(self, token, types: set[str]) -> str | None:
        """Canonical name of the most salient earlier mention of the given types that agrees
        with the pronoun (`she` is never a known man): the same sentence, then back sentence
        by sentence. Inside a sentence someone found speaking (a quotation's speaker, the
        subject of a speech verb) beats a subject (or its possessor), which beats the
        latest mention."""
        if self._sents is None:
            self._sents = _line_sentences(self.doc)
            self._sent_starts = [start for _, start, _ in self._sents]
        sents = self._sents
        sex = PRONOUN_GENDER.get(token.lower_) if "PERSON" in types else None
        # the pronoun's sentence by bisection: a scan per pronoun was quadratic in a long text
        si = max(0, bisect.bisect_right(self._sent_starts, token.idx) - 1)
        others = self._objects_of_own_verb(token)
        for k in self._reach_back(si, token.lower_):
            sent, lo, end = sents[k]
            hi = min(end, token.idx)
            spoke = [(at, name) for at, name in self._spoken + self.speech_subjects()
                     if lo <= at < hi and name not in others and self._type_of(name, types)
                     and self._agrees(name, sex)]
            if spoke:
                return max(spoke)[1]
            cands = []
            for m in self._mentions_between(lo, hi):
                if m.entity.type in types and not self._is_blocked(m.start):
                    name = self.canonical(m.entity, m.start)
                    if name not in others and self._agrees(name, sex, m.start):
                        cands.append((m, name))
            if cands:
                subjects = [c for c in cands if self._subject_like(c[0])]
                chain_at = self._pronoun_subject_at(sent, lo, hi, token.lower_)
                if chain_at is not None:
                    # `…, he noted, so … whether Miller will win`: a name in a clause after the
                    # same pronoun is news to the sentence, not the person the pronoun continues
                    subjects = [c for c in subjects if c[0].start < chain_at or not self._embedded(c[0])]
                    if not subjects:
                        continue  # `He attended, though unsure about Sanders.`: he is still him
                # in a sentence before the pronoun's, the main clause's subject is the topic the
                # pronoun takes up (`Worley pledged her vote to allow Clinton to focus. “…,” she said`)
                main = [c for c in subjects if k != si and not self._embedded(c[0])]
                return (main or subjects or cands)[-1][1]
        return None

    def _objects_of_own_verb(self, token) -> set[str]:
        """Who a subject pronoun cannot be: the people named after it in its own verb's other
        arguments (`he told Hannity`, `she said of Cole`, `he said Lund would lose`: none of
        them is the speaker talking about himself)."""
        if token.dep_ not in _SUBJECT_DEPS:
            return set()
        out = set()
        level = [c for c in token.head.children if c.i != token.i][:_ARGUMENTS_SEEN]
        for _ in range(2):  # the verb's arguments, and theirs (`said Lund would lose`)
            # only names after the pronoun (`Cole said …, she said` is Cole), on its own line
            level = [t for t in level if t.i > token.i and same_line(t, token)]
            below = []
            for tok in level:
                if tok.dep_ in _BOUND_DEPS and not self._is_blocked(tok.idx):
                    ent = self.entity_at(tok.idx, tok.idx + len(tok))
                    if ent is not None and ent.type == "PERSON":
                        out.add(self.canonical(ent, tok.idx))
                below += list(tok.children)[:_ARGUMENTS_SEEN]
            level = below
        return out

    def _reach_back(self, si: int, pronoun: str) -> list[int]:
        """Indexes of the sentence `si` and of those before it a pronoun may reach. The
        sentences of a quotation (`“…. …. …,” he said`) and those whose subject is the same
        pronoun (`She has said …. She has gone public ….`: a chain of one person) do not use
        up the reach."""
        out: list[int] = []
        counted = 0
        k = si
        while k >= 0 and counted < _PRONOUN_REACH and len(out) < _PRONOUN_SCAN:
            out.append(k)
            sent, lo, hi = self._sents[k]
            quoted = self._is_blocked(lo) and self._is_blocked(hi - 1)
            chained = k != si and self._pronoun_subject(sent, lo, hi, pronoun)
            counted += 0 if quoted or chained else 1
            k -= 1
        return out

    def _pronoun_subject(self, sent, lo: int, hi: int, pronoun: str) -> bool:
        """Whether the sentence's stretch [lo, hi) has the same pronoun as a subject: the
        person it continues is further back, not the names mentioned around it."""
        return self._pronoun_subject_at(sent, lo, hi, pronoun) is not None

    def _pronoun_subject_at(self, sent, lo: int, hi: int, pronoun: str) -> int | None:
        """Offset of the first subject in [lo, hi) that is the same pronoun, if any."""
        sex = PRONOUN_GENDER.get(pronoun)
        if sex is None:
            return None
        for tok in sent:
            if lo <= tok.idx < hi and tok.dep_ in _SUBJECT_DEPS and not self._is_blocked(tok.idx):
                if PRONOUN_GENDER.get(tok.lower_) == sex:
                    return tok.idx
        return None

    def _agrees(self, name: str, sex: str | None, at: int | None = None) -> bool:
        """Whether a person can be the `he`/`she` wanted: unknown agrees with both."""
        if sex is None:
            return True
        known = self.namesakes.gender(name)
        if known is None and at is not None:
            known = word_before_gender(self.namesakes.text, at)
        return known in (None, sex)

    def speech_subjects(self) -> list[tuple[int, str]]:
        """(offset, name) of every person who is the subject of a speech verb outside the
        quotations: `Wilcox said he …` makes Wilcox the likeliest `he` of what follows."""
        if self._speech_subjects is None:
            found = []
            for tok in self.doc:
                if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.casefold() not in self.lex.speech:
                    continue
                if self._is_blocked(tok.idx):
                    continue
                subj = subject_of(tok)
                if subj is None or subj.lower_ in PERSON_PRONOUNS:
                    continue
                ent = self.entity_at(subj.idx, subj.idx + len(subj))
                if ent is not None and ent.type == "PERSON":
                    found.append((subj.idx, self.canonical(ent, subj.idx)))
            self._speech_subjects = found
        return self._speech_subjects

    def _type_of(self, name: str, types: set[str]) -> bool:
        """Whether a speaker name can be the antecedent of a pronoun wanting `types`; a name
        no entity carries (a fallback) counts as a person."""
        kinds = {e.type for e in self._entities if e.name == name}
        return bool(kinds & types) if kinds else "PERSON" in types

    def _mentions_between(self, lo: int, hi: int) -> list[_Mention]:
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [m for m in self._mentions[i:j] if m.end <= hi]

    def _subject_like(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        if not same_line(root, root.head) and self._opens_line(m.start):
            return True  # `Humphrey, for example, said …` the parser hung on the paragraph before
        for _ in range(3):  # the name itself, or the possessor/compound of a subject
            if root.dep_ in _SUBJECT_DEPS:
                return True
            if root.dep_ not in ("poss", "compound", "appos", "conj") or root.head is root:
                return False
            root = root.head
        return False

    def _embedded(self, m: _Mention) -> bool:
        """Whether a subject-like mention belongs to a clause inside another one (`said that
        Holt wanted …`, `whether Miller will be …`, `after Lane spoke`), not to the main clause."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        node = span.root
        for _ in range(12):
            if node.dep_ in _EMBEDDING_DEPS:
                return True
            if node.head is node or not same_line(node, node.head):
                return False
            node = node.head
        return False

    def _opens_line(self, start: int) -> bool:
        """Whether only blanks stand before `start` on its line."""
        text = text_of(self.doc)
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip()

    def _fallback_name(self, token) -> Speaker | None:
        """A proper name no entity covers: its compound chain without titles."""
        doc = token.doc
        first = token.i
        while (first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ in ("compound", "flat")
               and same_line(doc[first - 1], token)):
            first -= 1  # the name's own words only: `Enver Solomon`, not the phrase around it
        parts = doc[first:token.i + 1]
        # Emoji and symbols tagged as proper nouns (`Ann Lee 👩💼 said`) are not part of a name.
        words = [t.text for t in parts
                 if t.lower_.rstrip(".") not in self.lex.titles and any(c.isalpha() for c in t.text)]
        name = " ".join(words).strip()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if name.casefold() in _CALENDAR_WORDS:
            return None  # `Saturday at the convention Sen. Warren said`: a date, not a source
        return Speaker(name) if name else None

    def _common_noun(self, token, allow_voice: bool) -> Speaker | None:
        lemma = token.lemma_.casefold()
        owner = self._owner(token)
        if owner is not None and (allow_voice or lemma in self.lex.anonymous):
            return owner
        if lemma in self.lex.voice and lemma not in self.lex.anonymous and not allow_voice:
            return None  # `Schnabel's comments suggest …`: a document reports, a person says
        named = self._definite_org(token) or self._described_person(token)
        if named is not None:
            return named
        if allow_voice and lemma in self.lex.voice:
            issuer = self._issuer(token)
            if issuer is not None:
                return issuer
        if lemma in self.lex.anonymous or (allow_voice and lemma in self.lex.voice):
            return ANONYMOUS
        return None

    def _described_person(self, token, loose: bool = False) -> Speaker | None:
        """`the governor said`, `the Florida senator said`: the latest person named before
        whom the text gave that title (`Gov. Chris Christie`, `Chris Christie, the governor
        of New Jersey`); no one if nobody was described so. `loose`: the parser gave the
        speech verb no subject, and the description is the phrase right before it."""
        if not self._is_title(token) or not (loose or self._speaks(token)):
            return None
        word = token.lemma_.casefold()
        children = _line_children(token)
        former = any(c.lower_ in _FORMER for c in children)  # `the former president` is not the president
        i = bisect.bisect_left(self._starts, token.idx)
        for m in reversed(self._mentions[max(0, i - _DESCRIBED_REACH):i]):
            if m.entity.type != "PERSON" or self._is_blocked(m.start):
                continue
            titles = self._titles_of(m.entity)
            if word in titles and former == bool(titles & _FORMER):
                return Speaker(self.canonical(m.entity, m.start))
        return None

    def _is_title(self, token) -> bool:
        """`the governor`, `the Democratic presidential candidate`: one person by a title."""
        return (token.tag_ == "NN" and token.lemma_.casefold() in _role_nouns()
                and any(c.dep_ == "det" and c.lower_ == "the" for c in _line_children(token)))

    def _speaks(self, token) -> bool:
        """Whether the word is the subject of a speech verb itself (`the governor said`), not
        of some other verb a parse may have tied the quote to (`after the senator won, …`)."""
        verb = token.head
        lemma = verb.lemma_.casefold()
        return token.dep_ == "nsubj" and (lemma in self.lex.speech or lemma in self.lex.quote_only)

    def _titles_of(self, entity: Entity) -> set[str]:
        """The title words the text gives a person in the phrases that name them: their role,
        a title before a mention (`Florida Sen. Marco Rubio`), an appositive (`Rubio, the
        senator`, `the senator, Marco Rubio`). Worked out once per person."""
        key = id(entity)
        if key not in self._titles:
            role = (entity.role or "").split()
            words = [w for k, w in enumerate(role) if k == 0 or role[k - 1].casefold() not in _LESSER]
            for start, end in entity.spans:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                root = span.root
                named = list(span) + [c for c in root.children if c.dep_ in _TITLE_DEPS
                                      and not (start <= c.idx < end) and not _runs_into_verb(c)]
                if root.dep_ == "appos":  # `the former president, Bill Carter`
                    named += [root.head] + [c for c in root.head.children if c.dep_ in _TITLE_DEPS]
                for tok in named:
                    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
                    if prev not in _LESSER:  # a vice president is no president
                        words.append(tok.text)
            folded = {w.strip(",.’'").casefold() for w in words}
            self._titles[key] = {_TITLE_ABBREVIATIONS.get(w, w) for w in folded}
        return self._titles[key]

    def _issuer(self, token) -> Speaker | None:
        """`she released a statement saying …`, `the ministry issued a note stating …`: an
        unowned document speaks for whoever put it out; `the statement said` for whoever put
        out the statement a few sentences before."""
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            lemma = token.lemma_.casefold()
            doc = token.doc
            for k in range(token.i - 1, max(-1, token.i - _ISSUED_REACH), -1):
                if doc[k].lemma_.casefold() == lemma and doc[k].dep_ == "dobj":
                    return self._issued_by(doc[k])
        return self._issued_by(token)

    def _issued_by(self, token) -> Speaker | None:
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.casefold() == "vote":
            token, verb = verb, verb.head  # `the council voted for the resolution, which said …`
        elif token.dep_ != "dobj" or verb.lemma_.casefold() not in _ISSUING_VERBS:
            return None
        if not same_line(token, verb):
            return None
        subj = subject_of(verb)
        got = self.resolve(subj) if subj is not None and subj.i != token.i else None
        return got if got is not None and got.name else None

    def _owner(self, token) -> Speaker | None:
        """The named person or body a noun belongs to or is illustrated by:
        `Cornyn's statement`, `the Home Office letter`, `the prosecutor, Mark Tedeschi`,
        `skeptics such as Michael Burry`, `governors, including Joachim Nagel`."""
        lemma = token.lemma_.casefold()
        voice = lemma in self.lex.voice  # `a statement from the ministry`
        # `the Florida senator`, `the Democratic candidate`: a person's place or party is where
        # they come from; only sources and bodies speak for theirs (`U.S. officials`)
        role = not (voice or lemma in self.lex.anonymous or lemma in self.lex.org_nouns)
        order = {"appos": 0, "conj": 1, "compound": 2, "poss": 3, "prep": 4}
        for child in sorted(_line_children(token), key=lambda c: order.get(c.dep_, 9)):
            if child.dep_ == "conj" and child.pos_ != "PROPN":
                continue  # `academic and professor Marc Lamont Hill`: only a named conjunct
            if child.dep_ in ("poss", "compound", "appos", "conj"):
                got = self.resolve(child) if child.dep_ != "compound" or child.pos_ == "PROPN" else None
                if got is not None and got.name and not (role and child.dep_ == "compound"
                                                         and got.name in self._places):
                    return got
            preps = ("as", "like", "including", "by") + (("from", "of", "for") if voice else ())
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        got = self.resolve(obj)
                        if got is not None and got.name:
                            return got
            if child.dep_ == "prep":
                person = self._person_after_phrase(child)
                if person is not None:
                    return person
        return None

    def _person_after_phrase(self, prep) -> Speaker | None:
        """`The mayor of Springfield, Joe Quimby, said`: the parser hangs the person's name on
        the place; a person in apposition there names the role's holder."""
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for appos in _line_children(obj):
                ent = self.entity_at(appos.idx, appos.idx + len(appos)) if appos.dep_ == "appos" else None
                if ent is not None and ent.type == "PERSON":
                    return Speaker(self.canonical(ent, appos.idx))
        return None

    def _definite_org(self, token) -> Speaker | None:
        """`the ministry` after `China's Ministry of Commerce`: the latest earlier body whose
        name contains the noun."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _line_children(token)):
            return None
        word = token.lower_
        for m in reversed(self._mentions[:bisect.bisect_left(self._starts, token.idx)]):
            if m.entity.type == "ORG" and word in m.entity.name.casefold().split():
                return Speaker(m.entity.name)
        if token.lemma_.casefold() in self.lex.org_nouns:
            # `the company said`, `the group said`: the organisation the text is about
            name = self.antecedent(token, {"ORG"})
            if name:
                return Speaker(name)
        return None


def _runs_into_verb(appos) -> bool:
    """`hosts Joe Marsh and Mika Bryant, the candidate stated …`: a phrase the parser took for
    an appositive but that a verb follows is that verb's subject."""
    if appos.dep_ != "appos":
        return False
    after = appos.right_edge.i + 1
    return after < len(appos.doc) and appos.doc[after].pos_ in ("VERB", "AUX")


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """Nouns by which a text refers back to someone it titled: the last word of every
    title head (extract/data/titles.json), and a few descriptions."""
    heads = {h.split()[-1].strip(".").casefold() for h in load_data("titles.json")["heads"]}
    return frozenset({_TITLE_ABBREVIATIONS.get(h, h) for h in heads} | _DESCRIPTION_NOUNS)


def _line_children(token) -> list:
    """Dependents on the token's own line: links across a line break are misparses."""
    return [c for c in token.children if same_line(c, token)]


def _line_sentences(doc) -> list[tuple[object, int, int]]:
    """(sentence, start char, end char) of each sentence cut at line breaks: the parser
    sometimes runs a sentence over a paragraph break, and a paragraph's `he` must not
    reach back into the one before as if it were the same sentence."""
    text = text_of(doc)
    out = []
    for sent in doc.sents:
        lo = sent.start_char
        while True:
            brk = text.find("\n", lo, sent.end_char)
            if brk < 0:
                break
            if text[lo:brk].strip():
                out.append((sent, lo, brk))
            lo = brk + 1
        if text[lo:sent.end_char].strip():
            out.append((sent, lo, sent.end_char))
    return out
