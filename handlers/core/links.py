"""Links inside reply text, written once and shown the way each front-end can.

A handler writes `linked("#12 Headline", url)`. Discord embeds show a masked
link, `[#12 Headline](url)`, instead of a ~90-character URL after every line;
the console and `newsbrief ask` keep the plain form: the label, and the URL on
its own line under the line it was in.

The marker carries a key drawn when the process starts, so article text (which
fills replies) cannot forge a masked link that hides where it leads."""
from __future__ import annotations

import re
import secrets
from typing import Callable

_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"  # private-use characters
_KEY = secrets.token_hex(4)
_MARKERS = re.compile(f"[{_OPEN}{_MID}{_CLOSE}]")
LINK = re.compile(f"{_OPEN}{_KEY}([^{_OPEN}{_MID}{_CLOSE}]*){_MID}(https?://[^\\s{_OPEN}{_MID}{_CLOSE}]+){_CLOSE}")
# A link cut short by clipping: the label is kept, the rest dropped.
_CUT = re.compile(f"{_OPEN}{_KEY}([^{_OPEN}{_MID}{_CLOSE}]*)(?:{_MID}[^{_CLOSE}]*)?$")


def linked(label: str, url: str | None) -> str:
    """`label` pointing at `url`; just the label when there is no http(s) URL."""
    label = _MARKERS.sub("", label)
    if not url or not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return label
    return f"{_OPEN}{_KEY}{label}{_MID}{_MARKERS.sub('', url)}{_CLOSE}"


def plain(text: str) -> str:
    """Console form: each link's label in place, its URL on an indented line below."""
    if _OPEN not in text:
        return text
    out = []
    for line in text.split("\n"):
        urls: list[str] = []

        def label(m: re.Match) -> str:
            urls.append(m.group(2))
            return m.group(1)

        line = _CUT.sub(lambda m: m.group(1), LINK.sub(label, line))
        out.append(line)
        out.extend(f"  {u}" for u in urls)
    return "\n".join(out)


def masked(text: str, escape: Callable[[str], str]) -> str:
    """Embed form: `[label](url)` with the label escaped; everything else through `escape`."""
    out, last = [], 0
    for m in LINK.finditer(text):
        out.append(escape(_strip_cut(text[last:m.start()])))
        url = m.group(2).replace("(", "%28").replace(")", "%29")
        out.append(f"[{escape(m.group(1)).replace(']', '')}]({url})")
        last = m.end()
    out.append(escape(_strip_cut(text[last:])))
    return "".join(out)


def labels(text: str) -> str:
    """Only the labels, for places that render no links (embed titles, footers)."""
    if _OPEN not in text:
        return text
    return _strip_cut(LINK.sub(lambda m: m.group(1), text))


def _strip_cut(text: str) -> str:
    if _OPEN not in text:
        return text
    text = "\n".join(_CUT.sub(lambda m: m.group(1), line) for line in text.split("\n"))
    return _MARKERS.sub("", text)
