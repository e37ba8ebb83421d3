"""The layout of a brief: headline, sections, insights. Pure text, no spaCy."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import Insight, Section

HEADINGS = ("News Summary", "Background", "In-Depth AI Insights")
_HEADING_RE = re.compile(r"^\s*(news summary|background|in-depth ai insights)\s*:?\s*$", re.I)


@dataclass
class Layout:
    title: str
    title_span: tuple[int, int]  # char offsets of the headline in the text
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # section heading lines
    sections: list[Section] = field(default_factory=list)
    insights: list[Insight] = field(default_factory=list)
    truncated: bool = False


def parse(text: str) -> Layout:
    """Split a brief into headline and sections (house format) or headline and body."""
    lines = list(re.finditer(r"[^\n]*", text))
    title, title_span, start = "", (0, 0), 0
    for m in lines:
        if m.group().strip():
            title = m.group().strip()
            title_span = (m.start() + len(m.group()) - len(m.group().lstrip()), m.start() + len(m.group().rstrip()))
            start = m.end()
            break
    headings: list[tuple[int, int, str]] = []
    for m in lines:
        if m.start() >= start and _HEADING_RE.match(m.group()):
            name = next(h for h in HEADINGS if h.lower() == m.group().strip().rstrip(":").strip().lower())
            headings.append((m.start(), m.end(), name))
    sections: list[Section] = []
    if headings:
        for i, (hs, he, name) in enumerate(headings):
            end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
            sections.append(Section(name, text[he:end].strip()))
    else:
        body = text[start:].strip()
        if body:
            sections.append(Section("Body", body))
    insights_text = next((s.text for s in sections if s.name == "In-Depth AI Insights"), "")
    tail = text.rstrip()
    return Layout(
        title=title,
        title_span=title_span,
        heading_spans=[(hs, he) for hs, he, _ in headings],
        sections=sections,
        insights=parse_insights(insights_text),
        truncated=bool(tail) and tail[-1] not in ".!?\"”’')]",
    )


def parse_insights(text: str) -> list[Insight]:
    """Questions end with '?', and their answers follow as ` - ` bullets."""
    out: list[Insight] = []
    for m in re.finditer(r"([^?\n]*?\?)\s*((?:-\s[^\n]*?)(?=(?:[^?\n]*\?\s*-\s)|\n|$))", text):
        question = m.group(1).strip(" -")
        answers = [a.strip() for a in re.split(r"(?:^|\s)-\s", m.group(2)) if a.strip()]
        out.append(Insight(question, answers))
    return out
