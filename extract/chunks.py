"""Long texts are parsed in paragraph-sized pieces and joined back into one Doc.

A spaCy component holds the GIL for the whole Doc it is given: on a 200 KB article one
call stalls every other thread (the bot's event loop among them) for seconds. Pieces of a
few thousand characters, cut where a line ends, keep each call short; sentences do not
cross a line break in news text, so the parse is the same. The pieces, put back together,
are exactly the original text, so character offsets stay valid.
"""
from __future__ import annotations

import re

SPLIT_ABOVE = 6000  # news articles and briefs are shorter: parsed whole, as always
PIECE_CHARS = 3000
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters, at line ends where it can,
    else at a sentence end, else at a space; "".join(pieces) == text."""
    out: list[str] = []
    current = ""
    # Each piece but the first starts with the line break before it, as the line did in the
    # whole text: NER reads a word at the very start of a Doc differently.
    for line in re.findall(r"\n*[^\n]*", text):
        if current and len(current) + len(line) > limit:
            out.append(current)
            current = ""
        current += line
        while len(current) > limit:
            cut = _cut_point(current, limit)
            out.append(current[:cut])
            current = current[cut:]
    if current or not out:
        out.append(current)
    return out


def _cut_point(text: str, limit: int) -> int:
    """Where to cut a line longer than `limit`: after its last sentence end or space
    before the limit; a line without either (a run of symbols) is cut at the limit."""
    window = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > limit // 2:
        return ends[-1]
    space = window.rfind(" ")
    return space + 1 if space > 0 else limit


# spaCy's tokenizer strips a word's prefixes and suffixes one character at a time and
# rescans the rest after each, so a long run of marks (`""""…`, `!?!?…`, `))))…`) costs
# time quadratic in its length (2,000 `"` took seconds), and so, less steeply, does any
# very long word (`ab/ab/ab/…`). And every mark is a token: text that is mostly marks
# (`“‘“a “‘“a …`) makes four times the tokens of prose of its length, and the parser's
# cost follows the tokens. Prose has no run of 9 marks, nor of 16 with two letters or
# spaces at most between the marks (`U.S.-U.K.` has 5), and no 200-letter word (web addresses
# included, nearly always).
MAX_MARK_RUN = 8
MAX_WORD = 200
_MARK = re.compile(r"[^\w\s]")
# 9 marks in a row, or 16 with at most two letters, digits or spaces between each and the
# next (a list `1,2,3,…,9,10` keeps its commas)
_MARK_RUN = re.compile(r"[^\w\s]{%d,}|[^\w\s](?:[\w ]{0,2}[^\w\s]){%d,}" % (MAX_MARK_RUN + 1, 2 * MAX_MARK_RUN - 1))
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))


def _blank_marks(text: str, keep: int) -> str:
    """`text` with every mark after its first `keep` marks made a space."""
    seen = 0

    def one(m: re.Match) -> str:
        nonlocal seen
        seen += 1
        return m.group() if seen <= keep else " "
    return _MARK.sub(one, text)


def _tamed_run(m: re.Match) -> str:
    """A run of marks keeps its first MAX_MARK_RUN marks; the rest of it (more marks, and
    the odd letter between them), which says nothing, becomes spaces."""
    run = m.group()
    cut = [k for k, c in enumerate(run) if _MARK.match(c)][MAX_MARK_RUN - 1] + 1
    return run[:cut] + " " * (len(run) - cut)


def _tamed_word(m: re.Match) -> str:
    """A word longer than MAX_WORD: past its first MAX_WORD characters, marks become
    spaces and so does every 201st character."""
    word = m.group()
    head, tail = word[:MAX_WORD], _blank_marks(word[MAX_WORD:], 0)
    return head + "".join(" " if k % (MAX_WORD + 1) == 0 else c for k, c in enumerate(tail))


def tame_long_runs(text: str) -> str:
    """The text spaCy tokenizes, the same length (every offset stays valid): a run of
    marks past its 8th mark, the marks in a word past its 200th character, and every
    201st character of such a word, become spaces."""
    return _LONG_WORD.sub(_tamed_word, _MARK_RUN.sub(_tamed_run, text))


def parse_texts(nlp, texts: list[str], batch_size: int = 16):
    """One Doc per text, in order, each parsed piece by piece (see above)."""
    texts = [tame_long_runs(t) for t in texts]
    cut = [pieces(t) if len(t) > SPLIT_ABOVE else [t] for t in texts]
    if any(len(ps) > 1 for ps in cut):
        batch_size = 1  # a batch is one call per component: pieces go one by one
    docs = iter(nlp.pipe((p for ps in cut for p in ps), batch_size=batch_size))
    for ps in cut:
        parts = [next(docs) for _ in ps]
        yield parts[0] if len(parts) == 1 else join(nlp.vocab, parts)


def join(vocab, parts):
    """The pieces' Docs as one, with every annotation the rules read. Doc.from_docs does the
    same in one call that holds the GIL for ~0.2 s on 200 KB; these steps are each shorter."""
    import numpy
    from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
    from spacy.tokens import Doc

    attrs = [TAG, POS, MORPH, LEMMA, NORM, HEAD, DEP, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    words = [t.text for d in parts for t in d]
    spaces = [bool(t.whitespace_) for d in parts for t in d]
    doc = Doc(vocab, words=words, spaces=spaces)
    # HEAD is stored relative to each token, so the pieces' arrays simply stack.
    return doc.from_array(attrs, numpy.concatenate([d.to_array(attrs) for d in parts]))
