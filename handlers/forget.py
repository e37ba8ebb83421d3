"""`forget ID`: take a brief out of this server's index. It is kept for a while
(Services.forget_undo_hours) so `restore`/`undo` can bring it back, then purged."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.curate import confirm_first
from handlers.core.format import hours
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply


@handler("forget")
async def run(services: Services, scope: Scope, id=None) -> Reply:
    p = services.prefix
    if id is None:
        raise validate.BadInput("Which brief?", f"Give its id, like `{p}forget 12`.")
    brief_id = validate.brief_id(id)
    store = services.store
    article = await store.get_article(scope.guild_id, brief_id)
    if article is None:
        raise validate.BadInput(f"There is no brief #{brief_id} in this server.",
                                f"`{p}articles` lists the briefs with their ids.")
    window = hours(services.forget_undo_hours)
    if scope.asks_first:
        return confirm_first(f"Forget brief #{brief_id}?",
                             f"“{one_line(article.article.title, 150)}” and its statements leave this server's "
                             f"index. It can be restored for {window}.", "Forget", "forget", str(brief_id))
    await store.purge_forgotten(keep_hours=services.forget_undo_hours)
    title = await store.forget_brief(scope.guild_id, brief_id, by=scope.user_id)
    if title is None:  # forgotten by someone else meanwhile
        raise validate.BadInput(f"There is no brief #{brief_id} in this server.")
    return Reply.info(f"Forgot brief #{brief_id}.",
                      f"“{one_line(title, 150)}” and its statements are gone from this server's index. "
                      f"Changed your mind? `{p}undo` or `{p}restore {brief_id}` brings it back within {window}.")
