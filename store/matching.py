"""Deciding what a typed name means: one entity (exactly or despite a typo),
a choice between several, or nothing but the nearest names. Pure functions
over what the store looked up."""
from __future__ import annotations

from typing import Callable

from rapidfuzz import fuzz, process

from store.records import MatchHow

ACCEPT = 75  # whole-name score (0-100) for a fuzzy hit
MARGIN = 4  # a winner must beat the runner-up by this much, else "did you mean"
SUGGEST_MIN = 50  # whole-name score for a "closest names" suggestion
MAX_CHOICES = 8  # "did you mean" candidates
NEAREST = 5  # suggestions with a "none"


def exact(found: list[tuple[int, bool]]) -> tuple[MatchHow, list[int]]:
    """`found`: (entity id, is its canonical name) for entities with `key` as
    name or alias, most mentioned first."""
    canonical = [i for i, is_name in found if is_name]
    if len(canonical) == 1:
        return "exact", canonical
    if len(canonical) > 1:
        return "ambiguous", canonical[:MAX_CHOICES]
    ids = list(dict.fromkeys(i for i, _ in found))
    if len(ids) > 1:
        return "ambiguous", ids[:MAX_CHOICES]
    # A surname the briefs used alone for one person only ("Mohamed said") means
    # that person, even beside others whose full names end with it (his father
    # Mohamed El-Hassan Mohamed); several people called so make it a question.
    return "exact", ids


def score(key: str, keys_of: dict[int, list[str]], briefs: Callable[[int], int]) -> tuple[tuple[int, float], ...]:
    """(entity id, 0-100) for each candidate: its best name or alias against
    the whole typed name, best first (the most mentioned first on ties)."""
    choices, owners = [], []
    for entity_id, keys in keys_of.items():
        for k in keys:
            choices.append(k)
            owners.append(entity_id)
    best: dict[int, float] = {}
    for _, value, i in process.extract(key, choices, scorer=fuzz.WRatio, limit=None):
        best.setdefault(owners[i], value)  # rapidfuzz gives the best first
    return tuple(sorted(best.items(), key=lambda p: (-p[1], -briefs(p[0]), p[0])))


def fuzzy(scored: tuple[tuple[int, float], ...]) -> tuple[MatchHow, list[int]]:
    if scored and scored[0][1] >= ACCEPT:
        close = [i for i, value in scored if value >= scored[0][1] - MARGIN]
        return ("fuzzy", close) if len(close) == 1 else ("ambiguous", close[:MAX_CHOICES])
    return "none", nearest(scored)


def nearest(scored: tuple[tuple[int, float], ...], limit: int = NEAREST) -> list[int]:
    return [i for i, value in scored if value >= SUGGEST_MIN][:limit]
