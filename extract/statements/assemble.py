"""Statements (direct quotations and reported speech) with their speakers.

Direct quotations: every pair of quotation marks outside the headline, with a
speaker from the attribution sieves (extract/attribution.py). A quotation with
no cue of its own continues the previous speaker in the same paragraph (or the
paragraph it runs on from), or the speaker a preceding sentence reported.
What is left unattributed is kept only if it reads like speech or is a sentence of
its own (`“We lost.”`): short phrases (`"parole" status`) and quoted names (`named
"Robogee"`) are scare quotes. A short quote its attribution splits from the rest
(`“In May,” Lee said, “we …”`) is the first half of what was said, not a title.

Reported speech comes from extract/reported.py.
"""
from __future__ import annotations

import re

from extract.statements.attribution import Attribution, Attributor
from extract.statements.docview import DocView
from extract.statements.grammar import own_subordinate_clause
from extract.statements.lexicon import lexicon
from extract.model import Entity, Statement
from extract.statements.quotes import QuoteSpan
from extract.statements.reported import find_reported
from extract.statements.speakers import Speaker, SpeakerResolver

# An unattributed quotation shorter than this (in words) is a scare quote or a term.
MIN_FREE_QUOTE_WORDS = 3
# A quoted run of capitalised words no longer than this is a name or a title.
MAX_TITLE_WORDS = 8
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with",
                "vs", "vs.", "de", "la", "del", "da", "von", "van"}
