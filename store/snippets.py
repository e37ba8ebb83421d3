"""A short passage of a brief around the first word a search matched.

Done in Python on the few briefs a search returns: FTS5's snippet() re-reads
and re-tokenises every document with the stemmer, which cost more than the
search itself.
"""
from __future__ import annotations

import re

from extract.namekey import fold_in_place, invisible_chars

WIDTH = 240  # characters in a snippet
LEAD = 70  # characters shown before the match
_STEM_KEEP = 4  # a word matches any word starting with its first letters (a rough stemmer)
# Snippets are cut from the raw text as posted: drop what would act rather than show when
# echoed (control characters such as terminal escapes, bidi overrides that flip the reply,
# zero-width spaces). Joiners (U+200C, U+200D) stay: scripts and emoji need them.
_KEPT_JOINERS = "\u200c\u200d"
_HIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f"
                     + "".join(ch for ch in invisible_chars() if ch not in _KEPT_JOINERS) + "]")


fold = fold_in_place  # positions in the folded text are positions in the original


def pattern(words: list[str]) -> re.Pattern | None:
    """Words (as fts.words gives them) as one regex of word starts."""
    stems = sorted({fold(w)[:max(_STEM_KEEP, len(w) - 2)] for w in words if w}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE) if stems else None


def snippet(text: str, matcher: re.Pattern | None) -> str:
    """About WIDTH characters of `text` around the first match after the
    headline (else in it, else the start of the body), on one line."""
    head_end = text.find("\n")
    head_end = len(text) if head_end < 0 else head_end
    match = _first(text, matcher, head_end)
    if match is None and matcher is not None and not text.isascii():
        match = _first(fold(text), matcher, head_end)  # "montreal" in "Montréal": slower, so only now
    if match is None:
        start = head_end
    else:
        start = max(0, match.start() - LEAD)
        if start > 0:  # begin at a word
            space = text.find(" ", start, match.start())
            start = space + 1 if space >= 0 else start
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = text.rfind(" ", start + WIDTH // 2, end)
        end = space if space > 0 else end
    body = " ".join(_HIDDEN.sub("", text[start:end]).split())
    if not body:
        return ""
    cut_before = start > 0 and match is not None
    return ("…" if cut_before else "") + body + ("…" if end < len(text) else "")


def _first(text: str, matcher: re.Pattern | None, head_end: int):
    if matcher is None:
        return None
    return matcher.search(text, head_end) or matcher.search(text, 0, head_end)
