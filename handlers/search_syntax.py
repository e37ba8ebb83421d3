"""The filters members know from Discord's own search, taken out of a
`!search` line: `by:NAME` (or `by:"Two Words"`), `in:#channel`,
`before:DATE`, `after:DATE`. What is left is the text query (words,
"phrases", OR, -word), which the store understands."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from handlers.core.validate import BadInput

_FILTER = re.compile(r'(?<!\S)(by|in|before|after):(?:"([^"]*)"|“([^”]*)”|(\S+))', re.I)
_CHANNEL = re.compile(r"^<#(\d{1,20})>$|^#?(\d{1,20})$")
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass
class SearchLine:
    text: str
    by: str | None = None
    channel: str | None = None  # as typed
    channel_id: int | None = None
    before: date | None = None  # briefs ingested before this day
    after: date | None = None  # briefs ingested after this day

    @property
    def filtered(self) -> bool:
        return bool(self.by or self.channel_id or self.before or self.after)


def split(line: str) -> SearchLine:
    """The filters and the remaining text; BadInput for a filter that cannot be understood."""
    found = SearchLine(text="")
    for m in _FILTER.finditer(line):
        key, value = m.group(1).lower(), next(g for g in m.groups()[1:] if g is not None).strip()
        if not value:
            raise BadInput(f"`{key}:` needs something after it.", _EXAMPLES)
        if key == "by":
            found.by = value
        elif key == "in":
            channel = _CHANNEL.match(value)
            if not channel:
                raise BadInput("`in:` takes a channel, like `in:#news`.", _EXAMPLES)
            found.channel, found.channel_id = value, int(channel.group(1) or channel.group(2))
        elif key == "before":
            found.before = day(value, first=True)
        else:
            found.after = day(value, first=False)
    found.text = " ".join(_FILTER.sub(" ", line).split())
    if found.before and found.after and found.after >= found.before:
        raise BadInput("Nothing can be both after and before those dates.", "Swap them, or drop one.")
    return found


def day(value: str, *, first: bool) -> date:
    """`2026-03-05`, `2026-03` or `2026`: the first day of that span for `before:`,
    the last for `after:` (after:2026-03 means from April on)."""
    m = _DAY.match(value)
    try:
        if not m:
            raise ValueError
        year, month, d = int(m.group(1)), m.group(2), m.group(3)
        if d is not None:
            return date(year, int(month), int(d))
        if month is not None:
            start = date(year, int(month), 1)
            return start if first else (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return date(year, 1, 1) if first else date(year, 12, 31)
    except ValueError:
        raise BadInput(f"I can't read the date “{value[:20]}”.", "Write it as YYYY-MM-DD, e.g. `before:2026-03-05`.") \
            from None


_EXAMPLES = ("For example `!search drones by:Hegseth`, `!search budget in:#news`, "
             "`!search \"crane collapse\" after:2026-01-31`.")
