"""The layout of a brief: headline, sections, insights. Pure text, no spaCy.

Two shapes are understood. The house format is a Title Case headline followed by
`News Summary`, `Background` and `In-Depth AI Insights` headings; a plain article
is a headline line followed by paragraphs and perhaps a trailing `Source: URL`
line. Markdown heading marks and HTML tags around lines are tolerated. Offsets
always refer to the text as given, so later layers can map spaCy spans onto it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import Insight, Section

HEADINGS = ("News Summary", "Background", "In-Depth AI Insights")
BODY = "Body"

# Decoration a line may carry around its words: markdown heading/emphasis marks,
# HTML tags and a trailing colon. Stripped only to recognise a line, never from the text.
_DECOR = re.compile(r"^(?:\s|#|\*|_|>|<[^>\n]{0,80}>)+|(?:\s|\*|_|:|<[^>\n]{0,80}>)+$")
_TAG = re.compile(r"<[^>\n]{0,200}>")
_HEADING_KEYS = {h.casefold(): h for h in HEADINGS}
_SOURCE = re.compile(r"^\s*(?:source|sources|via)\s*:\s*\S", re.I)
# Characters that may legitimately end a finished text.
_FINAL = ".!?\"”’')]»…"
# A first line longer than this is a paragraph pasted on one line, not a headline: its
# first sentence is the headline and the rest is body (else quotes in it would be lost).
MAX_HEADLINE = 250
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?…][\"”’')\]]*(?=\s+[\"“‘(\[]?[^\W_])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof",
                  "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
                  "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "adm", "maj", "cmdr", "supt"}
# Short words that stay lower case in a Title Case headline.
_MINOR_WORDS = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
                "in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from",
                "into", "over", "than", "amid", "after", "before"}


@dataclass
class Layout:
    title: str
    title_span: tuple[int, int]  # char offsets of the headline in the text
    heading_spans: list[tuple[int, int]] = field(default_factory=list)  # section heading lines
    sections: list[Section] = field(default_factory=list)
    insights: list[Insight] = field(default_factory=list)
    truncated: bool = False
    # Extensions (compatible): where each section's text lies, and the lines that are not content.
    section_spans: list[tuple[str, int, int]] = field(default_factory=list)  # (name, start, end)
    source_span: tuple[int, int] | None = None  # a trailing `Source: ...` line
    source: str | None = None  # what that line names (usually a URL)
    house_format: bool = False  # the brief uses the house headings
    title_case: bool = False  # the headline capitalises (nearly) every word

    def section_at(self, offset: int) -> str | None:
        """Name of the section holding char `offset` ("Title" for the headline), or None."""
        if self.title_span[0] <= offset < self.title_span[1]:
            return "Title"
        for name, start, end in self.section_spans:
            if start <= offset < end:
                return name
        return None

    def skip_spans(self) -> list[tuple[int, int]]:
        """Spans that are layout rather than prose: heading lines and the source line."""
        spans = list(self.heading_spans)
        if self.source_span:
            spans.append(self.source_span)
        return spans


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without the newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a line without its decoration (markdown marks, tags, spaces)."""
    line = text[start:end]
    m = _DECOR.match(line)
    left = m.end() if m else 0
    m = _DECOR.search(line, left)
    right = m.start() if m else len(line)
    if right <= left:
        return start + left, start + left
    return start + left, start + right


def heading_name(line: str) -> str | None:
    """The house heading a line announces, if it is nothing but that heading."""
    core = _TAG.sub(" ", line)
    core = _DECOR.sub("", core.strip())
    return _HEADING_KEYS.get(re.sub(r"\s+", " ", core).casefold())


