"""`digest [DAYS]`: the server's news of the last week (or DAYS) in one message:
briefs published, the entities that rose most against the period before, the
newest statements by the most-mentioned people, and a chart of briefs per day."""
from __future__ import annotations

from datetime import timedelta

from handlers.core.context import Scope, Services
from handlers import charts
from handlers.core import validate
from handlers.charts.series import days_of
from handlers.core.format import plural, statement_line
from handlers.core.guard import handler
from handlers.core.limits import FIELD_VALUE, join_lines
from handlers.core.reply import Attachment, Field, Page, Reply

RISERS = 5
SPEAKERS = 3
MAX_DAYS = 90


@handler("digest")
async def run(services: Services, scope: Scope, days=None) -> Reply:
    span = validate.days(days, default=7)
    if span > MAX_DAYS:
        raise validate.BadInput(f"A digest covers at most {MAX_DAYS} days.", f"Try `{services.prefix}digest 30`.")
    return await digest(services, scope, span)


async def digest(services: Services, scope: Scope, span: int) -> Reply:
    """The digest itself (also sent by the weekly schedule)."""
    store = services.store
    until = store.clock_now()
    since, before = until - timedelta(days=span), until - timedelta(days=2 * span)
    period = "today" if span == 1 else f"the last {span} days"
    dates, counts = await store.period_counts(scope.guild_id, since, until)
    if not dates:
        return Reply.info(f"No briefs published {'today' if span == 1 else 'in ' + period}.",
                          f"`{services.prefix}digest 30` looks further back; `{services.prefix}articles` lists "
                          "everything.")
    _, earlier = await store.period_counts(scope.guild_id, before, since)
    rises = sorted(((n - earlier.get(i, 0), n, i) for i, n in counts.items()), key=lambda r: (-r[0], -r[1], r[2]))
    rises = [r for r in rises if r[0] > 0][:RISERS]
    busiest = sorted(counts, key=lambda i: (-counts[i], i))[:50]
    entities = await store.entities_by_id(scope.guild_id, [i for *_, i in rises] + busiest)
    fields = []
    if rises:
        fields.append(Field("Rising", join_lines(
            (f"{entities[i].name}: {plural(n, 'brief')} (+{rise})" for rise, n, i in rises if i in entities),
            FIELD_VALUE)))
    people = [entities[i] for i in busiest if i in entities and entities[i].type == "PERSON"][:SPEAKERS]
    said = []
    for person in people:
        latest = await store.latest_statements_by(scope.guild_id, person.id, limit=1)
        said += [f"{person.name}: " + statement_line(s, with_speaker=False, with_link=False, limit=160)
                 for s in latest]
    if said:
        fields.append(Field("Latest from the most mentioned", join_lines(said, FIELD_VALUE)))
    png = await charts.drawn(services, scope, ("digest", span, until.date().isoformat()), "digest",
                             days_of(dates), since.date(), until.date() + timedelta(days=1))
    return Reply(pages=[Page(title=f"This server's news: {period}",
                             description=f"{plural(len(dates), 'brief')} published from {since:%Y-%m-%d} to "
                                         f"{until:%Y-%m-%d}, by publication date.", fields=fields)],
                 attachment=Attachment(png, f"digest-{span}.png"))
