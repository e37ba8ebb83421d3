"""`trending [DAYS]`: the entities in the most briefs lately."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines
from handlers.core.reply import Choice, Page, Reply
from handlers.who import type_label

LIMIT = 10
LEFT_OUT = {"NORP"}
SPARE = 10  # rows asked for beyond LIMIT, for the ones left out


@handler("trending")
async def run(services: Services, scope: Scope, days=None) -> Reply:
    span = validate.days(days)
    rows = await services.store.trending(scope.guild_id, days=span, limit=LIMIT + SPARE)
    # Nationalities ("American", "Russian") only repeat the countries they belong to.
    rows = [(e, n) for e, n in rows if e.type not in LEFT_OUT][:LIMIT]
    period = "today" if span == 1 else f"in the last {span} days"
    if not rows:
        return Reply.info(f"No briefs {period}.",
                          f"`{services.prefix}trending 30` looks further back; `{services.prefix}articles` "
                          "lists everything.")
    lines = [f"{n}. {e.name} ({type_label(e.type)}) · {plural(count, 'brief')}"
             for n, (e, count) in enumerate(rows, 1)]
    return Reply(pages=[Page(title=f"Trending {period}", description=join_lines(lines))],
                 choices=[Choice(e.name, "who", e.name) for e, _ in rows], choices_prompt="Profiles")
