"""Bytes from an attachment, a file or a web page -> text, or a clear refusal.

Briefs arrive in whatever encoding the sender's editor used (cp1252 from old
Windows tools, UTF-16 with a BOM from Notepad...), so the encoding is detected
rather than assumed; binary files are refused instead of indexed as gibberish.
"""
from __future__ import annotations

import codecs
import re
from pathlib import PurePath

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# File signatures of common binary formats people attach by mistake.
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0",
          b"{\\rtf", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")


class NotText(ValueError):
    """The bytes are not readable text; the message says why, for the user."""


def kind_of(filename: str) -> str | None:
    """'text', 'html' or None (not a kind of file newsbrief reads)."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: a BOM wins, then a declared charset that fits, then UTF-8,
    then charset-normalizer's best guess. Raises NotText for binary data."""
    known = decode_known(data, declared)
    return known if known is not None else decode_unknown(data)


def decode_known(data: bytes, declared: str | None = None) -> str | None:
    """The quick part of `decode` (a BOM, a declared charset that fits, UTF-8: C codecs, about
    a millisecond a megabyte); None when the encoding must be detected (`decode_unknown`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError:
                raise NotText("the file claims to be Unicode text but is damaged") from None
    if data.startswith(_MAGIC) or b"\x00" in data[:8192]:
        raise NotText("it is a binary file, not text")
    if declared:
        try:
            return _checked(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset header is common; detect instead
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def decode_unknown(data: bytes) -> str:
    """charset-normalizer's best guess: pure Python, a second or more for a large page, so
    the bot runs it off the event loop (handlers.core.fetch.decoded)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise NotText("its encoding could not be recognised")
    best = matches[0]
    # Short English texts fit several Western code pages equally well; the
    # likeliest by far is Windows-1252, so it wins a tie.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05:
            best = m
            break
    return _checked(str(best))


# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters (binary that happened to decode)."""
    sample = text[:20_000]
    if sample:
        control = len(_CONTROL.findall(sample))  # a regex, not a loop in Python: 0.1 ms, not 10
        if control / len(sample) > 0.02 or "\x00" in sample:
            raise NotText("it is a binary file, not text")
    return text


# ---- HTML handed to trafilatura ---------------------------------------------------

# trafilatura's time grows faster than the markup (0.8 MB 25 s, 3 MB 150 s; flat
# nested <div><p> is worse, 144 KB 14 s), and a page whose article is longer than a
# brief may be is refused anyway, so it gets at most this many characters of
# markup per allowed brief character. Below the cap the extraction deadline rules.
MARKUP_PER_BRIEF_CHAR = 2
# Elements that never hold article text (news pages are often mostly scripts), and comments.
_SKIPPED = re.compile(r"<(?:(!--)|(script|style|noscript|template|svg)(?=[\s/>]|$))", re.IGNORECASE)
_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in
          ("script", "style", "noscript", "template", "svg")}


class TooMuchMarkup(ValueError):
    """The HTML is too large to read within the brief limit; `chars` and `limit` say by how much."""

    def __init__(self, chars: int, limit: int):
        super().__init__(f"{chars:,} characters of markup (the limit is {limit:,})")
        self.chars, self.limit = chars, limit


def markup_limit(max_brief_chars: int) -> int:
    return MARKUP_PER_BRIEF_CHAR * max_brief_chars


def readable_markup(html: str, max_brief_chars: int) -> str:
    """`html` without scripts, styles and comments (JSON-LD kept: it holds the
    headline and date), if what remains is within the markup limit; else TooMuchMarkup."""
    limit = markup_limit(max_brief_chars)
    kept = _without_skipped(html)
    if len(kept) > limit:
        raise TooMuchMarkup(len(kept), limit)
    return kept


def _without_skipped(html: str) -> str:
    """One left-to-right pass (linear even for thousands of unclosed tags): an
    unclosed script or comment runs to the end of the page, as in a browser."""
    out, pos, n = [], 0, len(html)
    while (m := _SKIPPED.search(html, pos)) is not None:
        out.append(html[pos:m.start()])
        if m.group(1):  # a comment
            end = html.find("-->", m.end())
            pos = n if end < 0 else end + 3
            continue
        name = m.group(2).lower()
        close = _CLOSE[name].search(html, m.end())
        if close is None:
            pos = n
            break
        open_end = html.find(">", m.end(), close.start())
        if name == "script" and open_end >= 0 and "ld+json" in html[m.end():open_end].lower():
            out.append(html[m.start():close.end()])
        pos = close.end()
    out.append(html[pos:])
    return "".join(out)
