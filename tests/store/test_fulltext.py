"""Searching statements and briefs (FTS5), including whatever a user may type."""
from __future__ import annotations

import asyncio
import sqlite3
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Store, fts

GUILD = 1_100_000_000_000_000_111
HOSTILE = ['"', "*", "NEAR(", "NEAR(a b", "AND", "OR", "NOT", "OR NOT", "(", ")", "^", "{", "-China", "col:value",
           "title:China", "a:b", "'; DROP TABLE statements; --", "!!!...???", "x" * 2000, "🙂🙂", "東京 北京",
           "Привет мир", "مرحبا", "", "   ", "imminent\"", "threat*", "Hegseth AND", "\x00", "_ _", "\ud800"]


@pytest.fixture
async def indexed(store, make):
    briefs = [
        make.hegseth(),
        make.brief("Lagarde signals pause as inflation cools",
                   "European Central Bank President Christine Lagarde said rates would stay on hold in Frankfurt.",
                   entities=[make.person("Christine Lagarde", "Lagarde", role="ECB President"),
                             make.thing("Frankfurt", "GPE")],
                   statements=[make.said("We are in a good place", "Christine Lagarde"),
                               make.said("the threat of inflation has receded", "Christine Lagarde", "reported")]),
        make.brief("Café owners in Montréal protest", "Owner Zoë Lefèvre called the rules unworkable.",
                   entities=[make.person("Zoë Lefèvre")],
                   statements=[make.said("These rules are unworkable for small cafés", "Zoë Lefèvre")]),
    ]
    for b in briefs:
        await store.save_brief(GUILD, b, b.text)
    return store


async def test_a_word_finds_statements_with_speaker_and_brief(indexed):
    rows = await indexed.search_statements(GUILD, "imminent")
    assert [(r.text, r.speaker) for r in rows] == [("It could be imminent", "Pete Hegseth")]
    assert rows[0].brief_title.startswith("Hegseth warns") and rows[0].created_at


async def test_statements_that_hold_the_whole_phrase_come_first(indexed):
    rows = await indexed.search_statements(GUILD, "threat China poses")
    assert rows[0].text == "the threat China poses is real"
    # Stemming: "receding" finds "receded"; accents do not matter.
    assert [r.text for r in await indexed.search_statements(GUILD, "receding inflation")] == [
        "the threat of inflation has receded"]
    assert [r.speaker for r in await indexed.search_statements(GUILD, "cafes")] == ["Zoë Lefèvre"]


async def test_most_words_is_the_looser_second_pass(indexed):
    # No statement has all three words; one has two of them, which is most.
    rows = await indexed.search_statements(GUILD, "imminent threat real")
    assert [r.text for r in rows] == ["the threat China poses is real"]
    assert await indexed.search_statements(GUILD, "threat by Zbigniew Qwertyuiop") == []
    assert await indexed.search_statements(GUILD, "xylophone marmalade") == []


async def test_speaker_filter_resolves_the_name(indexed):
    rows = await indexed.search_statements(GUILD, "threat", speaker="Lagarde")
    assert [r.speaker for r in rows] == ["Christine Lagarde"]
    rows = await indexed.search_statements(GUILD, "threat", speaker="Hegset")  # a typo
    assert [r.speaker for r in rows] == ["Pete Hegseth"]
    assert await indexed.search_statements(GUILD, "threat", speaker="Zbigniew Qwertyuiop") == []
    assert await indexed.search_statements(GUILD, "good place", speaker="Hegseth") == []


async def test_articles_are_ranked_with_snippets(indexed):
    rows = await indexed.search_articles(GUILD, "Lagarde inflation")
    assert rows[0].title.startswith("Lagarde signals pause")
    assert "Lagarde" in rows[0].snippet and "\n" not in rows[0].snippet
    rows = await indexed.search_articles(GUILD, "montreal")
    assert [r.title for r in rows] == ["Café owners in Montréal protest"]
    assert await indexed.search_articles(GUILD, "xylophone marmalade") == []
    assert len(await indexed.search_articles(GUILD, "the", limit=2)) == 2


async def test_a_headline_match_outranks_a_body_match(store, make):
    body = make.brief("Budget talks stall", "Nothing about grain here, except this single grain mention.")
    head = make.brief("Grain exports resume", "Ships left port on Monday.")
    for b in (head, body):
        await store.save_brief(GUILD, b, b.text)
    rows = await store.search_articles(GUILD, "grain")
    assert [r.title for r in rows] == ["Grain exports resume", "Budget talks stall"]


@pytest.mark.parametrize("query", HOSTILE)
async def test_hostile_queries_return_a_list(indexed, query):
    assert isinstance(await indexed.search_statements(GUILD, query), list)
    assert isinstance(await indexed.search_articles(GUILD, query), list)
    assert isinstance(await indexed.search_statements(GUILD, query, speaker=query), list)
    assert len(await indexed.search_statements(GUILD, "imminent")) == 1  # nothing was dropped


