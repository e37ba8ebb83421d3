"""Who said a quotation: speech cues found in the parse and next to the marks.

Sieves, strongest first (after the Stanford quote-attribution sieves and the
GenderGapTracker rules, rewritten for spaCy's English parse):

1. `“…” — Christina Koch, …`: a dash after the quote names the speaker.
2. `“…?” asked X` / `“…,” said the mayor`: a speech verb right after the quote with
   its subject after it. This inverted order is never anything but an attribution,
   so it beats a parse that hangs the quote off an earlier verb.
3. The quote hangs off a speech verb or a speech noun in the dependency tree
   (`X said the plan was “…”`, `his assertion that “…”`). When that cue sits
   inside the reported clause of an outer speaker, the outer one is the source.
   A quote between a possessor and the speech noun it premodifies (`Cole's “…” promise`)
   is the possessor's, however the parser tied the quoted clause.
4. A speech verb right after the quote (`“…,” said X`, `“…,” X told reporters`).
5. A speech verb right before it, ending in a colon, comma or `that`
   (`X said: “…”`, `X told reporters, “…”`); with a colon this comes first.
6. `according to X` or `in the words of X` in the same sentence.
7. A speech verb set off by commas in the clause that holds the quote
   (`The market, she said, is “stronger than ever”`).
8. A quotation embedded in a clause (`X pledged to “fight for every vote”`,
   `X bemoaned a climate in which people “hate each other”`): the nearest named
   person (or he/she) who is the subject of a verb above it, outside the quote.
Anything else is left to the caller (follow-on quotes inherit a speaker).
"""
from __future__ import annotations

from dataclasses import dataclass

from extract.statements.docview import DocView
from extract.statements.grammar import (is_question, own_subordinate_clause, passive, pobj, relayed_source,
                                       same_line, subject_of)
from extract.statements.lexicon import lexicon
from extract.statements.quotes import QuoteSpan
from extract.statements.speakers import ANONYMOUS, SOMEONE, Speaker, SpeakerResolver

# Dependency edges that carry what was said from a clause up to its speech verb.
CLAUSAL = {"ccomp", "parataxis", "conj", "advcl", "dep", "xcomp", "csubj", "oprd"}
# Edges a naming verb (call, describe) uses for the quoted label.
NAMING_EDGES = CLAUSAL | {"dobj", "attr", "acomp", "npadvmod", "appos"}
# Edges that never carry speech when the quote itself hangs off the verb.
NON_SPEECH_EDGES = {"prep", "agent", "pobj", "poss", "det", "amod", "compound", "nmod", "mark",
                    "case", "cc", "punct", "aux", "auxpass", "neg", "nummod", "prt", "expl",
                    "dative", "relcl", "acl"}
# Edges from a speech noun to the clause that states its content.
NOMINAL_EDGES = {"acl", "ccomp", "appos", "relcl", "advcl"}
# Edges by which a quoted word merely modifies a noun.
_MODIFIER_EDGES = {"amod", "compound", "nmod", "nummod", "poss"}
# How many tokens may separate an introducing verb from the quote it introduces.
_INTRO_REACH = 12
# Verbs whose open complement is an instruction (told to, asked to), not speech.
_INSTRUCTION_VERBS = {"tell", "ask", "urge", "order", "instruct", "advise", "warn", "call"}
_DASHES = ("—", "–", "--", "-")
# A quotation this short inside a trailing attribution is a name or label, not the next quote.
_NAME_IN_APPOSITIVE = 3
_SENTENCE_END = {".", "!", "?"}
# Verbs that speak only with the particle `back` (`shot back, “…”`, `fired back:`).
_RETORT_VERBS = {"shoot", "fire", "hit", "snap", "push"}


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    how: str  # which sieve found it: dash, colon, tree, after, before, according


