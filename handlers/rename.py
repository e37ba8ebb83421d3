"""`rename ENTITY to NEW NAME`: the old name stays as an alias."""
from __future__ import annotations

import unicodedata

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.curate import pick_entity
from handlers.core.guard import handler
from handlers.core.reply import Reply
from store.corrections import Rule


@handler("rename")
async def run(services: Services, scope: Scope, name=None, to=None) -> Reply:
    if to is None or not str(to).strip():
        raise validate.BadInput("Rename it to what?", f"Like `{services.prefix}rename Taoiseach to Micheál Martin`.")
    new_name = validate.name(to)
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in new_name):
        raise validate.BadInput("That name has invisible or control characters in it.",
                                "Type the new name plainly.")
    entity = await pick_entity(services, scope, name)
    if new_name == entity.name:
        raise validate.BadInput(f"“{entity.name}” is called that already.")
    keys = await services.store.entity_keys(scope.guild_id, entity.id)
    rule = await services.store.add_correction(
        scope.guild_id, Rule(0, "rename", entity.name, tuple(keys), name=new_name), by=scope.user_id,
        before=entity.name)
    return Reply.info(f"Renamed “{entity.name}” to “{new_name}”.",
                      f"Correction #{rule.id}; `{services.prefix}uncorrect {rule.id}` undoes it.")
