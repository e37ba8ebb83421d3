"""Keep every Reply inside Discord's embed limits, here once, so no front-end
has to guess what to cut. The console shows the same (already short) text."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, TypeVar

from handlers.core.reply import Choice, Field, Page, Reply

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
TOTAL = 6000  # title + description + field names and values + footer, per embed
CHOICES = 25  # a select menu holds at most 25 options
CHOICE_LABEL = 80  # button and select-option labels
CHOICE_ARGS = 100  # select-option values

ELLIPSIS = "…"

T = TypeVar("T")


def clip(text: str | None, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with an ellipsis when cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    cut = text[: limit - 1]
    # Prefer ending at a word boundary when one is close.
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str | None, limit: int) -> str:
    """Collapse whitespace (statements and titles in lists) and clip."""
    return clip(" ".join((text or "").split()), limit)


def _page_size(page: Page) -> int:
    return (len(page.title) + len(page.description) + len(page.footer or "")
            + sum(len(f.name) + len(f.value) for f in page.fields))


def fit_page(page: Page) -> Page:
    fields = [Field(clip(f.name, FIELD_NAME) or "-", clip(f.value, FIELD_VALUE) or "-", f.inline)
              for f in page.fields[:FIELDS]]
    page = replace(page, title=clip(page.title, TITLE) or "-", description=clip(page.description, DESCRIPTION),
                   fields=fields, footer=clip(page.footer, FOOTER) if page.footer else page.footer)
    # Over the total: drop trailing fields first, then shorten the description.
    while _page_size(page) > TOTAL and page.fields:
        page.fields.pop()
    excess = _page_size(page) - TOTAL
    if excess > 0:
        page.description = clip(page.description, max(0, len(page.description) - excess))
    return page


def fit(reply: Reply) -> Reply:
    """The same reply, every page and choice within Discord's limits."""
    choices = [Choice(clip(c.label, CHOICE_LABEL), c.command, clip(c.args, CHOICE_ARGS))
               for c in reply.choices[:CHOICES]]
    pages = [fit_page(p) for p in reply.pages] or [Page(title="Nothing to show")]
    return replace(reply, pages=pages, choices=choices)


def chunk(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def paged(items: list[T], per_page: int, make: Callable[[list[T], int, int], Page]) -> list[Page]:
    """Pages of `per_page` items each: `make(items, page_number, page_count)` builds one."""
    groups = chunk(items, per_page)
    return [make(group, n + 1, len(groups)) for n, group in enumerate(groups)]


def join_lines(lines: Iterable[str], limit: int = DESCRIPTION) -> str:
    """Lines joined by newlines, stopping (with an ellipsis line) before `limit`."""
    out: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > limit - 2:
            out.append(ELLIPSIS)
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)
