"""Find quotation-mark pairs in plain text. Pure text, no spaCy.

News text mixes curly and straight marks, reuses ’ as an apostrophe, leaves a
quote open at the end of a paragraph when it runs on into the next one, and
sometimes has a stray mark. So marks are read by their context (what stands
before and after them) as much as by their glyph, quotes never cross a line
break, and nothing here raises on odd input.
"""
from __future__ import annotations

from dataclasses import dataclass

# Glyphs that open or close a double quotation; the straight " can do either.
_DOUBLE_OPEN = {"“", "„", "«"}
_DOUBLE_CLOSE = {"”", "»"}
_STRAIGHT_DOUBLE = '"'
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_STRAIGHT_SINGLE = "'"
# A single-quoted span longer than this is more likely two apostrophes than a quote.
_MAX_SINGLE_WORDS = 40
# What may stand right before an opening mark.
_OPEN_BEFORE = set(" \t([{—–-/:;,")
# What may stand right after a closing mark.
_CLOSE_AFTER = set(" \t)]}.,;:!?—–-/")


@dataclass(frozen=True)
class QuoteSpan:
    """The text between one pair of marks. `start:end` excludes the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    after: int  # offset just past the closing mark, or `end` when the line ended first
    closed: bool  # False when the quote runs on past the end of its line
    single: bool  # single marks (‘…’ or '…') rather than double ones
    line: int  # index of the line (paragraph) the quote sits in


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations of `text`, in order. Nested ‘…’ stay inside their outer quote."""
    quotes: list[QuoteSpan] = []
    lo = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            quotes.extend(_line_quotes(text, lo, lo + len(line), line_no))
        lo += len(line) + 1
    return quotes


def _line_quotes(text: str, lo: int, hi: int, line_no: int) -> list[QuoteSpan]:
    doubles = _pair_doubles(text, lo, hi, line_no)
    # single-quoted spans count only outside the double-quoted ones
    free: list[tuple[int, int]] = []
    cursor = lo
    for q in doubles:
        free.append((cursor, q.open_at))
        cursor = q.after if q.closed else hi
    free.append((cursor, hi))
    singles = [s for a, b in free if a < b for s in _pair_singles(text, a, b, line_no)]
    return sorted(doubles + singles, key=lambda q: q.open_at)


