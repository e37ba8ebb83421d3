"""The quick version of bench/answers.py: the same question forms and judging,
on the repo's own sample briefs with gold written for them here."""
from __future__ import annotations

from pathlib import Path

from bench import answers

SAMPLES = Path(__file__).resolve().parents[2] / "bot" / "samples"

# Gold for bot/samples (names as the samples spell them; roles as they state them).
GOLD = [{
    "entities": [
        {"name": "Pete Hegseth", "type": "PERSON", "aliases": ["Hegseth"], "role": "US Defense Secretary"},
        {"name": "Donald Trump", "type": "PERSON", "aliases": ["Trump"], "role": "President"},
        {"name": "Zhang Youxia", "type": "PERSON", "aliases": [], "role": "General"},
        {"name": "Barack Obama", "type": "PERSON", "aliases": ["Obama"], "role": "US President"},
        {"name": "Mark Zuckerberg", "type": "PERSON", "aliases": ["Zuckerberg"], "role": "Facebook co-founder"},
        {"name": "Alia Salem", "type": "PERSON", "aliases": [], "role": "Executive director"},
        {"name": "Amneh Jafari", "type": "PERSON", "aliases": ["Jafari"], "role": None},
        {"name": "United Nations", "type": "ORG", "aliases": ["U.N.", "UN"], "role": None},
        {"name": "Environment Canada", "type": "ORG", "aliases": [], "role": None},
        {"name": "Microsoft", "type": "ORG", "aliases": [], "role": None},
        {"name": "Twitter", "type": "ORG", "aliases": [], "role": None},
    ],
    "quotes": [
        {"text": "The threat China poses is real and it could be imminent", "speaker": "Pete Hegseth",
         "kind": "direct"},
    ],
}]


async def test_members_questions_are_answered_right_on_the_samples(services, member):
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    cases = answers.who_cases(GOLD) + answers.absent_cases(corpus) + answers.quote_cases(GOLD, corpus)
    assert {c.kind for c in cases} == {"who", "typo", "absent", "quotes"}
    results = await answers.ask_all(services, member, cases)
    rate = {kind: sum(ok for _, ok, _ in rows) / len(rows) for kind, rows in results.items()}
    misses = [(c.line, first) for rows in results.values() for c, ok, first in rows if not ok]
    assert rate["absent"] == 1.0, misses
    assert rate["quotes"] == 1.0, misses
    # Alia Salem's three forms miss today: extraction runs her name into the council's (issue 9, entities).
    assert rate["who"] >= 0.85 and rate["typo"] >= 0.8, misses
    print(answers.table(results))
