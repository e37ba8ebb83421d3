"""When a brief was published, as its text says: a dateline ("WASHINGTON,
March 17, 2008 —"), a dated line ("Tuesday, June 3, 2014", "Published:
2014-06-03"), or, when the caller knows when the brief was posted, a year-less
dateline ("NEW YORK, Nov. 19 (UPI) —") or a relative day ("on Tuesday",
"yesterday") resolved against that posting date.

Pure: a string in, a date out. Only the head of the text is read, and a date
inside running prose ("On April 12, 1981, Columbia lifted off") is never taken
for the publication date: an article's first sentences often recall the past.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

HEAD_CHARS = 1200  # a dateline sits in the first lines
PROSE_HEAD_CHARS = 600  # relative days are looked for in the first paragraph or two
EARLIEST_YEAR = 1900

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
             "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# One calendar date, written any of the common ways; the year is optional (a bare
# "Nov. 19" is used only in a dateline, and only against a known posting date).
_DATE_FORMS = [
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",  # March 17, 2008 / Tuesday, June 3, 2014 / Nov. 19
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 17 March 2008
    r"(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)(?![\d-])",  # 2008-03-17
]
_DATES = [re.compile(form, re.IGNORECASE) for form in _DATE_FORMS]

# What may stand before a dateline's date on its line: a place in capitals
# ("WASHINGTON,", "RENO, Nev.,"), a label ("Published:", "Updated"), a by-line.
_PLACE = r"[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,12}\.?)?"
_LABEL = r"(?:published|posted|updated|date|dated|first published|last updated)(?:\s+on)?\s*:?"
_BEFORE = re.compile(rf"^\s*(?:(?:{_PLACE})\s*,\s*|{_LABEL}\s*|by\s[^\n|·—]{{1,60}}[|·—,]\s*)?$", re.IGNORECASE)
_PLACE_ONLY = re.compile(rf"^\s*{_PLACE}\s*,\s*$")
# ... and after it: the dash or agency that ends a dateline, or the end of the line.
_AFTER = re.compile(r"^\s*(?:\((?:AP|UPI|AFP|Reuters|dpa|ANI|PTI|IANS|Xinhua)\)\s*)?(?:[—–:-]|--|$|\|)",
                    re.IGNORECASE)

_RELATIVE = re.compile(
    r"\b(?:(?P<today>today|this morning|tonight)|(?P<yesterday>yesterday|last night)"
    r"|(?:on|last|this|late|early)\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s*,?\s*(?:" + _MONTH.replace("?P<month>", "") + r"|[0-3]?\d\b)))",
    re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    day: date
    how: str  # "dateline": the text dates itself; "relative": a day named against the posting date


def find_date(text: str, posted: date | None = None) -> FoundDate | None:
    """The publication date the text gives, or None. `posted` (when the brief was
    posted, if known) lets a year-less dateline or "on Tuesday" be resolved."""
    head = (text or "")[:HEAD_CHARS]
    for line in head.splitlines():
        found = _dateline(line, posted)
        if found is not None:
            return FoundDate(found, "dateline")
    if posted is not None:
        day = _relative(head[:PROSE_HEAD_CHARS], posted)
        if day is not None:
            return FoundDate(day, "relative")
    return None


def _dateline(line: str, posted: date | None) -> date | None:
    matches = sorted((m for pattern in _DATES for m in pattern.finditer(line)), key=lambda m: m.start())
    for m in matches:
        before, after = line[:m.start()], line[m.end():]
        if not _BEFORE.match(before) or not _AFTER.match(after):
            continue
        day = _calendar_day(m, posted, strict=not _PLACE_ONLY.match(before))
        if day is not None:
            return day
    return None


def _calendar_day(m: re.Match, posted: date | None, *, strict: bool) -> date | None:
    """The date a match names. A year-less date needs a posting date to place it
    (the latest such day not after it) and a place before it (`strict` False)."""
    groups = m.groupdict()
    if groups.get("iso_year"):
        year, month, day = int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"])
    else:
        month, day = _MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
        if groups.get("year"):
            year = int(groups["year"])
        elif posted is not None and not strict:
            year = posted.year if (month, day) <= (posted.month, posted.day) else posted.year - 1
        else:
            return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < EARLIEST_YEAR or (posted is not None and found > posted + timedelta(days=1)):
        return None  # a brief is not published after it is posted
    return found


def _relative(prose: str, posted: date) -> date | None:
    m = _RELATIVE.search(prose)
    if m is None:
        return None
    if m.group("today"):
        return posted
    if m.group("yesterday"):
        return posted - timedelta(days=1)
    weekday = _WEEKDAYS[m.group("weekday").lower()]
    return posted - timedelta(days=(posted.weekday() - weekday) % 7)
