"""Deterministic pools of invented entities: person i, organisation i, town i.

Index -> entity is a fixed bijection (scrambled so neighbouring indexes differ
in every part), so "person 17" is the same name in every run and every size.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bench import vocabulary as V
from bench import words as W

# People's names come from the generated vocabulary (~100k distinct words), so a big guild's
# name index holds a realistic number of words; a million people, most of them rarely named.
N_PEOPLE = 1_000_000
N_ORGS = len(W.ORG_ADJECTIVES) * len(W.ORG_NOUNS) * len(W.ORG_KINDS)
N_TOWNS = len(W.PLACE_HEADS) * len(W.PLACE_TAILS)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Org:
    name: str
    acronym: str


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str


def _scramble(i: int, n: int) -> int:
    """A bijection of range(n): multiply by a constant coprime with n."""
    for a in (7919, 104729, 15485863, 32452843, 49979687):
        if _gcd(a, n) == 1:
            return (i * a + 12345) % n
    return i % n


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


@lru_cache(maxsize=200_000)
def person(i: int) -> Person:
    first, last = V.person_name(_scramble(i % N_PEOPLE, N_PEOPLE))
    return Person(first, last, W.ROLES[(i * 31 + 7) % len(W.ROLES)])


@lru_cache(maxsize=200_000)
def org(i: int) -> Org:
    j = _scramble(i % N_ORGS, N_ORGS)
    a, rest = j % len(W.ORG_ADJECTIVES), j // len(W.ORG_ADJECTIVES)
    n, k = rest % len(W.ORG_NOUNS), rest // len(W.ORG_NOUNS)
    parts = (W.ORG_ADJECTIVES[a], W.ORG_NOUNS[n], W.ORG_KINDS[k])
    return Org(" ".join(parts), "".join(p[0] for p in parts))


def town(i: int) -> str:
    j = _scramble(i % N_TOWNS, N_TOWNS)
    return W.PLACE_HEADS[j % len(W.PLACE_HEADS)] + W.PLACE_TAILS[j // len(W.PLACE_HEADS)]


def country(i: int) -> Country:
    return Country(*W.COUNTRIES[i % len(W.COUNTRIES)])


def skewed(rng, n: int, power: float = 3.0) -> int:
    """An index in range(n), heavily skewed to small numbers (a few entities are in
    the news every day, most appear once or twice): P(index < k) = (k/n)**(1/power)."""
    return min(n - 1, int(n * rng.random() ** power))