def _before(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _after(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _looks_opening(text: str, i: int, lo: int, hi: int) -> bool:
    return _before(text, i, lo) in _OPEN_BEFORE and not _after(text, i, hi).isspace()


def _looks_closing(text: str, i: int, lo: int, hi: int) -> bool:
    return not _before(text, i, lo).isspace() and (_after(text, i, hi) in _CLOSE_AFTER
                                                   or _after(text, i, hi) in "\"”’'")


def _pair_doubles(text: str, lo: int, hi: int, line_no: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None
    typographic = False  # the open quote began with “ « „ or ``
    nested = False  # inside it, a straight "…" pair is open
    i = lo
    while i < hi:
        ch = text[i]
        width = 2 if text.startswith(("``", "''"), i) else 1
        if width == 2:
            # ``…'' (LaTeX) and ''…'' (two apostrophes for a double mark, as typewriters and
            # wiki markup write it): '' opens when nothing is open and a word follows it.
            opens = text[i] == "`" or (open_at is None and _before(text, i, lo) in _OPEN_BEFORE
                                       and not _after(text, i + 1, hi).isspace())
            kind = "open" if opens else "close"
        elif ch in _DOUBLE_OPEN:
            # “ used as a closer: inside a quote, glued to the word before it
            kind = "close" if open_at is not None and _looks_closing(text, i, lo, hi) else "open"
        elif ch in _DOUBLE_CLOSE:
            kind = "open" if open_at is None and _looks_opening(text, i, lo, hi) else "close"
        elif ch == _STRAIGHT_DOUBLE:
            if open_at is None:
                # 12" (inches) is a unit, not a quote
                kind = "skip" if _before(text, i, lo).isdigit() and _after(text, i, hi).isspace() else "open"
            elif typographic and (nested or _looks_opening(text, i, lo, hi)):
                # “He said "no" to me”: a straight pair nested in a curly quote
                nested = not nested
                kind = "skip"
            else:
                kind = "close"  # also “text" with mismatched marks
        else:
            i += 1
            continue
        if kind == "open":
            if open_at is not None:
                # a second opener: the first quote never closed; end it here
                out.append(_span(text, open_at, None, i, line_no, single=False))
            open_at = i + width  # first character after the mark
            typographic, nested = ch != _STRAIGHT_DOUBLE, False
        elif kind == "close" and open_at is not None:
            out.append(_span(text, open_at, i + width, i, line_no, single=False))
            open_at = None
        i += width
    if open_at is not None:
        out.append(_span(text, open_at, None, hi, line_no, single=False))
    return [q for q in out if q is not None]


def _pair_singles(text: str, lo: int, hi: int, line_no: int) -> list[QuoteSpan]:
    """‘…’ or '…' whose marks stand at word edges; apostrophes (don’t, Thomas’) never open."""
    out: list[QuoteSpan] = []
    if "'" not in text[lo:hi] and not any(m in text[lo:hi] for m in _SINGLE_OPEN):
        return out
    closers = _SingleClosers(text, lo, hi)
    i = lo
    while i < hi:
        ch = text[i]
        if (ch in _SINGLE_OPEN or ch == _STRAIGHT_SINGLE) and _looks_opening(text, i, lo, hi) \
                and not _after(text, i, hi).isdigit():
            close = closers.after(i + 1)
            if close is not None:
                out.append(_span(text, i + 1, close + 1, close, line_no, single=True))
                i = close + 1
                continue
        i += 1
    return [q for q in out if q is not None]


class _SingleClosers:
    """Where a single quote opened at any offset of text[lo:hi] would close.

    Worked out once per stretch, so finding each closer costs O(1): a line of
    many openers and no closer (`(‘a(‘a…`) stays linear instead of rescanning
    the rest of the line from every opener."""

    def __init__(self, text: str, lo: int, hi: int):
        self.lo = lo
        n = hi - lo
        # next_at[k]: the first offset >= lo + k that can close a single quote (hi if none)
        self.next_at = [hi] * (n + 1)
        # blanks[k]: whitespace characters in text[lo:lo + k]
        self.blanks = [0] * (n + 1)
        for k in range(n):
            self.blanks[k + 1] = self.blanks[k] + text[lo + k].isspace()
        for k in range(n - 1, -1, -1):
            j = lo + k
            self.next_at[k] = j if _can_close_single(text, j, lo, hi) else self.next_at[k + 1]
        self.hi = hi

    def after(self, start: int) -> int | None:
        """The closer of a quote whose text begins at `start`, or None: the first closing
        mark after `start` within _MAX_SINGLE_WORDS words."""
        k = start - self.lo + 1  # a closer needs at least one character of quote before it
        if k > self.hi - self.lo:
            return None
        j = self.next_at[k]
        if j >= self.hi:
            return None
        if self.blanks[j - self.lo] - self.blanks[start - self.lo] > _MAX_SINGLE_WORDS:
            return None  # more likely two apostrophes than one quote
        return j


def _can_close_single(text: str, j: int, lo: int, hi: int) -> bool:
    ch = text[j]
    if ch not in _SINGLE_CLOSE and ch != _STRAIGHT_SINGLE:
        return False
    if text[j - 1].isalnum() and j + 1 < hi and text[j + 1].isalnum():
        return False  # don’t, Beijing’s
    return _looks_closing(text, j, lo, hi)


def _span(text: str, start: int, after: int | None, stop: int, line_no: int,
          single: bool) -> QuoteSpan | None:
    """The content from `start` to `stop` with surrounding blanks trimmed; None when empty.

    `after` is the offset past the closing mark, None when the line ended first."""
    open_at = start - 1
    if not single and start >= 2 and text[start - 2:start] in ("``", "''"):
        open_at = start - 2
    end = stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    closed = after is not None
    return QuoteSpan(start, end, open_at, after if closed else end, closed, single, line_no)
