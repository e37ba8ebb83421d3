"""`search WORDS`: briefs that mention some words, best first, with a snippet."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import article_line, page_footer, plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines, one_line, paged
from handlers.core.reply import Page, Reply

PER_PAGE = 5
MAX_RESULTS = 40
SNIPPET = 240


@handler("search")
async def run(services: Services, scope: Scope, text=None) -> Reply:
    words = validate.query(text)
    rows = await services.store.search_articles(scope.guild_id, words, limit=MAX_RESULTS)
    if not rows:
        return Reply(pages=[Page(title=f"No briefs mention “{one_line(words, 80)}”.",
                                 description=f"Try other words, or `{services.prefix}who NAME` for a person "
                                             "(it forgives typos).")], ok=False)

    def make(group, n, total):
        lines = []
        for row in group:
            line = article_line(row)
            if row.snippet:
                line += f"\n  “{one_line(row.snippet, SNIPPET)}”"
            lines.append(line)
        return Page(title=f"Briefs mentioning “{one_line(words, 80)}”", description=join_lines(lines),
                    footer=page_footer(n, total, plural(len(rows), "brief")))

    return Reply(pages=paged(rows, PER_PAGE, make))
