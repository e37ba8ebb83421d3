"""What a brief states, in the shape the statement tests compare: text, speaker (and kind), in text order."""
from __future__ import annotations


def said(extractor, body: str, headline: str = "Markets Wait For News", kind: str | None = None):
    """(text, speaker, kind) of each statement of a brief with this body, in text order."""
    brief = extractor.extract(f"{headline}\n\n{body}")
    return [(s.text, s.speaker, s.kind) for s in brief.statements if kind is None or s.kind == kind]


def direct(extractor, body: str, headline: str = "Markets Wait For News"):
    return [(t, who) for t, who, _ in said(extractor, body, headline, kind="direct")]


def reported(extractor, body: str):
    return [(t, who) for t, who, _ in said(extractor, body, kind="reported")]
