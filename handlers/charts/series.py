"""Dates counted into days, weeks or months, whichever suits the span, so a chart
of two weeks and a chart of ten years both have readable bars."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

DAILY_UP_TO = 45  # days of span counted per day
WEEKLY_UP_TO = 3 * 366  # ... per week; longer spans per month


@dataclass(frozen=True)
class Buckets:
    unit: str  # "day" | "week" | "month"
    starts: list[date]  # every bucket from the first to the last, empty ones included

    def of(self, day: date) -> date:
        return bucket_start(day, self.unit)

    def counts(self, days: list[date]) -> list[int]:
        counted = Counter(self.of(d) for d in days)
        return [counted.get(s, 0) for s in self.starts]

    @property
    def width_days(self) -> float:
        return {"day": 0.8, "week": 5.6, "month": 24.0}[self.unit]


def to_day(iso: str) -> date | None:
    try:
        return date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def days_of(isos) -> list[date]:
    return [d for d in map(to_day, isos) if d is not None]


def bucket_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday
    return day.replace(day=1)


def buckets_for(days: list[date], *, min_span: int = 0) -> Buckets:
    """Buckets covering `days` (at least `min_span` days wide, ending at the last)."""
    if not days:
        today = date.today()
        return Buckets("day", [today])
    first, last = min(days), max(days)
    first = min(first, last - timedelta(days=min_span))
    span = (last - first).days
    unit = "day" if span <= DAILY_UP_TO else "week" if span <= WEEKLY_UP_TO else "month"
    starts, current = [], bucket_start(first, unit)
    end = bucket_start(last, unit)
    while current <= end:
        starts.append(current)
        current = _next(current, unit)
    return Buckets(unit, starts)


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
