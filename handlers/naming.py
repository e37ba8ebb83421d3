"""One entity named by a member, for the commands that take a name besides
`who` (timeline, network, compare): found like `who` finds it (exact alias, then
typo-tolerant), or a reply saying why not ("did you mean" picks re-run the same
command)."""
from __future__ import annotations

import re

from handlers import validate
from handlers.format import plural
from handlers.limits import one_line
from handlers.reply import Choice, Page, Reply
from handlers.who import not_found, type_label

_ENTITY_ID = re.compile(r"^id:(\d{1,18})$")  # what a "did you mean" pick carries when two names are alike


async def one_entity(services, scope, name, command: str):
    """The EntityRow `name` means, or a Reply (did you mean / not found) to send instead."""
    by_id = _ENTITY_ID.match(str(name or "").strip())
    if by_id:
        found = (await services.store.entities_by_id(scope.guild_id, [int(by_id.group(1))])).get(int(by_id.group(1)))
        return found or Reply.error("That entity is no longer in this server's index.")
    wanted = validate.name(name)
    match = await services.store.find_entity(scope.guild_id, wanted)
    if match.how in ("exact", "fuzzy") and match.entity is not None:
        return match.entity
    if match.how == "ambiguous" and match.candidates:
        names = [c.name.casefold() for c in match.candidates]
        lines, choices = [], []
        for c in match.candidates:
            label = f"{c.name} ({type_label(c.type)}, {plural(c.briefs, 'brief')})"
            lines.append("• " + label)
            choices.append(Choice(label, command, c.name if names.count(c.name.casefold()) == 1 else f"id:{c.id}"))
        return Reply(pages=[Page(title=f"Several matches for “{one_line(wanted, 100)}”. Did you mean…",
                                 description="\n".join(lines))], choices=choices)
    missing = await not_found(services, scope, wanted)
    for choice in missing.choices:
        choice.command = command
    return missing
