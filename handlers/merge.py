"""`merge A into B`: one entity; A's names become aliases of B, now and in every later brief."""
from __future__ import annotations

from handlers.core.context import Scope, Services
from handlers.core import validate
from handlers.curate import confirm_first, pick_entity
from handlers.core.format import plural
from handlers.core.guard import handler
from handlers.core.reply import Reply
from store.corrections import Rule


@handler("merge")
async def run(services: Services, scope: Scope, name=None, into=None) -> Reply:
    p = services.prefix
    if into is None or not str(into).strip():
        raise validate.BadInput("Merge it into which entity?", f"Like `{p}merge George Bush into George W. Bush`.")
    merged = await pick_entity(services, scope, name)
    kept = await pick_entity(services, scope, into)
    if merged.id == kept.id:
        raise validate.BadInput(f"“{merged.name}” and “{kept.name}” are already one entity.")
    if scope.asks_first:
        return confirm_first(f"Merge “{merged.name}” into “{kept.name}”?",
                             f"{plural(merged.briefs, 'brief')} will count for {kept.name}, and "
                             f"“{merged.name}” becomes one of its names. `{p}unmerge {merged.name}` undoes it.",
                             "Merge", "merge", f"{merged.name} into {kept.name}")
    keys = await services.store.entity_keys(scope.guild_id, merged.id)
    rule = await services.store.add_correction(
        scope.guild_id, Rule(0, "merge", merged.name, tuple(keys), name=kept.name, type=kept.type),
        by=scope.user_id, before=f"{merged.name} ({merged.type}), {kept.name} ({kept.type})")
    return Reply.info(f"Merged “{merged.name}” into “{kept.name}”.",
                      f"Correction #{rule.id}; later briefs follow it too. Undo with `{p}unmerge {merged.name}`.")
