"""The in-memory name index and the match decisions, on their own (no database)."""
from __future__ import annotations

from store import matching
from store.name_index import NameIndex
from store.normalize import name_key

PEOPLE = {1: ("Pete Hegseth", 9, ["Hegseth"]), 2: ("Hegel Hegemann", 1, []), 3: ("Peter Pan", 4, []),
          4: ("Sarah Hegge", 5, []), 5: ("John Smith", 2, []), 6: ("Jane Smith", 1, [])}


def index_of(people=PEOPLE) -> NameIndex:
    index = NameIndex()
    for entity_id, (name, briefs, aliases) in people.items():
        index.put(entity_id, briefs, [name_key(name), *map(name_key, aliases)])
    index.loaded()
    return index


def keys_of(ids):
    return {i: [name_key(PEOPLE[i][0]), *map(name_key, PEOPLE[i][2])] for i in ids}


def test_typo_candidates_and_decisions():
    index = index_of()
    candidates = index.candidates("hegset")
    assert candidates[0] == 1
    scored = matching.score("hegset", keys_of(candidates), index.briefs)
    assert matching.fuzzy(scored) == ("fuzzy", [1])
    how, ids = matching.fuzzy(matching.score("smith", keys_of(index.candidates("smith")), index.briefs))
    assert how == "ambiguous" and sorted(ids) == [5, 6]
    assert index.candidates("zbigniew qwertyuiop") == []
    assert matching.fuzzy(()) == ("none", [])


def test_exact_decisions():
    assert matching.exact([(1, False)]) == ("exact", [1])
    assert matching.exact([(7, True), (8, True)]) == ("ambiguous", [7, 8])
    assert matching.exact([(7, True), (8, False)]) == ("exact", [7])
    assert matching.exact([(5, False), (6, False)]) == ("ambiguous", [5, 6])


def test_completion_most_briefs_first():
    index = index_of()
    assert index.complete("heg", 10) == [1, 4, 2]
    assert index.complete("pete", 10) == [1, 3]
    assert index.complete("pete h", 10) == [1]
    assert index.complete("heg", 1) == [1, 4]  # twice the limit: the store re-orders and cuts
    assert index.complete_fuzzy("hegsth", 10)[:1] == [1]
    assert index.complete("", 5) == [] and index.complete("zz", 5) == []


def test_put_updates_and_remove_forgets():
    index = index_of()
    index.put(2, 3, ["hegel hegemann", "the philosopher"])
    assert 2 in index.complete("philo", 5) and index.briefs(2) == 3
    index.put(2, 3, ["hegel hegemann"])
    assert index.complete("philo", 5) == [] and "philosopher" not in index.vocabulary()
    index.remove(1)
    assert 1 not in index and 1 not in index.complete("pete", 5) and "hegseth" not in index.vocabulary()
    index.memo["x"] = 1
    index.put(9, 1, ["new person"])
    assert index.memo == {}


def test_typos_are_found_among_many_words_even_in_the_first_letter():
    """Look-alike words come from indexes by first letter and by second and third letters; a
    wrong first letter, a dropped or doubled letter, are still found in a large vocabulary."""
    import random

    rng = random.Random(3)
    people = dict(PEOPLE)
    for i in range(7, 3_000):  # filler names, none close to the ones asked about
        people[i] = ("".join(rng.choice("bdfkmnrstvz") + rng.choice("aiou") for _ in range(3)).title()
                     + " " + "".join(rng.choice("bdfkmnrstvz") + rng.choice("aiou") for _ in range(4)).title(), 1, [])
    index = index_of(people)
    assert index.candidates("gegseth")[0] == 1  # wrong first letter
    assert index.candidates("hegsseth")[0] == 1 and index.candidates("hgseth")[0] == 1
    assert 1 in index.complete_fuzzy("pete hegsh", 5)
    index.remove(1)
    assert 1 not in index.candidates("hegseth")
    assert index.look_alikes("hegseth", range(7, 8)) == []  # the word went with its only entity


