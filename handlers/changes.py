"""`changes [PAGE]`: the audit log of what moderators changed, latest first."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import page_footer
from handlers.core.guard import handler
from handlers.core.limits import join_lines, one_line, paged
from handlers.core.reply import Page, Reply

PER_PAGE = 10
PAGES = 5  # one answer pages through this many; `changes 6` goes further back


@handler("changes")
async def run(services: Services, scope: Scope, page=None) -> Reply:
    first = validate.page_number(page)
    rows = await services.store.changes(scope.guild_id, limit=PER_PAGE * PAGES, offset=(first - 1) * PER_PAGE)
    if not rows:
        return Reply.info("No changes recorded." if first == 1 else f"No changes on page {first}.",
                          "Moderators' corrections, forgets, restores and settings are recorded here.")

    def make(group, n, total):
        return Page(title="Latest changes in this server", description=join_lines(line(c) for c in group),
                    footer=page_footer(first + n - 1, first + total - 1))

    return Reply(pages=paged(rows, PER_PAGE, make))


def line(change) -> str:
    who = f"member {change.user_id}" if change.user_id else "the console"
    what = f"{change.at.replace('T', ' ')[:16]} · {who} · {change.action} {one_line(change.target, 80)}"
    if change.before or change.after:
        what += f"\n  {one_line(change.before or '-', 150)} → {one_line(change.after or '-', 150)}"
    return what
