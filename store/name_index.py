"""An in-memory index of the words in one guild's entity names, for lookups
that must stay fast however many briefs there are: word prefixes
(autocomplete) and typo-tolerant candidates.

It holds only what those need, compactly: the vocabulary of name words, for
each word the entities using it (arrays of ids), and each entity's brief
count (for ranking). Names and keys themselves stay in the database; the
store fetches them for the few entities a lookup ends with.

Typos are matched word by word: rapidfuzz compares each typed word with the
vocabulary words that could be meant (not the hundreds of thousands of names),
and the entities of the close words are the candidates. Which words could be
meant comes from two small indexes kept as words come and go: words that begin
with the typed word's first letter, and words that share its second and third
letters (a wrong first letter); either within a few letters of its length. So a
vocabulary of 100,000 words costs a few thousand comparisons per typed word.

No SQL here: the store fills the index and keeps it in sync.
"""
from __future__ import annotations

import bisect
import heapq
import sys
from array import array
from itertools import chain

from rapidfuzz import fuzz, process

WORD_CUTOFF = 55  # a typed word this close (0-100) to a name word may be meant as that word
PREFIX_WORD_CUTOFF = 70  # the same for the last, partial word typed into autocomplete
WORDS_PER_TYPED_WORD = 4
CLOSE_SPREAD = 10  # close words this much worse than a typed word's best are not followed
MIN_FUZZY_WORD = 3  # shorter typed words must match exactly
MAX_TYPED_WORDS = 5
CANDIDATES = 40  # entities handed on to be scored against the whole name
PREFIX_CANDIDATES = 5_000  # bound on entities looked at for one keystroke
MEMO_SIZE = 256
LENGTH_SLACK = 3  # vocabulary words this many letters longer or shorter than a typed word are compared
WIDE_PREFIX = 64  # a typed prefix that this many name words start with (a letter or two) is completed
# from the most mentioned entities down, not word by word (see _most_mentioned_starting)
TOP_ENTITIES = 5_000  # the most mentioned entities, kept in order for that


