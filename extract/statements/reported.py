"""Reported speech: the clause a speech verb governs, with the verb's subject as speaker.

`Lagarde said the exchange rate was not a policy target.` gives `the exchange
rate was not a policy target` (no `that`, no final period). Clauses that hold a
quotation are left to the direct quotes (only the quoted fragment counts);
questions (`asked whether …`) and instructions (`urged … to`) are not statements.
`According to X, …` reports the rest of its sentence.
"""
from __future__ import annotations

from extract.statements.docview import DocView
from extract.statements.grammar import is_question, pobj, relayed_source
from extract.statements.lexicon import lexicon
from extract.model import Statement
from extract.statements.speakers import SpeakerResolver

_TRIM = " \t\n,;:.—–-"
# a reported clause shorter than this many words is a fragment, not a statement
_MIN_WORDS = 3
# a reported clause longer than this many tokens is a run-on parse, not a statement
_MAX_TOKENS = 200


def find_reported(view: DocView, resolver: SpeakerResolver) -> list[Statement]:
    lex = lexicon()
    out: list[Statement] = []
    for verb in view.doc:
        if verb.pos_ not in ("VERB", "AUX") or not lex.is_reporting_verb(verb.lemma_.casefold()):
            continue
        if view.in_quote(verb) or view.in_title(verb.idx):
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not is_question(c)]
        if not clauses:
            continue
        speaker = resolver.of_verb(verb, allow_voice=False)
        if speaker is None:
            continue
        for clause in clauses:
            if clause.right_edge.i - clause.left_edge.i >= _MAX_TOKENS:
                continue  # a run-on parse (a `said` chain), not one statement
            if not _attached(view, clause, verb):
                continue
            lo, hi = view.line_start(verb.idx), view.line_end(verb.idx)
            for start, end in _clause_parts(clause):
                # clip what a parse run across a line break pulled in (`News Summary`)
                st = _statement(view, max(start, lo), min(end, hi), speaker.name)
                if st is not None:
                    out.append(st)
    out.extend(_according_to(view, resolver))
    return out


def _attached(view: DocView, clause, verb) -> bool:
    """A clause after its verb is its complement. One before it is reported only in the
    `CLAUSE, officials said` order: a comma, not a colon or semicolon, between them."""
    # left_edge/right_edge are stored on each token: no walk over the subtree, which in a
    # `Smith said Jones said …` chain holds the rest of the chain (quadratic over it).
    first, last = clause.left_edge.i, clause.right_edge.i
    if first > verb.i:
        return True
    doc = verb.doc
    gap = view.text[doc[last].idx + len(doc[last]):verb.idx]
    return "," in gap and not any(mark in gap for mark in ";:\n")


def _clause_parts(clause) -> list[tuple[int, int]]:
    """Char ranges of the clause; `that A and that B` gives one range per `that` part."""
    tokens = (clause.left_edge, clause.right_edge)
    cuts = []
    for conj in clause.children:
        if conj.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
            left = conj.left_edge
            # step back over the `and` joining the parts
            cc = [c for c in clause.children if c.dep_ == "cc" and c.i < left.i]
            cuts.append((cc[-1].i if cc else left.i, left.i))
    parts, begin = [], tokens[0].i
    doc = clause.doc
    for stop, resume in sorted(cuts):
        parts.append((doc[begin].idx, _end_char(doc[stop - 1])))
        begin = resume
    parts.append((doc[begin].idx, _end_char(tokens[-1])))
    return [(a, b) for a, b in parts if b > a]


def _end_char(tok) -> int:
    return tok.idx + len(tok.text)


def _statement(view: DocView, start: int, end: int, speaker: str | None) -> Statement | None:
    text = view.text
    # a clause holding a quotation is annotated as the quoted fragment only
    if any(a < end and start < b for a, b in view.regions):
        return None
    if "\n" in text[start:end] or view.in_title(start):
        return None  # a parse run across a line break (headline into body)
    while start < end and text[start] in _TRIM:
        start += 1
    if text[start:start + 5].casefold() == "that ":
        start += 5
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if len(text[start:end].split()) < _MIN_WORDS:
        return None
    return Statement(text=text[start:end], speaker=speaker, kind="reported", start=start, end=end)


def _according_to(view: DocView, resolver: SpeakerResolver) -> list[Statement]:
    """`According to X, CLAUSE.` and `CLAUSE, according to X.` outside quotations."""
    out: list[Statement] = []
    doc = view.doc
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.lower_ != "according" or nxt.lower_ != "to" or view.in_quote(tok) or view.in_title(tok.idx):
            continue
        src = pobj(nxt)
        if src is None:
            continue
        phrase_end = max(t.i for t in nxt.subtree)
        lo, hi = _sentence_bounds(view, tok)
        relay = relayed_source(src, [t for t in doc[src.i:] if t.idx < hi])
        if relay is not None:
            phrase_end = max(phrase_end, max(t.i for t in relay.head.subtree))
        speaker = resolver.resolve(relay if relay is not None else src, allow_voice=True)
        if speaker is None:
            continue
        if not view.text[lo:tok.idx].strip():
            start, end = _end_char(doc[phrase_end]), hi  # According to X, CLAUSE.
        elif not view.text[_end_char(doc[phrase_end]):hi].strip(" .!?"):
            start, end = lo, tok.idx  # CLAUSE, according to X.
        else:
            continue  # in mid-sentence the reported part is unclear
        st = _statement(view, start, end, speaker.name)
        if st is not None:
            out.append(st)
    return out


def _sentence_bounds(view: DocView, tok) -> tuple[int, int]:
    """The sentence around `tok` by its punctuation within the line (spaCy's sentences
    run across line breaks and quotations)."""
    text = view.text
    lo, hi = view.line_start(tok.idx), view.line_end(tok.idx)
    start = lo
    for k in range(tok.idx - 1, lo, -1):
        if not text[k + 1].isspace():
            continue
        if text[k] in ".!?" and view.quote_index_at(k) is None:
            start = k + 1
            break
        if text[k] in "”\"’'" and text[k - 1] in ".!?":  # a quotation ended the sentence
            start = k + 1
            break
    end = hi
    for k in range(tok.idx, hi):
        if text[k] in ".!?" and (k + 1 == hi or text[k + 1].isspace()) and view.quote_index_at(k) is None:
            end = k + 1
            break
    while start < end and text[start].isspace():
        start += 1
    return start, end