_WORK_PREPOSITIONS = {"on", "in", "of", "from", "titled", "entitled", "book", "show", "program",
                      "programme", "film", "song", "memoir", "column", "album"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# `“Museum to close,” by Times' Ann Lee: “…”`: a quoted title with its byline, then a link,
# an excerpt after a colon, or the end of the line (news digests and reading lists).
# (`\s*(?:,\s*)?` rather than `\s*,?\s*`: two adjacent `\s*` backtrack quadratically over a long run of blanks)
_BYLINE_AFTER = re.compile(r"\s*(?:,\s*)?by\s+(?:the\s+)?[A-Z][^“”\"\n:]{0,80}?(?::|,|$|\s*http)")
_BYLINE_BEFORE = re.compile(r"[”\"’']\s*(?:,\s*)?by\s+[A-Z][^“”\"\n:]{0,80}:\s*$")
# chars between the halves of a quotation its attribution splits (`“…,” Lee told reporters, “…”`)
_SPLIT_REACH = 80
_NEAR = 40  # chars looked at around a quote for the sentence breaks that frame it
_BYLINE_REACH = 160  # chars before a quote searched for a title's byline or label
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"}


def find_statements(doc, entities: list[Entity], layout) -> list[Statement]:
    view = DocView(doc, layout)
    blocked = list(view.regions) + [tuple(view.title_span)] + list(view.heading_spans)
    resolver = SpeakerResolver(doc, entities, blocked)
    statements = _direct(view, resolver) + find_reported(view, resolver)
    unique = {(s.kind, s.start, s.end): s for s in statements}  # two verbs may share a clause
    return sorted(unique.values(), key=lambda s: (s.start, s.end))


def _direct(view: DocView, resolver: SpeakerResolver) -> list[Statement]:
    attributor = Attributor(view, resolver)
    out: list[Statement] = []
    said: list[tuple[QuoteSpan, Speaker]] = []  # kept quotations with their speakers
    for q in view.quotes:
        if view.in_title(q.open_at):
            continue  # headline phrases are labels, never statements
        text = view.text[q.start:q.end]
        if _titled_work(view, q):
            continue  # a headline with its byline, or the excerpt quoted from it
        found = attributor.attribute(q)
        if found is not None and not _weak_label(view, q, text, found):
            speaker = found.speaker
        else:
            if not reads_like_speech(text) and not _whole_sentence(view, q, text):
                continue
            speaker = _follow_on(view, resolver, q, said) or Speaker(None)
        said.append((q, speaker))
        resolver.note_speaker(q.start, speaker.name)
        out.append(Statement(text=text, speaker=speaker.name, kind="direct", start=q.start, end=q.end))
    return out


def _titled_work(view: DocView, q: QuoteSpan) -> bool:
    """A quoted headline followed by its byline (`— “Museum to close,” by Times' Ann Lee`,
    `in “Hard Roads” by Ann Lee`), or the excerpt quoted after such a byline: the writer's
    article, not anyone's words. `called it “a disgrace” by …` is a passive attribution and
    `“…,” by Friday` a deadline, so the title must open its line or follow a preposition."""
    text = view.text
    # a bounded look back: a line of many quotes must not be read again for each of them
    line_start = view.line_start(q.open_at)
    before = text[max(line_start, q.open_at - _BYLINE_REACH):q.open_at]
    if _BYLINE_BEFORE.search(before) is not None:
        return True
    words = before.split()
    opens = line_start >= q.open_at - _BYLINE_REACH and not any(c.islower() for c in before)
    if not q.closed or not (opens or (words and words[-1].casefold() in _WORK_PREPOSITIONS)):
        return False
    after = _BYLINE_AFTER.match(text, q.after, view.line_end(q.after))
    if after is None:
        return False
    author = text[q.after:after.end()].split("by", 1)[1].split()
    return not author or author[0].strip(",.:").casefold() not in _CALENDAR


def _weak_label(view: DocView, q: QuoteSpan, text: str, found: Attribution) -> bool:
    """Whether an attributed quote is still only a label. A quoted name or title needs a
    named speaker whose cue governs it (`called him "Sleepy Joe"`), not one merely nearby
    (`wrote a book called "The Art of War"`); a short phrase needs a named speaker or a
    described one (`a user labelled "Anonymous"` is not someone's words)."""
    if reads_like_speech(text) or (found.how in ("after", "inverted") and _split_first_half(view, q, text)):
        return False
    if found.speaker.name is None:
        return not found.speaker.someone  # `one Ohio voter called it "theft"` is still words
    if is_title_like(text) and (found.how == "subject" or _named_work(view, q)):
        return True  # `told CNN's “New Day,”`, `toured the “Rust Belt”`: a name, not words
    return is_title_like(text) and found.how not in ("tree", "colon", "dash")


def _split_first_half(view: DocView, q: QuoteSpan, text: str) -> bool:
    """A short quote before its `said X` that opens its sentence and that the attribution
    splits from the rest of the quotation (`“In May,” Lee said, “we …”`): the first half of
    what was said, not a name or a title."""
    if not _opens_sentence(view, q):
        return False  # mid-sentence (`his show, “The Apprentice,” who …`): a name
    if not text.rstrip(" ’'‘").endswith(","):
        return False
    nxt = view.next_quote(q.after)
    between = view.text[q.after:nxt.open_at] if nxt is not None else ""
    # `calling it “Obamacare,” Lee said.`: the comma is the sentence's, and nothing follows
    return nxt is not None and len(between) <= _SPLIT_REACH and not any(c in between for c in ".!?\n")


def _whole_sentence(view: DocView, q: QuoteSpan, text: str) -> bool:
    """`“This is a sad day,” she said. “We lost.”`: a short quote that is a sentence of its own,
    between the sentences around it, is speech; a scare quote or a name sits inside a sentence."""
    inner = text.strip(" ’'‘")
    if not inner[:1].isupper() or not inner.endswith((".", "!", "?")) or is_title_like(inner):
        return False
    # a bounded look each way: a line of thousands of quotes must not be read once per quote
    after = view.text[q.after:q.after + _NEAR].split("\n", 1)[0].lstrip()
    closes = not after or after[0].isupper() or after[0] in "“\""
    return q.closed and _opens_sentence(view, q) and closes


def _opens_sentence(view: DocView, q: QuoteSpan) -> bool:
    """Only blanks or the end of a sentence stand between the quote and what comes before it."""
    before = view.text[max(0, q.open_at - _NEAR):q.open_at].rsplit("\n", 1)[-1].rstrip()
    return not before or before.endswith((".", "!", "?", "”", "\""))


def _named_work(view: DocView, q: QuoteSpan) -> bool:
    """A quote right after a possessive or a preposition names a show, a book or a place
    (`on CNN's “New Day”`, `in “Tough Choices”`)."""
    before = view.text[view.line_start(q.open_at):q.open_at].rstrip()
    word = before.rsplit(None, 1)[-1].casefold().rstrip(",") if before else ""
    return word.endswith(("'s", "’s")) or word in _WORK_PREPOSITIONS


def reads_like_speech(text: str) -> bool:
    """Long enough to be said, and not a quoted name or title."""
    words = text.split()
    return len(words) >= MIN_FREE_QUOTE_WORDS and not is_title_like(text)


def is_title_like(text: str) -> bool:
    """`Better Idea of Afghan Girls`, `The Internet Explorer 6 Countdown`: every content word
    capitalised, and short."""
    words = _WORD.findall(text)
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(content) and len(text.split()) <= MAX_TITLE_WORDS and all(w[0].isupper() for w in content)


def _follow_on(view: DocView, resolver: SpeakerResolver, q: QuoteSpan,
               said: list[tuple[QuoteSpan, Speaker]]) -> Speaker | None:
    """The speaker an uncued quotation continues: the latest earlier quotation of its
    paragraph, a sentence before it that reports someone's words (`Heald noted …. “…”`),
    whichever is nearest; or, for a quotation opening its paragraph, the speaker of the
    paragraph just before (its last quotation, or the speech it introduces or reports last:
    `As the minister put it:` / `“…,” she said.` then a paragraph that is only a quote)."""
    prev = said[-1] if said else None
    prev_at = -1
    speaker = None
    if prev is not None:
        pq, pspeaker = prev
        if pq.line == q.line:
            prev_at, speaker = pq.after, pspeaker
        elif _runs_on(view, pq, q):
            return pspeaker
    # after a quotation of its own paragraph, `after Jones assured him that …` is only
    # background to the speaker already quoted, not a new voice
    event = _reported_before(view, resolver, q, max(prev_at, view.line_start(q.open_at)),
                             main_clauses_only=speaker is not None)
    if event is not None or speaker is not None:
        return event if event is not None else speaker
    before = _previous_paragraph(view, q)
    if before is None:
        return None
    lo, hi = before
    if prev is not None and lo <= prev[0].open_at < hi:
        # the paragraph before held a quotation: its speaker goes on, unless narration
        # after it reports someone else's words
        pq, pspeaker = prev
        later = _reported_before(view, resolver, q, pq.after)
        return later if later is not None else pspeaker
    return _introduced_before(view, resolver, q, lo, hi)


def _runs_on(view: DocView, pq: QuoteSpan, q: QuoteSpan) -> bool:
    """`q` opens its paragraph right after a paragraph that ended inside or with `pq`."""
    text = view.text
    between = text[pq.after:q.open_at]
    if between.count("\n") == 0 or text[view.line_start(q.open_at):q.open_at].strip():
        return False
    return not between.strip()


def _previous_paragraph(view: DocView, q: QuoteSpan) -> tuple[int, int] | None:
    """Char range of the paragraph right before `q`'s, when `q` opens its own paragraph."""
    text = view.text
    start = view.line_start(q.open_at)
    if text[start:q.open_at].strip():
        return None  # narration before the quote on its own line
    k = start - 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k <= 0:
        return None
    lo = view.line_start(k - 1)
    if view.in_title(lo):
        return None
    return lo, k


def _introduced_before(view: DocView, resolver: SpeakerResolver, q: QuoteSpan,
                       lo: int, hi: int) -> Speaker | None:
    """A paragraph ending in a colon introduces the quotation that follows
    (`The mayor released a statement:`): the speaker of its last speech word."""
    text = view.text
    sent = view.sentence_of(hi - 1)
    start = max(lo, sent.start_char) if sent is not None else lo
    if not text[lo:hi].rstrip().endswith(":"):
        return _reported_before(view, resolver, q, start)  # its last sentence reports speech
    lex = lexicon()
    for tok in reversed(view.tokens_between(start, hi)):
        if view.in_quote(tok):
            continue
        lemma = tok.lemma_.casefold()
        if tok.pos_ in ("VERB", "AUX") and lex.is_quote_verb(lemma):
            got = resolver.of_verb(tok)
            if got is not None and got.name:
                return got
        if tok.pos_ == "NOUN" and lemma in lex.nominal | lex.voice and tok.head.pos_ in ("VERB", "AUX"):
            got = resolver.of_verb(tok.head)  # `X released the following statement:`
            if got is not None and got.name:
                return got
    return None


def _reported_before(view: DocView, resolver: SpeakerResolver, q: QuoteSpan, lo: int,
                     main_clauses_only: bool = False) -> Speaker | None:
    """Speaker of the latest speech event (a verb reporting a clause, a statement being
    issued, a warning being tweeted) in the sentences of `q`'s paragraph that end before `q`'s
    sentence begins; with `main_clauses_only`, none inside a clause of time or cause."""
    lex = lexicon()
    sent = view.sentence_of(q.open_at)
    hi = min(sent.start_char, q.open_at) if sent is not None else q.open_at
    line = view.line_start(q.open_at)
    if lo < line and hi < line:
        hi = line  # spaCy ran the sentence across the paragraph break
    if hi <= lo:
        return None
    for tok in reversed(view.tokens_between(lo, hi)):
        if view.in_quote(tok) or tok.pos_ not in ("VERB", "AUX"):
            continue
        if main_clauses_only and own_subordinate_clause(tok):
            continue
        lemma = tok.lemma_.casefold()
        reports = lex.is_reporting_verb(lemma) and any(c.dep_ == "ccomp" for c in tok.children)
        # `released a statement`, or a speech verb with its speech as object (`tweeted a warning`)
        said_nouns = lex.nominal if lex.is_reporting_verb(lemma) else lex.nominal & lex.voice
        issues = any(c.dep_ == "dobj" and c.lemma_.casefold() in said_nouns for c in tok.children)
        if reports or issues:
            got = resolver.of_verb(tok)
            if got is not None and got.name:
                return got
    return None
