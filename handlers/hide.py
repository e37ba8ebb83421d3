"""`hide ENTITY`: never shown in profiles, trending, co-mentions or autocomplete."""
from __future__ import annotations

from handlers.curate import confirm_first, pick_entity
from handlers.core.context import Scope, Services
from handlers.core.guard import handler
from handlers.core.reply import Reply
from store.corrections import Rule


@handler("hide")
async def run(services: Services, scope: Scope, name=None) -> Reply:
    p = services.prefix
    entity = await pick_entity(services, scope, name)
    if scope.asks_first:
        return confirm_first(f"Hide “{entity.name}”?",
                             "It will not be shown in profiles, trending, co-mentions or autocomplete. "
                             f"`{p}unhide {entity.name}` shows it again.", "Hide", "hide", entity.name)
    keys = await services.store.entity_keys(scope.guild_id, entity.id)
    rule = await services.store.add_correction(scope.guild_id, Rule(0, "hide", entity.name, tuple(keys)),
                                               by=scope.user_id, before="shown")
    return Reply.info(f"Hid “{entity.name}”.", f"Correction #{rule.id}; `{p}unhide {entity.name}` shows it again.")
