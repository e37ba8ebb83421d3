"""How briefs, statements and dates read in replies, shared by the commands so
`#12 Title` looks the same everywhere."""
from __future__ import annotations

from handlers.core.limits import one_line
from handlers.core.links import linked

TITLE_IN_LIST = 90  # a brief's title inside a list line
STATEMENT_IN_LIST = 300


def day(iso: str | None) -> str:
    """'2025-09-04T10:00:00+00:00' -> '2025-09-04'."""
    return (iso or "")[:10] or "?"


# How a brief's publication date is known (store date_source), as a reader would say it.
DATE_SOURCE_LABELS = {
    "metadata": "from the page",
    "feed": "from its feed",
    "dateline": "from its dateline",
    "relative": "from its text and when it was posted",
    "posted": "when it was posted",
    "ingested": "when it was indexed",
}


def shown_date(row) -> str:
    """A row's date as lists show it: published, else indexed."""
    return getattr(row, "published_at", "") or getattr(row, "created_at", "")


def published_line(row) -> str:
    """'2008-03-17 (from its dateline)' for an ArticleRow."""
    label = DATE_SOURCE_LABELS.get(getattr(row, "date_source", "") or "ingested", "")
    return f"{day(shown_date(row))} ({label})" if label else day(shown_date(row))


def brief_ref(brief_id: int, title: str | None) -> str:
    return f"#{brief_id} {one_line(title or '(untitled)', TITLE_IN_LIST)}"


def link_of(jump_url: str | None = None, source: str | None = None) -> str | None:
    """Where a brief can be read: its Discord message, else the page it came from."""
    if jump_url:
        return jump_url
    if source and source.startswith(("http://", "https://")):
        return source
    return None


def article_line(row) -> str:
    """One ArticleRow in a list: id and title (linked to where to read it), date, counts."""
    line = f"{linked(brief_ref(row.id, row.title), link_of(row.jump_url, row.source))} · {day(shown_date(row))}"
    counts = []
    if getattr(row, "entities", 0):
        counts.append(plural(row.entities, "entity", "entities"))
    if getattr(row, "statements", 0):
        counts.append(plural(row.statements, "statement"))
    if counts:
        line += " · " + ", ".join(counts)
    return line


def statement_line(s, *, with_speaker: bool = True, with_brief: bool = True, with_link: bool = True,
                   limit: int = STATEMENT_IN_LIST, with_id: bool = False) -> str:
    """'“The threat … imminent,” — Pete Hegseth' and the brief it is from."""
    text = one_line(s.text, limit)
    line = f"“{text}”" if s.kind == "direct" else f"(reported) {text}"
    if with_speaker:
        line += f" — {s.speaker or 'unattributed'}"
    # Moderators correct a speaker with `attribute #s12 NAME`. The id goes on the brief line when
    # there is one, so the quote line still ends with who said it (readers and copy-paste rely on that).
    statement_id = f" · #s{s.id}" if with_id else ""
    if with_brief:
        ref = brief_ref(s.brief_id, s.brief_title)
        line += f"\n  in {linked(ref, getattr(s, 'jump_url', None)) if with_link else ref}{statement_id}"
    else:
        line += statement_id
    return line


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def page_footer(n: int, total: int, extra: str = "") -> str | None:
    parts = [f"Page {n} of {total}"] if total > 1 else []
    if extra:
        parts.append(extra)
    return " · ".join(parts) or None


def joined(items: list[str], sep: str = ", ", empty: str = "-") -> str:
    return sep.join(items) if items else empty


def hours(n: float) -> str:
    """A stretch of time as people say it: "24 hours", "1 hour", "30 minutes"."""
    if n < 1:
        return plural(max(1, round(n * 60)), "minute")
    return plural(round(n), "hour") if abs(n - round(n)) < 0.05 else f"{n:.1f} hours"