def test_the_sanitiser_quotes_every_word():
    assert fts.words('NEAR(a b) AND "x" OR col:value*') == ["near", "a", "b", "and", "x", "or", "col", "value"]
    expression = fts.match_expression(5, "text", fts.words("AND OR"))
    assert expression == 'scope : "g5" AND {text} : ("and" AND "or")'
    assert fts.words("🙂 !!! ---") == [] and fts.words(None) == []
    assert len(fts.words(" ".join(f"w{i}" for i in range(100)))) == fts.MAX_WORDS


@pytest.mark.parametrize("count", range(1, fts.MOST_OF + 1))
def test_most_of_matches_rows_missing_at_most_one_word(count):
    """The looser pass finds exactly the rows holding all but one of the (content) words,
    and names each word a few times only: every mention is a posting-list walk."""
    typed = [f"word{chr(97 + i)}" for i in range(count)]
    expression = fts.most_of(typed + ["the", "by"])
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
    rows = [" ".join(kept) or "empty" for n in range(count + 1) for kept in combinations(typed, n)]
    db.executemany("INSERT INTO t(text) VALUES (?)", [(r,) for r in rows])
    found = {r for (r,) in db.execute("SELECT text FROM t WHERE t MATCH ?", (expression,))}
    assert found == {r for r in rows if len(r.split()) >= max(1, count - 1) and r != "empty"}
    assert "the" not in expression and max(expression.count(w) for w in typed) <= 3


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    """One small database for the property test (hypothesis runs many examples)."""
    from extract.model import Brief, Entity, Statement

    path = tmp_path_factory.mktemp("fts") / "db.sqlite3"

    async def build():
        store = await Store.open(path)
        b = Brief("Hegseth warns of imminent threat", "Hegseth warns of imminent threat\n\nThe threat is real.",
                  entities=[Entity("Pete Hegseth", "PERSON", aliases=["Hegseth"])],
                  statements=[Statement("The threat is real and imminent", "Pete Hegseth")])
        await store.save_brief(GUILD, b, b.text)
        await store.close()

    asyncio.run(build())
    return path


@settings(max_examples=150, deadline=None)
@given(query=st.one_of(st.text(max_size=300), st.text(alphabet='"*():^{}-+ANDORNTaeiou \'', max_size=60),
                       st.sampled_from(HOSTILE)),
       speaker=st.one_of(st.none(), st.text(max_size=40)))
def test_search_never_raises(shared_db, query, speaker):
    async def run():
        store = await Store.open(shared_db)
        try:
            statements = await store.search_statements(GUILD, query, speaker=speaker, limit=5)
            articles = await store.search_articles(GUILD, query, limit=5)
            names = await store.entity_names(GUILD, query)
            match = await store.find_entity(GUILD, query)
        finally:
            await store.close()
        return statements, articles, names, match

    statements, articles, names, match = asyncio.run(run())
    assert isinstance(statements, list) and isinstance(articles, list) and isinstance(names, list)
    assert match.how in ("exact", "fuzzy", "ambiguous", "none")


async def test_a_pasted_quote_with_a_word_wrong_is_found_and_both_passes_at_once_rank_as_one_after_the_other(
        store, make, monkeypatch):
    """A long quote runs its all-words and most-words passes at once (on two connections);
    the answer must be the one the passes give one after the other."""
    import random

    from store import search

    rng = random.Random(5)
    vocabulary = "budget deficit families struggling teachers strike renegotiate price delay harbour funding".split()
    texts = []
    for k in range(30):
        said = [make.said(" ".join(rng.sample(vocabulary, rng.randrange(5, 10))), "Ana Costa") for _ in range(4)]
        texts += [s.text for s in said]
        b = make.brief(f"Brief {k}", "Text.", entities=[make.person("Ana Costa")], statements=said)
        await store.save_brief(GUILD, b, b.text)
    sentence = "the council rejected the plan to protect commuters from bridge tolls"
    b = make.brief("Council vote", "Text.", entities=[make.person("Ana Costa")],
                   statements=[make.said(sentence, "Ana Costa")])
    await store.save_brief(GUILD, b, b.text)

    pasted = sentence.replace("protect", "shield")  # remembered wrong
    assert (await store.search_statements(GUILD, pasted))[0].text == sentence
    # Words of a statement (several statements hold them all), some with one word swapped.
    queries = [pasted, sentence]
    for _ in range(30):
        words = rng.sample(rng.choice(texts).split(), 5)
        if rng.random() < 0.5:
            words[rng.randrange(5)] = rng.choice(vocabulary)
        queries.append(" ".join(words))
    for query in queries:
        for limit in (3, 25):
            at_once = [s.id for s in await store.search_statements(GUILD, query, limit=limit)]
            monkeypatch.setattr(search, "AT_ONCE_WORDS", 99)
            one_after_the_other = [s.id for s in await store.search_statements(GUILD, query, limit=limit)]
            monkeypatch.setattr(search, "AT_ONCE_WORDS", 5)
            assert at_once == one_after_the_other, query


