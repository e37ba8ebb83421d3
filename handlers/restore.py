"""`restore [ID]` and `undo`: bring back a forgotten brief (the latest one when
no id is given) with its statements and entity links, while it is still kept."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.core.format import hours
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply


@handler("restore")
async def run(services: Services, scope: Scope, id=None) -> Reply:
    p, store, window = services.prefix, services.store, services.forget_undo_hours
    await store.purge_forgotten(keep_hours=window)
    if id is None:
        latest = await store.forgotten_briefs(scope.guild_id, within_hours=window, limit=1)
        if not latest:
            return Reply.error("There is no forgotten brief to bring back.",
                               f"Forgotten briefs can be restored for {hours(window)}.")
        brief_id, title = latest[0].brief_id, latest[0].title
    else:
        brief_id, title = validate.brief_id(id), ""
    outcome, duplicate = await store.restore_brief(scope.guild_id, brief_id, by=scope.user_id)
    if outcome == "duplicate":
        raise validate.BadInput(f"Brief #{brief_id} is in the index again as #{duplicate}.",
                                f"It was posted again after it was forgotten; `{p}article {duplicate}` shows it.")
    if outcome == "missing":
        raise validate.BadInput(f"There is no forgotten brief #{brief_id} in this server.",
                                f"Forgotten briefs can be restored for {hours(window)}; after that they are gone.")
    article = await store.get_article(scope.guild_id, brief_id)
    title = article.article.title if article else title
    return Reply.info(f"Restored brief #{brief_id}.",
                      f"“{one_line(title, 150)}” is back, with its statements and entities.")