class NameIndex:
    """Name words of one guild's entities. `generation` is the guild's write
    generation the index reflects (see name_cache)."""

    def __init__(self, generation: int = 0):
        self.generation = generation
        # Results derived from this index (see Store); emptied whenever it changes.
        self.memo: dict = {}
        self._briefs: dict[int, int] = {}
        self._words: dict[int, tuple[str, ...]] = {}
        self._postings: dict[str, array] = {}  # word -> ids of entities with it in a name or alias
        self._vocabulary: list[str] | None = []  # sorted words; None after a word came or went
        self._ordered = False  # postings are ordered by briefs (after `loaded`), and kept so
        # Where a typed word's look-alikes are: (first letter, length) and (letters 2-3, length) -> words.
        self._by_start: dict[tuple[str, int], list[str]] = {}
        self._by_inner: dict[tuple[str, int], list[str]] = {}
        # The TOP_ENTITIES most mentioned entities, most briefs first (all of them in a smaller guild);
        # None while it must be rebuilt (during a bulk load, after a count went down or an entity went).
        self._top: list[int] | None = None
        self._in_top: set[int] = set()

    def __len__(self) -> int:
        return len(self._briefs)

    def __contains__(self, entity_id: int) -> bool:
        return entity_id in self._briefs

    # ---- keeping in sync ------------------------------------------------------

    def put(self, entity_id: int, briefs: int, keys) -> None:
        """Add or update one entity from its name keys (canonical and aliases)."""
        self.memo.clear()
        # Interned: an entity's words share the strings of every other use of the word.
        words = tuple(sorted({sys.intern(w) for key in keys for w in key.split()}))
        old = self._words.get(entity_id, ())
        before = self._briefs.get(entity_id)
        moved = self._ordered and before != briefs
        self._rank(entity_id, before, briefs)
        if words == old and not moved:
            self._briefs[entity_id] = briefs
            return
        for word in old:
            if word not in words:
                self._unpost(word, entity_id)
        self._briefs[entity_id] = briefs
        for word in words:
            if word not in old:
                self._post(word, entity_id)
            elif moved:  # its place in the briefs order changed
                self._postings[word].remove(entity_id)
                self._insert(self._postings[word], entity_id)
        self._words[entity_id] = words

    def _post(self, word: str, entity_id: int) -> None:
        posting = self._postings.get(word)
        if posting is None:
            posting = self._postings[word] = array("q")
            self._vocabulary = None
            self._bucket(word, add=True)
        self._insert(posting, entity_id)

    def _insert(self, posting: array, entity_id: int) -> None:
        if self._ordered:  # keep the most mentioned first (see loaded) as entities come and change
            briefs = self._briefs
            bisect.insort(posting, entity_id, key=lambda i: -briefs.get(i, 0))
        else:
            posting.append(entity_id)

    def _rank(self, entity_id: int, before: int | None, briefs: int) -> None:
        """Keep the most mentioned entities in order as one's brief count changes. Counts mostly
        grow, which the list follows cheaply; a count that went down is left to a rebuild."""
        top = self._top
        if top is None or before == briefs:
            return
        if before is not None and briefs < before:
            self._top = None
            return
        if entity_id in self._in_top:
            top.remove(entity_id)
        elif len(top) >= TOP_ENTITIES and briefs <= self._briefs[top[-1]]:
            return
        else:
            self._in_top.add(entity_id)
        counts = self._briefs
        bisect.insort(top, entity_id, key=lambda i: -(briefs if i == entity_id else counts[i]))
        if len(top) > TOP_ENTITIES:
            self._in_top.discard(top.pop())

    def _top_entities(self) -> list[int]:
        if self._top is None:
            self._top = heapq.nlargest(TOP_ENTITIES, self._briefs, key=self._briefs.__getitem__)
            self._in_top = set(self._top)
        return self._top

    def remove(self, entity_id: int) -> None:
        self.memo.clear()
        if self._briefs.pop(entity_id, None) is not None:
            self._top = None  # another entity may belong among the most mentioned now
        for word in self._words.pop(entity_id, ()):
            self._unpost(word, entity_id)

    def _unpost(self, word: str, entity_id: int) -> None:
        posting = self._postings.get(word)
        if posting is None:
            return
        try:
            posting.remove(entity_id)
        except ValueError:
            return
        if not posting:
            del self._postings[word]
            self._vocabulary = None
            self._bucket(word, add=False)

    def _bucket(self, word: str, *, add: bool) -> None:
        for buckets, key in ((self._by_start, (word[:1], len(word))), (self._by_inner, (word[1:3], len(word)))):
            if add:
                buckets.setdefault(key, []).append(word)
            else:
                words = buckets.get(key)
                if words is not None and word in words:
                    words.remove(word)
                    if not words:
                        del buckets[key]

    def look_alikes(self, typed: str, lengths: range) -> list[str]:
        """Vocabulary words that may be `typed` with a typo: the same first letter, or the same
        second and third letters, and a length in `lengths`."""
        start, inner = typed[:1], typed[1:3]
        found: list[str] = []
        for n in lengths:
            found += self._by_start.get((start, n), ())
            if len(inner) == 2:
                found += [w for w in self._by_inner.get((inner, n), ()) if w[:1] != start]
        return found

    def loaded(self) -> None:
        """After a bulk load: order each word's entities by briefs, so a short
        prefix can take the most mentioned from the front of each."""
        briefs = self._briefs
        for word, posting in self._postings.items():
            if len(posting) > 1:
                self._postings[word] = array("q", sorted(posting, key=lambda i: -briefs.get(i, 0)))
        self._ordered = True
        self._top = None

    # ---- reading --------------------------------------------------------------

    def briefs(self, entity_id: int) -> int:
        return self._briefs.get(entity_id, 0)

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(self._postings)
        return self._vocabulary

    def candidates(self, key: str, *, word_cutoff: float = WORD_CUTOFF, limit: int = CANDIDATES) -> list[int]:
        """Entities whose name words resemble the typed words: those with a
        close word for every typed word (else for all but one, else for any),
        the most mentioned first. Set operations and C-level keys only, so a
        common word with thousands of entities stays cheap."""
        matched: list[set[int]] = []
        for typed in key.split()[:MAX_TYPED_WORDS]:
            close = self._close_words(typed, word_cutoff)
            if close:
                best = close[0][1]
                ids: set[int] = set()
                for word, score in close:
                    if score >= best - CLOSE_SPREAD:
                        ids.update(self._postings[word])
                matched.append(ids)
        if not matched:
            return []
        pool = set.intersection(*matched)
        if not pool and len(matched) > 2:
            pool = set().union(*(set.intersection(*(matched[:i] + matched[i + 1:])) for i in range(len(matched))))
        if not pool:
            pool = set().union(*matched)
        return heapq.nlargest(limit, pool, key=self._briefs.__getitem__)

    def _close_words(self, word: str, cutoff: float) -> list[tuple[str, float]]:
        if word in self._postings:
            return [(word, 100.0)]
        if len(word) < MIN_FUZZY_WORD:
            return []
        n = len(word)
        look_alikes = self.look_alikes(word, range(max(1, n - LENGTH_SLACK), n + LENGTH_SLACK + 1))
        return [(w, s) for w, s, _ in process.extract(word, look_alikes, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                         limit=WORDS_PER_TYPED_WORD)]

    def complete(self, prefix_key: str, limit: int) -> list[int]:
        """Up to 2*limit entities with a name word starting like the last typed
        word (and the earlier typed words as whole words), most briefs first."""
        *before, last = prefix_key.split() or [""]
        if not last:
            return []
        vocabulary = self.vocabulary()
        first = bisect.bisect_left(vocabulary, last)
        end = bisect.bisect_left(vocabulary, last + "\U0010ffff", lo=first)
        if not before and end - first >= WIDE_PREFIX:
            found = self._most_mentioned_starting(last, limit * 2)
            if found is not None:
                return found
        return self._best(vocabulary[first:end], before, limit)

    def _most_mentioned_starting(self, prefix: str, n: int) -> list[int] | None:
        """The `n` most mentioned entities with a name word starting with `prefix`, read from
        the most mentioned down: a letter or two starts the words of many entities, so a few
        hundred are looked at, where collecting every word's entities reads thousands.
        None when the most mentioned hold fewer than `n` and others were not looked at."""
        top = self._top_entities()
        found: list[int] = []
        names = self._words
        for entity_id in top:
            if any(w.startswith(prefix) for w in names.get(entity_id, ())):
                found.append(entity_id)
                if len(found) == n:
                    return found
        return found if len(top) == len(self._briefs) else None

    def complete_fuzzy(self, prefix_key: str, limit: int) -> list[int]:
        """Like `complete`, forgiving a typo in the last typed word."""
        *before, last = prefix_key.split() or [""]
        if len(last) <= MIN_FUZZY_WORD:
            return []
        n = len(last)
        # A word that starts like `last` (typo included) is at least about as long as it.
        words = self.look_alikes(last, range(max(1, n - LENGTH_SLACK), n + self._longest_word() + 1))
        close = process.extract(last, [w[:n] for w in words], scorer=fuzz.ratio,
                                score_cutoff=PREFIX_WORD_CUTOFF, limit=WORDS_PER_TYPED_WORD)
        return self._best([words[i] for _, _, i in close], before, limit)

    def _longest_word(self) -> int:
        return max((n for _, n in self._by_start), default=0)

    def _best(self, words: list[str], before: list[str], limit: int) -> list[int]:
        briefs = self._briefs
        if sum(len(self._postings[w]) for w in words) > PREFIX_CANDIDATES:
            # Postings are ordered by briefs (see loaded): the words whose best
            # entity is most mentioned, and the front of each, are enough.
            words = heapq.nlargest(limit * 2, words, key=lambda w: briefs[self._postings[w][0]])
            candidates = set(chain.from_iterable(self._postings[w][:limit * 2] for w in words))
        else:
            candidates = set(chain.from_iterable(self._postings[w] for w in words))
        if before:
            candidates = {i for i in candidates if all(w in self._words[i] for w in before)}
        return heapq.nlargest(limit * 2, candidates, key=briefs.__getitem__)
