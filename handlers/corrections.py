"""`corrections`: this server's correction rules, each with the id `uncorrect` takes."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import day, page_footer, plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines, one_line, paged
from handlers.core.reply import Page, Reply

PER_PAGE = 10


@handler("corrections")
async def run(services: Services, scope: Scope, page=None) -> Reply:
    p = services.prefix
    first = validate.page_number(page)
    rules = list(reversed(await services.store.corrections(scope.guild_id)))
    if not rules:
        return Reply.info("No corrections in this server yet.",
                          f"`{p}merge`, `{p}rename`, `{p}retype`, `{p}hide` and `{p}attribute` make them.")

    def make(group, n, total):
        lines = (f"#{r.id} · {one_line(r.describe(), 150)} · {day(r.created_at)}"
                 + (f" by member {r.created_by}" if r.created_by else "") for r in group)
        return Page(title="Corrections in this server", description=join_lines(lines),
                    footer=page_footer(n, total, f"{plural(len(rules), 'correction')} · {p}uncorrect ID removes one"))

    pages = paged(rules, PER_PAGE, make)
    if first > len(pages):
        raise validate.BadInput(f"There are only {len(pages)} pages of corrections.")
    return Reply(pages=pages[first - 1:])
