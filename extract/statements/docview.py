"""One parsed brief seen through its quotations: which tokens lie inside which quote."""
from __future__ import annotations

import bisect

from extract.entities.mention import text_of
from extract.statements.quotes import QuoteSpan, find_quotes


class DocView:
    def __init__(self, doc, layout=None, quotes: list[QuoteSpan] | None = None):
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = find_quotes(self.text) if quotes is None else quotes
        # char ranges [open mark, past close mark) of each quote, in order
        self.regions = [(q.open_at, q.after) for q in self.quotes]
        self._region_starts = [a for a, _ in self.regions]
        self._quote_ends = sorted(q.after for q in self.quotes)
        self.title_span = tuple(getattr(layout, "title_span", (0, 0)) or (0, 0))
        self.heading_spans = list(getattr(layout, "heading_spans", []) or [])
        self._sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]

    def quote_index_at(self, char: int) -> int | None:
        """Index of the quote whose region (marks included) holds `char`."""
        i = bisect.bisect_right(self._region_starts, char) - 1
        if i >= 0 and self.regions[i][0] <= char < self.regions[i][1]:
            return i
        return None

    def last_quote_end(self, lo: int, hi: int) -> int | None:
        """The latest offset past a quote's closing mark within (lo, hi], if any: found by
        bisection, so a line of thousands of quotes is not scanned once per quote."""
        i = bisect.bisect_right(self._quote_ends, hi) - 1
        return self._quote_ends[i] if i >= 0 and self._quote_ends[i] > lo else None

    def next_quote(self, char: int) -> QuoteSpan | None:
        """The first quote opening at or after `char`."""
        i = bisect.bisect_left(self._region_starts, char)
        return self.quotes[i] if i < len(self.quotes) else None

    def in_quote(self, token) -> bool:
        return self.quote_index_at(token.idx) is not None

    def in_title(self, char: int) -> bool:
        a, b = self.title_span
        return a <= char < b or any(s <= char < e for s, e in self.heading_spans)

    def tokens_between(self, start: int, end: int) -> list:
        span = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
        return list(span) if span is not None else []

    def content_tokens(self, q: QuoteSpan) -> list:
        return self.tokens_between(q.start, q.end)

    def sentence_of(self, char: int):
        i = bisect.bisect_right(self._sent_starts, char) - 1
        return self._sents[max(i, 0)] if self._sents else None

    @property
    def sentences(self) -> list:
        return self._sents

    def line_start(self, char: int) -> int:
        return self.text.rfind("\n", 0, char) + 1

    def line_end(self, char: int) -> int:
        end = self.text.find("\n", char)
        return len(self.text) if end < 0 else end
