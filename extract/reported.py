"""Reported speech: the clause a speech verb governs, with the verb's subject as speaker.

`Lagarde said the exchange rate was not a policy target.` gives `the exchange
rate was not a policy target` (no `that`, no final period). Clauses that hold a
quotation are left to the direct quotes (only the quoted fragment counts);
questions (`asked whether …`) and instructions (`urged … to`) are not statements.
`According to X, …` reports the rest of its sentence.
"""
from __future__ import annotations

from extract.docview import DocView
from extract.grammar import is_question, pobj, relayed_source, subject_of
from extract.lexicon import lexicon
from extract.model import Statement
from extract.speakers import SpeakerResolver

_TRIM = " \t\n,;:.—–-"
# a reported clause shorter than this many words is a fragment, not a statement
_MIN_WORDS = 3


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
        subj = subject_of(verb)
        speaker = resolver.resolve(subj, allow_voice=False) if subj is not None else None
        if speaker is None:
            continue
        for clause in clauses:
            for start, end in _clause_parts(clause):
                st = _statement(view, start, end, speaker.name)
                if st is not None:
                    out.append(st)
    out.extend(_according_to(view, resolver))
    return out


def _clause_parts(clause) -> list[tuple[int, int]]:
    """Char ranges of the clause; `that A and that B` gives one range per `that` part."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
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
    for sent in view.sentences:
        toks = list(sent)
        for i, tok in enumerate(toks[:-1]):
            if tok.lower_ != "according" or toks[i + 1].lower_ != "to" or view.in_quote(tok):
                continue
            src = pobj(toks[i + 1])
            if src is None:
                continue
            phrase_end = max(t.i for t in toks[i + 1].subtree)
            relay = relayed_source(src, [t for t in toks if t.i > src.i])
            if relay is not None:
                phrase_end = max(phrase_end, max(t.i for t in relay.head.subtree))
            speaker = resolver.resolve(relay if relay is not None else src, allow_voice=True)
            if speaker is None:
                continue
            doc = sent.doc
            if tok.i == sent.start or (tok.i == sent.start + 1 and not doc[sent.start].is_alpha):
                start, end = _end_char(doc[phrase_end]), sent.end_char
            elif phrase_end >= sent.end - 2:
                start, end = sent.start_char, tok.idx
            else:
                continue  # in mid-sentence the reported part is unclear
            st = _statement(view, start, end, speaker.name)
            if st is not None:
                out.append(st)
    return out
