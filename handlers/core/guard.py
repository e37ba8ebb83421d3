"""The wrapper every command handler wears: permission check (defence in
depth: front-ends check too), bad input turned into a friendly reply, and the
reply fitted to Discord's limits."""
from __future__ import annotations

import functools

from handlers.core import commands
from handlers.core.context import Scope
from handlers.core.limits import fit
from handlers.core.reply import Reply
from handlers.core.validate import BadInput

PERMISSION_NAMES = {
    "manage_messages": "Manage Messages",
    "manage_guild": "Manage Server",
    "owner": "bot owner",
}


def permitted(permission: str | None, scope: Scope) -> bool:
    if permission is None or scope.is_owner:
        return True
    if permission == "manage_messages":
        return scope.can_manage_messages or scope.can_manage_guild
    if permission == "manage_guild":
        return scope.can_manage_guild
    return False  # "owner" and anything unknown: owners only


def refusal(command: commands.Command) -> Reply:
    who = PERMISSION_NAMES.get(command.permission or "", command.permission or "")
    what = "the bot's owners" if command.permission == "owner" else f"members with the {who} permission"
    return Reply.error(f"Sorry, only {what} can use `{command.name}`.",
                       "Ask a moderator if something needs changing.")


def handler(name: str):
    """Decorate `run` of the command called `name` in the command table."""
    command = commands.BY_NAME[name]

    def wrap(fn):
        @functools.wraps(fn)
        async def run(services, scope: Scope, **args) -> Reply:
            if not permitted(command.permission, scope):
                return fit(refusal(command))
            try:
                reply = await fn(services, scope, **args)
            except BadInput as exc:
                reply = exc.reply()
            return fit(reply)

        run.command = command  # type: ignore[attr-defined]  # the front-ends read it
        return run

    return wrap
