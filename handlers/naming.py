"""One entity named by a member, for the commands that take a name besides
`who` (timeline, network, compare): found by the one resolver (handlers.resolve)
as `who` finds it, or a reply saying why not ("did you mean" picks re-run the
same command)."""
from __future__ import annotations

import re

from handlers.core import validate
from handlers.core.reply import Reply
from handlers.resolve import resolve
from handlers.who import did_you_mean, not_found

_ENTITY_ID = re.compile(r"^id:(\d{1,18})$")  # what a "did you mean" pick carries when two names are alike


async def one_entity(services, scope, name, command: str):
    """The EntityRow `name` means, or a Reply (did you mean / not found) to send instead."""
    by_id = _ENTITY_ID.match(str(name or "").strip())
    if by_id:
        found = (await services.store.entities_by_id(scope.guild_id, [int(by_id.group(1))])).get(int(by_id.group(1)))
        return found or Reply.error("That entity is no longer in this server's index.")
    wanted = validate.name(name)
    found = await resolve(services.store, scope.guild_id, wanted)
    if found.entity is not None:
        return found.entity
    if found.how == "ambiguous" and found.candidates:
        return did_you_mean(wanted, found.candidates, command=command)
    missing = await not_found(services, scope, wanted, found.suggestions)
    for choice in missing.choices:
        choice.command = command
    return missing
