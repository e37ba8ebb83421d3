"""A line break always ends a sentence: a spaCy component run before the parser.

Left alone, the parser reads a headline without a full stop and the first sentence under
it as one sentence (`Roads Plan Stalls` becomes the subject of the body's first verb), and
an attribution loses its speaker. News text never runs a sentence across a paragraph or a
line, so each line starts a sentence; the parser keeps boundaries set before it runs.
"""
from __future__ import annotations

COMPONENT = "newsbrief_line_breaks"


def mark_line_starts(doc):
    """The whitespace token holding a line break starts a sentence, so the words after it
    start another. (Marking the first word itself makes the parser split it off alone:
    `Dana | Whitlock backed …`.)"""
    for tok in doc:
        if tok.i > 0 and tok.is_space and "\n" in tok.text:
            tok.is_sent_start = True
    return doc


def add_line_breaks(nlp):
    """Put the component before the parser (once; a pipeline without a parser is left)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=mark_line_starts)
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    return nlp


def sentences(doc) -> list:
    """The doc's sentences that hold words: the line breaks marked above are sentences of
    their own, and must not count when rules look a few sentences back."""
    return [s for s in doc.sents if not all(t.is_space for t in s)]