def is_title_case(headline: str) -> bool:
    """True when the headline capitalises its words, so NER cannot trust capitals there."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", headline) if w.casefold() not in _MINOR_WORDS]
    if len(words) < 3:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper / len(words) >= 0.8


def parse(text: str) -> Layout:
    """Split a brief into headline and sections (house format) or headline and body."""
    lines = _lines(text)
    nonblank = [(s, e) for s, e in lines if text[s:e].strip() and _core(text, s, e)[0] < _core(text, s, e)[1]]

    title, title_span, body_start = "", (0, 0), 0
    if nonblank and heading_name(text[nonblank[0][0]:nonblank[0][1]]) is None:
        s, e = nonblank[0]
        title_span = _core(text, s, e)
        body_start = e
        if title_span[1] - title_span[0] > MAX_HEADLINE:
            cut = _first_sentence_end(text, title_span[0], title_span[0] + MAX_HEADLINE)
            # No sentence end early enough: the line is all body and the brief has no headline.
            title_span = (title_span[0], cut if cut is not None else title_span[0])
            body_start = title_span[1]
        title = re.sub(r"\s+", " ", _TAG.sub(" ", text[title_span[0]:title_span[1]])).strip()
        if len(nonblank) == 1 and _is_quoting_sentence(title):
            # A one-paragraph post (`"We won," said Ann Lee.`) has no headline line: the line
            # is its body, shown as the title too, and its quotations stay statements.
            title_span, body_start = (title_span[0], title_span[0]), s

    # A trailing `Source:` line is a citation, not content.
    source_span, source, content_end = None, None, len(text)
    if nonblank and nonblank[-1][0] >= body_start:
        s, e = nonblank[-1]
        if _SOURCE.match(text[s:e]):
            source_span = (s, e)
            source = text[s:e].split(":", 1)[1].strip()
            content_end = s

    headings = [(s, e, name) for s, e in lines
                if body_start <= s < content_end and (name := heading_name(text[s:e]))]

    section_spans: list[tuple[str, int, int]] = []
    if headings:
        for i, (_, he, name) in enumerate(headings):
            end = headings[i + 1][0] if i + 1 < len(headings) else content_end
            section_spans.append((name, *_strip_span(text, he, end)))
        # Prose between the headline and the first heading still counts as body.
        lead = _strip_span(text, body_start, headings[0][0])
        if lead[1] > lead[0]:
            section_spans.insert(0, (BODY, *lead))
    else:
        body = _strip_span(text, body_start, content_end)
        if body[1] > body[0]:
            section_spans.append((BODY, *body))

    sections = [Section(name, text[s:e]) for name, s, e in section_spans]
    insights_text = next((s.text for s in sections if s.name == "In-Depth AI Insights"), "")
    last = _TAG.sub("", text[:content_end]).rstrip()
    return Layout(
        title=title,
        title_span=title_span,
        heading_spans=[(hs, he) for hs, he, _ in headings],
        sections=sections,
        insights=parse_insights(insights_text),
        truncated=bool(last) and last[-1] not in _FINAL,
        section_spans=section_spans,
        source_span=source_span,
        source=source,
        house_format=bool(headings),
        title_case=is_title_case(title),
    )


def _is_quoting_sentence(line: str) -> bool:
    """A finished sentence that quotes someone, not a headline that carries a quoted phrase."""
    return line.endswith(tuple(".!?\"”’")) and any(mark in line for mark in "\"“”") and len(line.split()) >= 6


def _first_sentence_end(text: str, start: int, limit: int) -> int | None:
    """Offset just past the first sentence that starts at `start` and ends before `limit`
    (not at an abbreviation such as `Mr.` or `U.S.`), or None."""
    for m in _SENTENCE_END.finditer(text, start, limit):
        word = text[start:m.start()].rsplit(None, 1)[-1].lstrip("\"“‘([").casefold()
        if text[m.start()] == "." and ("." in word or word in _ABBREVIATIONS):
            continue
        return m.end()
    return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A bullet: ` - ` inside a line, or `-`, `*`, `•` at its start.
_BULLET = re.compile(r"(?:^|\s)[-–•*]\s+")
# A question: text up to the first `?` that ends the line or comes before a bullet.
_QUESTION = re.compile(r"^\s*(?:[-–•*]\s+)?(?:\*\*)?(?P<q>[^\n]*?\?)(?:\*\*)?(?=\s*$|\s+[-–•*]\s)")


def parse_insights(text: str) -> list[Insight]:
    """Questions end with '?', and their answers follow as ` - ` bullets (same line or below)."""
    out: list[Insight] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        m = _QUESTION.match(line)
        rest = line
        # A line that begins as a bullet is an answer, unless no question is open yet.
        starts_bullet = re.match(r"^\s*[-–•*]\s", line) is not None
        if m and not (starts_bullet and out):
            out.append(Insight(m.group("q").strip()))
            rest = line[m.end():]
        if not out:
            continue
        answers = [a.strip() for a in _BULLET.split(" " + rest) if a.strip()]
        if answers and not starts_bullet and rest is line and out[-1].answers:
            # A wrapped line continues the previous answer.
            out[-1].answers[-1] += " " + answers.pop(0)
        out[-1].answers.extend(answers)
    return out