async def test_a_long_quote_split_on_any_word_finds_what_the_passes_find_one_after_the_other(
        store, make, monkeypatch):
    """PostgreSQL splits a long quote's most-words pass on its rarest word (two halves at once,
    the first also telling which rows hold every word). Whichever word the split is made on,
    and however few candidates are kept, the answer must be the passes' one after the other."""
    import random

    from store import search
    from store.pg import fulltext

    rng = random.Random(11)
    vocabulary = "budget deficit families struggling teachers strike renegotiate harbour funding".split()
    for k in range(25):
        said = [make.said(" ".join(rng.sample(vocabulary, rng.randrange(5, 9))), "Ana Costa") for _ in range(4)]
        b = make.brief(f"Brief {k}", "Text.", entities=[make.person("Ana Costa")], statements=said)
        await store.save_brief(GUILD, b, b.text)

    async def any_word(db, words):
        return rng.choice(words)

    monkeypatch.setattr(fulltext, "rarest", any_word)
    for candidates in (400, 6, search.LOOSE_BELOW):  # never fewer: see long_quote_passes
        monkeypatch.setattr(search, "CANDIDATES", candidates)
        for _ in range(25):
            query = " ".join(rng.sample(vocabulary, rng.randrange(5, 8)))
            for limit in (1, 4, 25):
                at_once = [s.id for s in await store.search_statements(GUILD, query, limit=limit)]
                monkeypatch.setattr(search, "AT_ONCE_WORDS", 99)
                one_after_the_other = [s.id for s in await store.search_statements(GUILD, query, limit=limit)]
                monkeypatch.setattr(search, "AT_ONCE_WORDS", 5)
                assert at_once == one_after_the_other, (query, candidates, limit)


async def test_common_words_found_among_the_newest_statements_first_give_the_newest_matches(store, make, monkeypatch):
    """PostgreSQL reads the newest statements before asking its GIN index (its row estimates
    for common words that go together are far off); the candidates must be the newest
    matches either way. On SQLite the same assertions hold through FTS5."""
    from store import search
    from store.pg import fulltext

    for k in range(40):
        said = [make.said(f"the end of the year {k}" if k % 3 else f"a quiet year {k}", "Ana Costa"),
                make.said(f"nothing to see {k}", "Ana Costa")]
        b = make.brief(f"Brief {k}", "Text.", entities=[make.person("Ana Costa")], statements=said)
        await store.save_brief(GUILD, b, b.text)
    monkeypatch.setattr(search, "CANDIDATES", 4)
    answers = {}
    for recent, words in ((20, 3), (1000, 3), (20, 0)):  # a window that holds enough, one that holds all, none
        monkeypatch.setattr(fulltext, "RECENT_STATEMENTS", recent)
        monkeypatch.setattr(fulltext, "RECENT_FIRST_WORDS", words)
        answers[recent, words] = [s.text for s in await store.search_statements(GUILD, "end year", limit=4)]
    assert len(set(map(tuple, answers.values()))) == 1
    assert answers[20, 3] == ["the end of the year 38", "the end of the year 37", "the end of the year 35",
                              "the end of the year 34"]


async def test_a_search_of_many_briefs_gives_headline_matches_then_the_newest_whatever_the_window(store, make, monkeypatch):
    """PostgreSQL searches a big server's newest briefs first (a common word matches thousands);
    the answer must be the one a search of every brief gives: headline matches newest first,
    then the other matches newest first."""
    from store.pg import fulltext

    for k in range(30):
        title = f"Harbour tolls rise {k}" if k % 7 == 0 else f"Council meets {k}"
        body = "The harbour board met." if k % 2 else "Nothing about boats."
        b = make.brief(title, body, entities=[make.person("Ana Costa")])
        await store.save_brief(GUILD, b, b.text)
    forget = getattr(store._reader, "forget", lambda: None)  # PostgreSQL keeps each guild's window floor a while
    answers = {}
    for recent in (4, 25, 100_000):  # a window too small, one holding enough, none
        monkeypatch.setattr(fulltext, "RECENT_ARTICLES", recent)
        forget()
        answers[recent] = [a.title for a in await store.search_articles(GUILD, "harbour", limit=6)]
    assert answers[4] == answers[25] == answers[100_000]
    assert answers[25] == ["Harbour tolls rise 28", "Harbour tolls rise 21", "Harbour tolls rise 14",
                           "Harbour tolls rise 7", "Harbour tolls rise 0", "Council meets 29"]
    # Briefs saved after a search: the floor remembered from before is stale, the answer is not.
    monkeypatch.setattr(fulltext, "RECENT_ARTICLES", 25)
    for k in range(30, 34):
        b = make.brief(f"Harbour dredging {k}", "Nothing about boats.", entities=[make.person("Ana Costa")])
        await store.save_brief(GUILD, b, b.text)
    stale = [a.title for a in await store.search_articles(GUILD, "harbour", limit=6)]
    forget()
    assert stale == [a.title for a in await store.search_articles(GUILD, "harbour", limit=6)]
    assert stale[:5] == ["Harbour dredging 33", "Harbour dredging 32", "Harbour dredging 31", "Harbour dredging 30",
                         "Harbour tolls rise 28"]
