"""Sections and insights as compact JSON.

A section's text is nearly always a stretch of the brief's own text, so it is
stored as [start, length] into that text instead of a second copy (which
would double the size of the articles table). Anything not found verbatim is
stored as itself.
"""
from __future__ import annotations

import json

from extract.model import Brief


def _ref(text: str, base: str) -> list[int] | str:
    if len(text) >= 16:
        start = base.find(text)
        if start >= 0:
            return [start, len(text)]
    return text


def _text(ref, base: str) -> str:
    if isinstance(ref, list):
        start, length = ref
        return base[start:start + length]
    return ref


def pack_sections(brief: Brief, base: str) -> str:
    return json.dumps([[s.name, _ref(s.text or "", base)] for s in brief.sections], ensure_ascii=False)


def pack_insights(brief: Brief, base: str) -> str:
    return json.dumps([[_ref(i.question or "", base), [_ref(a, base) for a in i.answers]] for i in brief.insights],
                      ensure_ascii=False)


def unpack_sections(packed: str, base: str) -> list[tuple[str, str]]:
    return [(name, _text(ref, base)) for name, ref in json.loads(packed)]


def unpack_insights(packed: str, base: str) -> list[tuple[str, list[str]]]:
    return [(_text(question, base), [_text(a, base) for a in answers]) for question, answers in json.loads(packed)]