class Attributor:
    def __init__(self, view: DocView, resolver: SpeakerResolver):
        self.view = view
        self.resolver = resolver
        self.lex = lexicon()
        self._asides: dict[int, list] | None = None  # head index -> its parataxis children, listed on first use

    def attribute(self, q: QuoteSpan) -> Attribution | None:
        for sieve, how in ((self._dash, "dash"), (self._colon, "colon"), (self._inverted, "inverted"),
                           (self._tree, "tree"), (self._possessed, "tree"),
                           (self._after, "after"), (self._before, "before"),
                           (self._according, "according"), (self._aside, "aside"),
                           (self._embedded, "subject")):
            speaker = sieve(q)
            if speaker is not None:
                return Attribution(speaker, how)
        return None

    # -- sieve 1: dash -------------------------------------------------------------------
    def _dash(self, q: QuoteSpan) -> Speaker | None:
        if not q.closed:
            return None
        text = self.view.text
        rest = text[q.after:self.view.line_end(q.after)]
        stripped = rest.lstrip()
        dash = next((d for d in _DASHES if stripped.startswith(d)), None)
        if dash is None or (dash == "-" and not stripped.startswith("- ")):
            return None  # a bare hyphen is a word joint, not an attribution dash
        at = q.after + (len(rest) - len(stripped)) + len(dash)
        for tok in self.view.tokens_between(at, min(len(text), at + 120)):
            if tok.is_punct and tok.text in (",", ".", ";", "("):
                break
            if tok.pos_ in ("PROPN", "NOUN", "PRON"):
                while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                    tok = tok.head  # `Christina` -> `Koch`
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i:
                    return None  # `“…” - he has often been …`: a clause resumes, no byline
                return self.resolver.resolve(tok)
        return None

    # -- sieve 2: inverted trailing attribution ---------------------------------------------
    def _inverted(self, q: QuoteSpan) -> Speaker | None:
        """`“Why wait?” asked Dana Marsh, now a lobbyist`: the parser may hang the quote off a
        verb before it (`… as Democrats are claiming — “…”`), but a speech verb opening the
        words after the quote, followed by its own subject, names who spoke."""
        if not q.closed or not self._may_trail(q):
            return None
        window = self._window_after(q)
        while window and window[0].is_punct and window[0].text in (",", "—", "–"):
            window = window[1:]
        if not window:
            return None
        verb = window[0]
        lemma = verb.lemma_.casefold()
        if not (self._verbal(verb) and (lemma in self.lex.speech or lemma in self.lex.quote_only)):
            return None
        subj = subject_of(verb)
        if subj is None or subj.i <= verb.i:
            return None
        return self.resolver.resolve(subj)

    # -- sieve 3: dependency tree ----------------------------------------------------------
    def _tree(self, q: QuoteSpan) -> Speaker | None:
        found: list[Speaker] = []
        for anchor in self._anchors(q):
            found.extend(self._cues_above(anchor, q))
        # prefer a named speaker found on any anchor path, then an unnamed source
        return next((s for s in found if s.name), found[0] if found else None)

    def _possessed(self, q: QuoteSpan) -> Speaker | None:
        """`Cole's “you can keep it” promise`: a quote between a possessor and the speech noun
        it premodifies is the possessor's words, however the parser tied the quoted clause."""
        if not q.closed:
            return None
        before = self.view.tokens_between(max(0, q.open_at - 4), q.open_at)
        after = self.view.tokens_between(q.after, min(len(self.view.text), q.after + 30))
        if not before or not after or before[-1].tag_ != "POS" or not same_line(before[-1], after[0]):
            return None
        noun = after[0]
        if noun.pos_ != "NOUN" or noun.lemma_.casefold() not in self.lex.nominal:
            return None
        got = self.resolver.resolve(before[-1].head)
        return got if got is not None and got.name else None

    def _anchors(self, q: QuoteSpan) -> list:
        """Tokens inside the quote whose head lies outside it (or that head a sentence)."""
        region = (q.open_at, q.after)
        out = []
        for tok in self.view.content_tokens(q):
            head = tok.head
            if head.i == tok.i or not (region[0] <= head.idx < region[1]):
                out.append(tok)
        return out

    def _cues_above(self, anchor, q: QuoteSpan) -> list[Speaker]:
        """Speakers of the speech cues governing `anchor`, outermost first. An outer cue
        counts only when the inner one sits in its reported clause (a ccomp on the way)."""
        # `the "reform" bill`: a quoted modifier is a label, unless it stands in the clause
        # someone reports (`X says his "old friend" Y ran …`: X's words)
        modifier = anchor.dep_ in _MODIFIER_EDGES and anchor.head.pos_ in ("NOUN", "PROPN")
        if modifier and self._capitalised(q):
            return []  # `wearing “Ted Cruz” pins`: a name on a thing, whoever reports it
        child, node = anchor, anchor.head
        cues: list[Speaker] = []
        via_clause = False
        seen = 0
        while node.i != child.i and seen < 40:
            seen += 1
            edge = child.dep_
            outside = not (q.open_at <= child.idx < q.after)
            if edge == "relcl" and outside:
                break  # the quote sits in a modifier of a noun: a term, not speech
            if edge == "advcl" and outside and own_subordinate_clause(child):
                break  # `X tweeted after Y argued that “…”`: Y's clause, never X's words
            if edge == "ccomp":
                via_clause = True
            if not self.view.in_quote(node) and same_line(node, anchor):
                # a parse run across a paragraph break is no attribution
                speaker = self._cue_speaker(node, child, direct=not outside)
                unnamed = speaker is None and not cues and self._unnamed_cue(node, child, outside)
                if modifier and not cues and not via_clause and (speaker is not None or unnamed):
                    return []  # `called the "reform" bill a mess`: a label on the thing named
                if unnamed:
                    # `X recalled how the pilot called the route “…”`: the pilot's words,
                    # never the outer speaker's
                    return [Speaker(None)]
                if speaker is not None:
                    if cues and not via_clause:
                        break
                    cues.append(speaker)
                    via_clause = False
            child, node = node, node.head
        return cues[::-1]

    def _capitalised(self, q: QuoteSpan) -> bool:
        words = [t for t in self.view.content_tokens(q) if t.is_alpha]
        return bool(words) and all(t.text[0].isupper() for t in words)

    def _cue_speaker(self, node, child, direct: bool) -> Speaker | None:
        """The speaker when `node` is a speech cue reached from `child` by a speech edge."""
        lemma = node.lemma_.casefold()
        edge = child.dep_
        if self._verbal(node) and self._quote_verb(node):
            if not self._speech_edge(lemma, child, edge, direct):
                return None
            return self._verb_speaker(node)
        if node.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nominal and edge in NOMINAL_EDGES:
            return self._noun_speaker(node)
        return None

    def _unnamed_cue(self, node, child, outside: bool) -> bool:
        """A speech verb governing the quote whose subject is someone the text leaves unnamed
        (`the pilot called it …`), as opposed to no subject at all."""
        lemma = node.lemma_.casefold()
        if not (self._verbal(node) and self._quote_verb(node)):
            return False
        if not self._speech_edge(lemma, child, child.dep_, not outside):
            return False
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.pos_ == "NOUN" and node.dep_ != "ROOT"

    def _quote_verb(self, tok) -> bool:
        return self.lex.is_quote_verb(tok.lemma_.casefold()) or _retort(tok)

    def _verbal(self, tok) -> bool:
        """A verb, or a speech verb the tagger took for a plural noun (`the Department
        of Agriculture notes, “…”`)."""
        if tok.pos_ in ("VERB", "AUX"):
            return True
        return (tok.dep_ == "ROOT" and tok.tag_ in ("NNS", "NNPS")
                and tok.lemma_.casefold() in self.lex.speech)

    def _speech_edge(self, lemma: str, child, edge: str, direct: bool) -> bool:
        if edge == "prep":
            if child.lower_ in ("of", "for") and lemma in self.lex.naming:
                return True  # `accused her of “leading from behind”`: the accuser's words
            return child.lower_ == "as" and (lemma in self.lex.naming or lemma in self.lex.speech
                                            or lemma == "quote")
        if edge == "xcomp" and lemma in _INSTRUCTION_VERBS:
            return False
        if edge == "conj" and not direct and _own_subject(child):
            return False  # `X proposed a debate, but the Y campaign rejected it as “…”`: Y's clause
        if edge == "ccomp" and lemma in ("ask", "wonder") and is_question(child):
            return False
        if direct:
            return edge not in NON_SPEECH_EDGES
        if lemma in self.lex.naming:
            return edge in NAMING_EDGES
        return edge in CLAUSAL

    def _verb_speaker(self, verb) -> Speaker | None:
        if passive(verb) and subject_of(verb) is None and verb.lemma_.casefold() in self.lex.speech:
            # `Reyes was asked, “…?”`: the name before the verb is the hearer, the asker unnamed
            # (a passive naming verb, `what is called “…”`, is left to the rules for labels)
            return ANONYMOUS
        return self.resolver.of_verb(verb)

    def _noun_speaker(self, noun) -> Speaker | None:
        for c in noun.children:
            # `Lula’s warning`: the parser sometimes labels the possessor nsubj
            if c.dep_ == "poss" or (c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children)):
                return self.resolver.resolve(c)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by", "from"):
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        return self.resolver.resolve(obj)
        return None

    # -- sieve 4: speech verb right after the quote ------------------------------------------
    def _after(self, q: QuoteSpan) -> Speaker | None:
        if not q.closed or not self._may_trail(q):
            return None
        window = self._window_after(q)
        for k, tok in enumerate(window):
            if self._verbal(tok) and (tok.lemma_.casefold() in self.lex.speech
                                      or tok.lemma_.casefold() in self.lex.quote_only
                                      or _retort(tok)):
                got = self._verb_speaker(tok)
                return got if got is not None else self._first_person(window[:k])
        return None

    def _first_person(self, toks: list) -> Speaker | None:
        """`“…,” Texas delegate Bill Eastland, wearing a hat and pins, said`: the parse loses
        the subject behind a long appositive; the first person named after the quote speaks."""
        for tok in toks:
            ent = self.resolver.entity_at(tok.idx, tok.idx + len(tok))
            if ent is not None and ent.type == "PERSON":
                return Speaker(self.resolver.canonical(ent, tok.idx))
        return None

    def _may_trail(self, q: QuoteSpan) -> bool:
        """A trailing attribution follows `…,”` or `…?”`, or a closed sentence glued to a
        lower-case verb (`“….” said X`); a full stop before a capital starts a new sentence."""
        text = self.view.text
        inner = text[q.start:q.end].rstrip("’'‘\" ")
        nxt = text[q.after:q.after + 40].lstrip()
        if not nxt:
            return False
        if nxt[0] in ",;—–-":
            return True
        if inner.endswith((".", ":")):
            return nxt[0].islower()
        return True

    def _window_after(self, q: QuoteSpan) -> list:
        end = self.view.line_end(q.after)
        for o in self.view.quotes:
            if o.open_at < q.after or o.open_at >= end:
                continue
            if o.closed and len(self.view.text[o.start:o.end].split()) <= _NAME_IN_APPOSITIVE:
                continue  # `X, wearing “Ted Cruz” pins, said`: a name inside the attribution
            end = o.open_at
            break
        out = []
        for tok in self.view.tokens_between(q.after, end):
            if self.view.in_quote(tok):
                continue
            if tok.text in _SENTENCE_END:
                break
            out.append(tok)
        return out

    # -- sieve 5: speech verb right before the quote ----------------------------------------
    def _colon(self, q: QuoteSpan) -> Speaker | None:
        """`X told GB News: “…”`: a colon is the clearest introduction, and it beats a
        parse that hangs the quoted sentence somewhere else."""
        window = self._window_before(q)
        if not window or window[-1].text != ":":
            return None
        return self._label(q, window[:-1]) or self._before(q)

    def _label(self, q: QuoteSpan, words: list) -> Speaker | None:
        """Transcript layout, `PENCE: “Well, look …”` or `Mike Pence: “…”`: a line that opens
        with a person's name and a colon. Only a person of the brief counts (`Q:` is none)."""
        line = self.view.line_start(q.open_at)
        if not words or words[0].idx != line or len(words) > 4:
            return None
        if not all(w.is_alpha or w.text in (".", "-") for w in words):
            return None
        if not all(w.text[:1].isupper() for w in words if w.is_alpha):
            return None
        label = " ".join(w.text for w in words if w.is_alpha).casefold()
        for ent in self.resolver.people():
            name = ent.name.casefold()
            if name == label or name.split()[-1] == label:
                return Speaker(ent.name)
        return None

    def _before(self, q: QuoteSpan) -> Speaker | None:
        window = self._window_before(q)
        if not window:
            return None
        last = window[-1]
        introduces = (last.text in (":", ",") or last.lower_ in ("that", "as", "saying")
                      or self.lex.is_quote_verb(last.lemma_.casefold()))
        if not introduces:
            return None
        for tok in reversed(window[-_INTRO_REACH:]):
            lemma = tok.lemma_.casefold()
            if self._verbal(tok) and self._quote_verb(tok):
                speaker = self._verb_speaker(tok)
                if speaker is not None:
                    return speaker
        return None

    def _window_before(self, q: QuoteSpan) -> list:
        start = self.view.line_start(q.open_at)
        start = self.view.last_quote_end(start, q.open_at) or start
        toks = self.view.tokens_between(start, q.open_at)
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].text in _SENTENCE_END:
                return toks[k + 1:]
        return toks

    # -- sieve 6: according to / in the words of ------------------------------------------
    def _according(self, q: QuoteSpan) -> Speaker | None:
        sent_toks = self._sentence_tokens(q)
        for i, tok in enumerate(sent_toks):
            src = None
            if tok.lower_ == "according" and i + 1 < len(sent_toks) and sent_toks[i + 1].lower_ == "to":
                src = pobj(sent_toks[i + 1])
            elif tok.lower_ == "words" and i + 1 < len(sent_toks) and sent_toks[i + 1].lower_ == "of":
                src = pobj(sent_toks[i + 1])
            elif tok.lower_ == "as" and tok.dep_ == "mark" and tok.idx < q.open_at:
                src = self._framing_speaker(tok)
                if src is not None:
                    return src
                continue
            if src is None:
                continue
            relay = relayed_source(src, sent_toks[i:])
            got = self.resolver.resolve(relay if relay is not None else src)
            if got is not None:
                return got
        return None

    def _framing_speaker(self, mark) -> Speaker | None:
        """`As the chief executive, Jeff Weiner, put it in his memo, “…”`, `As Josh Earnest
        explained, three taxes were postponed, “which …”`: an `as` clause of speech frames
        its whole sentence."""
        verb = mark.head
        lemma = verb.lemma_.casefold()
        speaks = self.lex.is_quote_verb(lemma) or (
            lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children))
        if not speaks or verb.dep_ != "advcl" or self.view.in_quote(verb):
            return None
        got = self.resolver.of_verb(verb)
        return got if got is not None and got.name else None

    def _sentence_tokens(self, q: QuoteSpan) -> list:
        """Tokens outside quotes from the sentence start before the quote to its end after it."""
        before = self._window_before(q)
        start = before[0].idx if before else q.open_at
        toks = [t for t in self.view.tokens_between(start, q.open_at) if not self.view.in_quote(t)]
        return toks + self._window_after(q) if q.closed else toks

    # -- sieve 7: a speech aside in the quote's clause -------------------------------------
    def _aside(self, q: QuoteSpan) -> Speaker | None:
        """`The market, she said, is “stronger than ever”`: the parser hangs the quote off the
        clause's own verb and the speech verb beside it as an aside (parataxis)."""
        for anchor in self._anchors(q):
            node, seen = anchor, 0  # the quote's own top word may hold the aside (`X, she said, is ''…''`)
            while seen < 12 and same_line(node, anchor):
                seen += 1
                for child in self._parataxis_of(node):
                    if self._speech_aside(child, q):
                        return self.resolver.of_verb(child)
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    def _parataxis_of(self, node) -> list:
        """The node's parataxis children, from one pass over the doc: a misparsed line of
        thousands of quotes hangs them all off one word, and scanning its children for
        every quote was quadratic."""
        if self._asides is None:
            self._asides = {}
            for token in node.doc:
                if token.dep_ == "parataxis" and token.head.i != token.i:
                    self._asides.setdefault(token.head.i, []).append(token)
        return self._asides.get(node.i, [])

    def _speech_aside(self, verb, q: QuoteSpan) -> bool:
        """A speech verb with its own subject, between commas, before the quote."""
        if verb.dep_ != "parataxis" or verb.idx >= q.open_at or self.view.in_quote(verb):
            return False
        if not (self._verbal(verb) and verb.lemma_.casefold() in self.lex.speech):
            return False
        doc = verb.doc
        edges = list(verb.subtree)
        first, last = edges[0].i, edges[-1].i
        before = doc[first - 1] if first > 0 else None
        framed = (edges[0].text == "," or (before is not None and before.text == ",")) and (
            edges[-1].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ","))
        return framed and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)

    # -- sieve 8: the subject of the clause the quote is embedded in -----------------------
    def _embedded(self, q: QuoteSpan) -> Speaker | None:
        """A quotation inside a sentence that opens outside it: the first verb above the
        quote whose subject names a person (a pronoun resolved) speaks it."""
        before = self._window_before(q)
        if not any(tok.is_alpha for tok in before):
            return None  # the quote opens its sentence: no clause holds it
        asker = self._asked_by(before)
        if asker is not None:
            return asker
        for anchor in self._anchors(q):
            if anchor.dep_ in _MODIFIER_EDGES and anchor.head.pos_ in ("NOUN", "PROPN"):
                continue
            node, seen = anchor.head, 0
            while seen < 12 and same_line(node, anchor):
                seen += 1
                if not self.view.in_quote(node) and node.pos_ in ("VERB", "AUX"):
                    got = self._person_subject(node)
                    if got is not None:
                        return got
                    if node.dep_ == "conj" and _own_subject(node):
                        # `…, but the campaign rejected it as “…”`: not the first clause's
                        return self._unnamed_subject(node)
                if node.head.i == node.i:
                    break
                node = node.head
        return None

    def _asked_by(self, before: list) -> Speaker | None:
        """`Asked by Lyle if the mayor “gets” it, Dunmore shrugged`: a quote inside a question
        put by someone is the asker's, however the parser hangs the clause. The question runs
        from `asked by X` to the quote with no comma closing it."""
        for k in range(len(before) - 1, -1, -1):
            tok = before[k]
            if tok.text == ",":
                return None
            if tok.lemma_.casefold() == "ask" and tok.tag_ == "VBN":
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                obj = pobj(agent) if agent is not None else None
                got = self.resolver.resolve(obj, allow_voice=False) if obj is not None else None
                return got if got is not None and got.name else None
        return None

    def _unnamed_subject(self, verb) -> Speaker | None:
        """`officials started to portray it as a “workplace” issue`: people the text leaves
        unnamed said it; any other subject (`the campaign`) names no one."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return SOMEONE if subj is not None and subj.lemma_.casefold() in self.lex.anonymous else None

    def _person_subject(self, verb) -> Speaker | None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or self.view.in_quote(subj) or not same_line(subj, verb):
            return None
        named = self.resolver.entity_at(subj.idx, subj.idx + len(subj))
        person = named is not None and named.type == "PERSON"  # `Sanders` tagged as a common noun
        if subj.pos_ != "PROPN" and subj.lower_ not in ("he", "she") and not person:
            return None  # `the Trump administration emphasizes …`: a body, not a person
        got = self.resolver.resolve(subj, allow_voice=False)
        if got is None or not got.name:
            return None
        kinds = {e.type for e in self.resolver.entities_named(got.name)}
        return got if kinds <= {"PERSON"} else None


def _own_subject(clause) -> bool:
    """A clause with a nominal subject of its own: someone else acting, not more of the
    same speech (`and warned that …`, `and he added …` go on)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in clause.children)


def _retort(verb) -> bool:
    """`shot back`, `fired back`, `hit back`: a reply, so a speech verb."""
    return verb.lemma_.casefold() in _RETORT_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
