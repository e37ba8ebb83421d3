"""`attribute #s12 NAME|none`: correct who said a statement."""
from __future__ import annotations

import re

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.curate import pick_entity
from handlers.core.guard import handler
from handlers.core.limits import one_line
from handlers.core.reply import Reply
from store.curation import attribution_rule

_STATEMENT_ID = re.compile(r"^#?s?#?(\d{1,18})$", re.I)
NOBODY = {"none", "nobody", "unattributed", "-"}


@handler("attribute")
async def run(services: Services, scope: Scope, statement=None, speaker=None) -> Reply:
    p = services.prefix
    found = _STATEMENT_ID.match(str(statement or "").strip())
    if not found:
        raise validate.BadInput("Which statement?", f"Give its id as `{p}quotes` and `{p}article` show it to "
                                                    f"moderators, like `{p}attribute #s12 Pete Hegseth`.")
    statement_id = int(found.group(1))
    if speaker is None or not str(speaker).strip():
        raise validate.BadInput("Who said it?", f"Give a name, or `none`: `{p}attribute #s{statement_id} none`.")
    said = await services.store.statement(scope.guild_id, statement_id)
    if said is None:
        raise validate.BadInput(f"There is no statement #s{statement_id} in this server.")
    brief_id, text, before = said
    name = None
    if " ".join(str(speaker).split()).casefold() not in NOBODY:
        name = (await pick_entity(services, scope, speaker, "speaker")).name
    rule = attribution_rule(statement_id, brief_id, text, name, scope.user_id, "")
    saved = await services.store.add_correction(scope.guild_id, rule, by=scope.user_id, before=before or "nobody")
    return Reply.info(f"“{one_line(text, 120)}” is now {'attributed to ' + name if name else 'unattributed'}.",
                      f"Statement #s{statement_id} in brief #{brief_id}; correction #{saved.id} "
                      f"(`{p}uncorrect {saved.id}` undoes it).")
