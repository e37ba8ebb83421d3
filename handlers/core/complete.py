"""Autocomplete for entity arguments (slash commands): names in this server's index."""
from __future__ import annotations

from handlers.core.limits import CHOICE_ARGS
from handlers.resolve import peeled

MAX_PREFIX = 100


async def entity_names(services, scope, prefix: str, *, limit: int = 25) -> list[str]:
    """Up to `limit` entity names starting like `prefix` (typos forgiven by the store);
    never raises on odd input, since it runs on every keystroke."""
    prefix = " ".join(str(prefix or "").split())[:MAX_PREFIX]
    names = await services.store.entity_names(scope.guild_id, prefix, limit=limit)
    bare = peeled(prefix) if " " in prefix else prefix
    if bare != prefix and len(names) < limit:  # "President Ob" completes "Ob" too (General Motors stays first)
        more = await services.store.entity_names(scope.guild_id, bare, limit=limit)
        names = list(dict.fromkeys(names + more))
    # Discord refuses choices longer than 100 characters.
    return [n for n in names if 0 < len(n) <= CHOICE_ARGS][:limit]