def test_a_name_that_becomes_popular_later_is_completed_first():
    """Autocomplete takes the front of each word's entity list when a prefix matches many;
    entities added or counted after the index was loaded must take their place in that order."""
    people = {i: (f"Member Family{i}", 1, []) for i in range(1, 6_001)}
    index = index_of(people)
    index.put(9_000, 50, [name_key("Famous Family")])  # new, and in more briefs than anyone
    index.put(17, 80, [name_key("Member Family17")])  # an old entity's count grew
    assert index.complete("fam", 2)[:2] == [17, 9_000]
    assert index.complete("member", 1)[0] == 17


def _brute_force_completion(index: NameIndex, people: dict, prefix: str, n: int) -> list[int]:
    """Briefs counts of the `n` most mentioned entities with a name word starting with `prefix`."""
    hits = [index.briefs(i) for i, (name, _, _) in people.items()
            if i in index and any(w.startswith(prefix) for w in name_key(name).split())]
    return sorted(hits, reverse=True)[:n]


def test_a_letter_or_two_completes_to_the_most_mentioned_as_counts_change(monkeypatch):
    """One or two typed letters start thousands of name words: they are completed from the most
    mentioned entities down. The answer must stay the most mentioned ones with such a word as
    counts grow and fall, entities come and go, and past the few kept in order."""
    import random

    import store.name_index as name_index

    monkeypatch.setattr(name_index, "TOP_ENTITIES", 100)  # small: a letter is answered from them, two letters not always
    rng = random.Random(5)
    letters = "bdfkmnrstvz"

    def name() -> str:
        return " ".join("".join(rng.choice(letters) + rng.choice("aiou") for _ in range(3)).title() for _ in range(2))

    people = {i: (name(), rng.randint(1, 1_000), []) for i in range(1, 2_001)}
    index = index_of(people)

    def answers_right() -> None:
        for prefix in ("b", "k", "z", "ma", "so"):
            got = index.complete(prefix, 5)
            assert [index.briefs(i) for i in got] == _brute_force_completion(index, people, prefix, 10)
            assert all(any(w.startswith(prefix) for w in name_key(people[i][0]).split()) for i in got)

    def count(entity_id: int, change: int) -> None:
        full, briefs, _ = people.get(entity_id) or (name(), 0, [])
        people[entity_id] = (full, max(1, briefs + change), [])
        index.put(entity_id, people[entity_id][1], [name_key(full)])

    answers_right()
    for step in range(300):  # counts grow, new entities come: the order is kept as it goes
        count(rng.randint(1, 2_300), rng.choice((1, 5, 50, 400)))
        if step % 10 == 0:
            answers_right()
    for step in range(100):  # counts fall (a brief deleted)
        count(rng.randint(1, 2_300), -rng.choice((1, 50, 400)))
        if step % 10 == 0:
            answers_right()
    for step in range(60):  # entities go (merged, or their last brief deleted)
        index.remove(index.complete(rng.choice("bkz"), 5)[0])  # the most mentioned go first
        if step % 10 == 0:
            answers_right()


def test_a_letter_completes_past_an_entity_whose_count_fell_or_that_went(monkeypatch):
    import store.name_index as name_index

    monkeypatch.setattr(name_index, "TOP_ENTITIES", 4)
    people = {1: ("Bam One", 100, []), 2: ("Bat Two", 90, []), 3: ("Bed Three", 80, []), 4: ("Bin Four", 70, []),
              5: ("Bog Five", 60, [])}
    for i in range(100):  # enough words starting with b to make it a wide prefix
        people[10 + i] = (f"Bz{chr(97 + i // 26)}{chr(97 + i % 26)} Quiet", 1, [])
    index = index_of(people)
    assert index.complete("b", 2) == [1, 2, 3, 4]
    index.put(1, 10, [name_key("Bam One")])  # a brief of it deleted: now behind Bog Five
    assert index.complete("b", 2) == [2, 3, 4, 5]
    index.remove(2)
    assert index.complete("b", 2) == [3, 4, 5, 1]
