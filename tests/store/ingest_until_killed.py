"""Child process for the crash test: ingests batches of generated briefs into
the database given on the command line, forever, printing `saved N` after
each committed batch, until it is killed.

    python tests/store/ingest_until_killed.py DB_PATH GUILD

`batch(k)` is also imported by the test, to re-ingest the same briefs.
"""
from __future__ import annotations

import asyncio
import sys

from extract.model import Brief, Entity, Statement
from store.records import Provenance

BATCH = 25
PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Tim Berners-Lee", "Hedy Lamarr"]
PLACES = ["Leeds", "Lagos", "Lima", "Lyon", "Lublin"]


def one_brief(n: int) -> tuple[Brief, str, dict]:
    who = [PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 7 + 3) % len(PEOPLE)]]
    where = PLACES[n % len(PLACES)]
    title = f"Report {n} from {where}"
    text = f"{title}\n\n{who[0]} met {who[1]} in {where} to discuss item {n}."
    entities = [Entity(w, "PERSON", aliases=[w.split()[-1]], role="Engineer" if n % 2 else None, mentions=1)
                for w in dict.fromkeys(who)]
    entities.append(Entity(where, "GPE", mentions=1))
    statements = [Statement(f"Item {n} is on track", who[0]), Statement(f"we discussed item {n}", who[1], "reported")]
    brief = Brief(title=title, text=text, entities=entities, statements=statements)
    return brief, text, Provenance(source=f"https://example.org/report/{n}", message_id=1000 + n)


def batch(k: int) -> list[tuple[Brief, str, dict]]:
    return [one_brief(k * BATCH + i) for i in range(BATCH)]


async def main(path: str, guild: int) -> None:
    from store import Store

    store = await Store.open(path)
    k = 0
    while True:
        await store.save_briefs(guild, batch(k))
        k += 1
        print(f"saved {k}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
