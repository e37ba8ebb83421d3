"""`articles [PAGE]`: the latest briefs in this server, newest first."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import article_line, plural
from handlers.core.guard import handler
from handlers.core.limits import join_lines
from handlers.core.reply import Page, Reply

PER_PAGE = 8
PAGES_PER_REPLY = 5  # one reply carries a few pages; `articles 6` reaches further back


@handler("articles")
async def run(services: Services, scope: Scope, page=None) -> Reply:
    first = validate.page_number(page)
    total = await services.store.count_articles(scope.guild_id)
    if total == 0:
        return Reply.info("No briefs yet.",
                          f"Post a brief in a watched channel or use `{services.prefix}ingest` to add one.")
    last_page = (total + PER_PAGE - 1) // PER_PAGE
    if first > last_page:
        raise validate.BadInput(f"There {'is' if last_page == 1 else 'are'} only {plural(last_page, 'page')} "
                                f"of briefs.", f"`{services.prefix}articles {last_page}` shows the oldest.")
    rows = await services.store.latest_articles(scope.guild_id, limit=PER_PAGE * PAGES_PER_REPLY,
                                                offset=(first - 1) * PER_PAGE)
    pages = []
    for i in range(0, len(rows), PER_PAGE):
        number = first + i // PER_PAGE
        pages.append(Page(title="Latest briefs" if number == 1 else f"Briefs, page {number}",
                          description=join_lines(article_line(r) for r in rows[i:i + PER_PAGE]),
                          footer=f"Page {number} of {last_page} · {plural(total, 'brief')} · "
                                 f"{services.prefix}article ID shows one"))
    return Reply(pages=pages)
