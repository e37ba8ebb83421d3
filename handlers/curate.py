"""What the moderators' correction commands share: finding the entity a
moderator means, the entity types they may give, and the confirmation step."""
from __future__ import annotations

from handlers.core import validate
from handlers.core.limits import one_line
from handlers.core.reply import Choice, Page, Reply

# Words a moderator may type for a type, and the type they mean.
TYPE_WORDS = {
    "person": "PERSON", "people": "PERSON",
    "org": "ORG", "organisation": "ORG", "organization": "ORG", "company": "ORG",
    "place": "GPE", "country": "GPE", "city": "GPE", "state": "GPE", "gpe": "GPE",
    "location": "LOC", "region": "LOC", "loc": "LOC",
    "group": "NORP", "nationality": "NORP", "norp": "NORP",
    "event": "EVENT",
    "facility": "FAC", "building": "FAC", "fac": "FAC",
}
TYPE_CHOICES = "person, org, place, location, group, event or facility"


async def pick_entity(services, scope, name, what: str = "entity"):
    """The guild entity a moderator names: an exact name or alias only, since
    a correction made to the wrong entity would stay. (The one place entity
    resolution happens for these commands, so it can follow the shared resolver.)"""
    if name is None or not str(name).strip():
        raise validate.BadInput(f"Which {what}?", f"Give its name, as `{services.prefix}who` shows it.")
    wanted = validate.name(name)
    match = await services.store.find_entity(scope.guild_id, wanted)
    if match.how == "exact" and match.entity is not None:
        return match.entity
    if match.candidates:
        names = ", ".join(c.name for c in match.candidates[:5])
        raise validate.BadInput(f"Which “{one_line(wanted, 80)}” do you mean?",
                                f"Several entities fit: {names}. Give the full name.")
    if match.entity is not None:  # a typo-tolerant hit: make the moderator say it exactly
        raise validate.BadInput(f"There is no {what} called “{one_line(wanted, 80)}” in this server.",
                                f"Did you mean “{match.entity.name}”? Corrections need the exact name.")
    raise validate.BadInput(f"There is no {what} called “{one_line(wanted, 80)}” in this server.",
                            f"`{services.prefix}who NAME` finds entities; hidden ones are listed by "
                            f"`{services.prefix}corrections`.")


def entity_type(word) -> str:
    found = TYPE_WORDS.get(" ".join(str(word or "").split()).casefold())
    if found is None:
        raise validate.BadInput("What kind of entity is it?", f"Say one of: {TYPE_CHOICES}.")
    return found


def confirm_first(title: str, description: str, label: str, command: str, args: str) -> Reply:
    """The question a change that removes data asks before it runs."""
    return Reply(pages=[Page(title=title, description=description)],
                 confirm=Choice(label, command, args))
