"""`retype ENTITY as person|org|place|…`: what kind of thing an entity is."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.curate import TYPE_CHOICES, entity_type, pick_entity
from handlers.core.guard import handler
from handlers.core.reply import Reply
from handlers.who import type_label
from store.corrections import Rule


@handler("retype")
async def run(services: Services, scope: Scope, name=None, type=None) -> Reply:
    if type is None or not str(type).strip():
        raise validate.BadInput("What kind of entity is it?",
                                f"Like `{services.prefix}retype Taoiseach as person`: {TYPE_CHOICES}.")
    new_type = entity_type(type)
    entity = await pick_entity(services, scope, name)
    if entity.type == new_type:
        raise validate.BadInput(f"“{entity.name}” is a {type_label(new_type).lower()} already.")
    keys = await services.store.entity_keys(scope.guild_id, entity.id)
    rule = await services.store.add_correction(
        scope.guild_id, Rule(0, "retype", entity.name, tuple(keys), type=new_type), by=scope.user_id,
        before=entity.type)
    return Reply.info(f"“{entity.name}” is now a {type_label(new_type).lower()}.",
                      f"Correction #{rule.id}; `{services.prefix}uncorrect {rule.id}` undoes it.")
