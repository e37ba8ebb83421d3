"""`search WORDS`: briefs with all the words (or "a phrase", `a OR b`, not
`-word`), filtered by `by:NAME`, `in:#channel`, `before:DATE`, `after:DATE`;
best first, with a snippet. The title says what was matched."""
from __future__ import annotations

from datetime import timedelta

from handlers import search_syntax
from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import article_line, page_footer, plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines, one_line, paged
from handlers.core.reply import Page, Reply
from handlers.resolve import resolve
from handlers.who import did_you_mean

PER_PAGE = 5
MAX_RESULTS = 40
SNIPPET = 240


@handler("search")
async def run(services: Services, scope: Scope, text=None) -> Reply:
    line = search_syntax.split(" ".join(str(text or "").split()))
    words = validate.query(line.text)
    entity = None
    if line.by:
        found = await resolve(services.store, scope.guild_id, validate.name(line.by))
        if found.how == "ambiguous":
            return did_you_mean(line.by, found.candidates, command="search",
                                args_for=lambda name: f'{words} by:"{name}"')
        if found.entity is None:
            hint = ("Closest names: " + ", ".join(found.suggestions) + ".") if found.suggestions else ""
            return Reply(pages=[Page(title=f"No one called “{one_line(line.by, 80)}” in this server's briefs.",
                                     description=hint)], ok=False)
        entity = found.entity
    rows = await services.store.search_articles(
        scope.guild_id, words, limit=MAX_RESULTS, channel_id=line.channel_id,
        before=line.before.isoformat() if line.before else None,
        after=(line.after + timedelta(days=1)).isoformat() if line.after else None,  # after the whole day
        entity_ids=[entity.id] if entity else None)
    what = describe(words, line, entity.name if entity else None)
    if not rows:
        return Reply(pages=[Page(title=f"No briefs with {what}.",
                                 description=f"Try other words, or `{services.prefix}who NAME` for a person "
                                             "(it forgives typos).")], ok=False)

    def make(group, n, total):
        lines = []
        for row in group:
            entry = article_line(row)
            if row.snippet:
                entry += f"\n  “{one_line(row.snippet, SNIPPET)}”"
            lines.append(entry)
        return Page(title=one_line(f"Briefs with {what}", 250), description=join_lines(lines),
                    footer=page_footer(n, total, plural(len(rows), "brief")))

    return Reply(pages=paged(rows, PER_PAGE, make))


def describe(words: str, line: search_syntax.SearchLine, by: str | None) -> str:
    """“hegseth” and “basra”; the phrase “crane collapse”; “a” or “b”; without “x”; and the filters."""
    from store.fts import parse

    q = parse(words)
    parts = []
    for clause in q.clauses:
        terms = [("the phrase " if len(t) > 1 else "") + f"“{' '.join(t)}”" for t in clause]
        parts.append(" or ".join(terms))
    said = (" and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]) or "anything"
    if len(parts) > 1:
        said = "all of " + said
    if q.excluded:
        said += " but not " + " or ".join(f"“{w}”" for w in q.excluded)
    if by:
        said += f", naming {by}"
    if line.channel_id:
        said += f", in <#{line.channel_id}>"
    if line.after:
        said += f", after {line.after.isoformat()}"
    if line.before:
        said += f", before {line.before.isoformat()}"
    return said
