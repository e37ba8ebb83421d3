"""Sections and insights as compact JSON.

A section's text is nearly always a stretch of the brief's own text, so it is
stored as [start, length] into that text instead of a second copy (which
would double the size of the articles table). Anything not found verbatim is
stored as itself.
"""
from __future__ import annotations

import json

from extract.model import Brief


def text_ref(text: str, base: str) -> list[int] | str:
    """A long text found in `base` as [start, length] (no second copy), else the text itself."""
    if len(text) >= 16:
        start = base.find(text)
        if start >= 0:
            return [start, len(text)]
    return text


def ref_text(ref, base: str) -> str:
    """The text a `text_ref` stands for."""
    if isinstance(ref, list):
        start, length = ref
        return base[start:start + length]
    return ref


def pack_sections(brief: Brief, base: str) -> str:
    return json.dumps([[s.name, text_ref(s.text or "", base)] for s in brief.sections], ensure_ascii=False)


def pack_insights(brief: Brief, base: str) -> str:
    return json.dumps([[text_ref(i.question or "", base), [text_ref(a, base) for a in i.answers]]
                       for i in brief.insights], ensure_ascii=False)


def unpack_sections(packed: str, base: str) -> list[tuple[str, str]]:
    return [(name, ref_text(ref, base)) for name, ref in json.loads(packed)]


def unpack_insights(packed: str, base: str) -> list[tuple[str, list[str]]]:
    return [(ref_text(question, base), [ref_text(a, base) for a in answers])
            for question, answers in json.loads(packed)]
