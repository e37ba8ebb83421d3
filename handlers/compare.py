"""`compare A, B[, C…]`: briefs naming each of up to five entities over time, in
one chart with a legend, and one line each."""
from __future__ import annotations

import re
from collections import Counter

from handlers.core.context import Scope, Services
from handlers import charts
from handlers.core import validate
from handlers.charts.series import bucket_start, buckets_for, days_of
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.naming import one_entity
from handlers.core.reply import Attachment, Field, Page, Reply
from store.records import EntityRow

MAX_ENTITIES = 5
_SEPARATORS = re.compile(r"\s*(?:,|;|\||\bvs\.?\b|\bversus\b|\band\b)\s*", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """'Clinton, Trump' / 'Clinton vs Trump' / 'Clinton Trump' -> the names asked for."""
    text = " ".join(str(text or "").split())
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        parts = text.split()  # single words: one name each
    return list(dict.fromkeys(parts))


@handler("compare")
async def run(services: Services, scope: Scope, names=None) -> Reply:
    wanted = split_names(validate.name(names))
    usage = f"For example `{services.prefix}compare Hegseth, Dong Jun` (commas between names)."
    if len(wanted) < 2:
        raise validate.BadInput("Name at least two entities to compare.", usage)
    if len(wanted) > MAX_ENTITIES:
        raise validate.BadInput(f"I can compare at most {MAX_ENTITIES} entities at once.", usage)
    entities: list[EntityRow] = []
    for name in wanted:
        found = await one_entity(services, scope, name, "who")
        if isinstance(found, Reply):  # the first name not found (or ambiguous) explains itself
            found.pages[0].title = f"Comparing: {found.pages[0].title}"
            return found
        if all(e.id != found.id for e in entities):
            entities.append(found)
    if len(entities) < 2:
        raise validate.BadInput("Those names all mean the same entity.", usage)
    series = [(e.name, days_of(await services.store.published_dates(scope.guild_id, e.id))) for e in entities]
    png = await charts.drawn(services, scope, ("compare", *(e.id for e in entities)), "comparison", series)
    unit = buckets_for([d for _, days in series for d in days]).unit
    fields = [Field(one_line(name, 200), summary(days, unit)) for name, days in series]
    return Reply(pages=[Page(title="Compared over time: " + ", ".join(e.name for e in entities),
                             description=f"Briefs naming each, per {unit}, by publication date.", fields=fields)],
                 attachment=Attachment(png, "compare-" + "-".join(str(e.id) for e in entities) + ".png"))


def summary(days, unit: str) -> str:
    """'12 briefs, 2015-03-01 to 2015-11-20; busiest week of 2015-09-07 (3)'."""
    if not days:
        return "No dated briefs."
    busiest, n = Counter(bucket_start(d, unit) for d in days).most_common(1)[0]
    return (f"{plural(len(days), 'brief')}, {min(days)} to {max(days)}; busiest {unit} "
            f"{'of ' if unit != 'day' else ''}{busiest:%Y-%m-%d} ({n})")
