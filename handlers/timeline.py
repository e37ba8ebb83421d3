"""`timeline NAME`: an entity's briefs and statements in publication order, and a
chart of briefs naming it per day/week/month with its statements marked."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers import charts
from handlers.charts.series import days_of
from handlers.core.format import article_line, day, plural, statement_line
from handlers.core.guard import handler
from handlers.core.limits import join_lines
from handlers.naming import one_entity
from handlers.core.reply import Attachment, Page, Reply

ITEMS_PER_PAGE = 8
MAX_ITEMS = 500  # briefs (and statements) read for one timeline: the latest ones


@handler("timeline")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    entity = await one_entity(services, scope, name, "timeline")
    if isinstance(entity, Reply):
        return entity
    timeline = await services.store.entity_timeline(scope.guild_id, entity.id, limit=MAX_ITEMS)
    if timeline is None or not timeline.articles:
        return Reply.error(f"{entity.name} is no longer in this server's index.")
    png = await charts.drawn(services, scope, ("timeline", entity.id), "timeline", entity.name,
                             days_of(a.date for a in timeline.articles), days_of(s.date for s in timeline.statements))
    return Reply(pages=_pages(timeline), attachment=Attachment(png, f"timeline-{entity.id}.png"))


def _pages(timeline) -> list[Page]:
    """Briefs and statements interleaved by date, oldest first, a few to a page."""
    e = timeline.entity
    items = [(a.date, 0, a.id, article_line(a)) for a in timeline.articles]
    items += [(s.date, 1, s.id, f"{day(s.date)} said: " + statement_line(s, with_speaker=False, limit=200))
              for s in timeline.statements]
    items.sort()
    lines = [line for *_, line in items]
    first, last = day(timeline.articles[0].date), day(timeline.articles[-1].date)
    head = (f"{plural(len(timeline.articles), 'brief')} from {first} to {last}"
            + (f", {plural(len(timeline.statements), 'statement')} by {e.name}" if timeline.statements else "")
            + ".\nOldest first; the chart counts briefs by publication date.")
    pages = []
    for i in range(0, len(lines), ITEMS_PER_PAGE):
        pages.append(Page(title=f"{e.name}: timeline", description=head + "\n\n"
                          + join_lines(lines[i:i + ITEMS_PER_PAGE], 3500)))
    total = len(pages)
    for n, page in enumerate(pages, 1):
        page.footer = f"Page {n} of {total}" if total > 1 else None
    return pages
