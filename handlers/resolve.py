"""What a typed name means, decided once for every command that takes one
(who, quotes `by`, autocomplete): one entity exactly, one entity despite a
typo, a choice between several, or nobody (with plausible names only).

Order: the name as typed; then without what members put around a name
(titles, "the", a possessive); an acronym ("the UN"); then typos, judged word
by word: every typed word must be close to its own word of the candidate's
name or alias, so "Bush" never reaches "United States" and "Merkel" never a
ministry. Thresholds were set with bench/answers.py (see the README).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import OSA

from handlers import name_variants
from store.interface import StoreInterface
from store.records import EntityRow

# Words typed before a name that are not part of it: titles and honorifics.
TITLE_WORDS = frozenset("""
president vice prime minister premier secretary general chancellor chair chairman chairwoman chairperson
governor lieutenant mayor senator sen rep representative congressman congresswoman speaker leader chief ceo
director commissioner ambassador envoy spokesman spokeswoman spokesperson gen admiral adm colonel col captain
capt major maj sergeant sgt commander marshal brigadier judge justice attorney prosecutor treasurer sheriff
deputy mr mrs ms miss mx dr doctor prof professor sir dame lord lady hon honourable honorable rev reverend
foreign defence defense home finance trade interior state health former acting interim senior shadow
mp mep executive officer founder
""".split())
# Name words that may be left out when typing a name (de Gaulle, al-Assad, van Gogh).
PARTICLES = frozenset("de da do dos das di du del della der den van von al el la le bin ibn abu st".split())
# Small words of an organisation's name an acronym skips (United Nations Educational, Scientific and ...).
ACRONYM_SKIPS = frozenset("of the and for on in at to".split())
MAX_ACRONYM = 6
# Words of an organisation's name that members leave out when they type it.
OPTIONAL_NAME_WORDS = frozenset("""
the of and for inc ltd llc plc corp corporation co company companies group holdings limited sa ag gmbh nv
""".split())
PLACE_TYPES = frozenset({"GPE", "NORP", "LOC"})  # what may stand before or after a body's name
GENERIC_PLACE_WORDS = frozenset("oblast province region county district city state republic prefecture".split())
_POSSESSIVE_THEN_MORE = re.compile(r"[\w.]['’]s?\s+\S", re.UNICODE)
_WORD = re.compile(r"[^\W_]+")

SAME_WORD = 1.0
INITIAL = 0.9  # "j" or "j." typed for a first name
# Edits forgiven in one typed word, by its length: none in short words (Bush is not Rush).
SHORT_WORD = 4
TYPO_ACCEPT = 0.85  # mean word closeness for a confident typo match
MARGIN = 0.04  # a typo winner must beat the runner-up by this much, else "did you mean"
MAX_CHOICES = 8
SUGGESTIONS = 5
PROMINENT_MENTIONS = 3  # a surname alone means the person named at least this often...
PROMINENT_RATIO = 3  # ...and this many times as often as anyone else with it
PLAUSIBLE = 0.7  # spelling similarity (0-1) of a suggested name's word: Merkel is not Mark

How = Literal["exact", "fuzzy", "ambiguous", "none"]


@dataclass
class Resolution:
    how: How
    asked: str  # the name as the member typed it (tidied)
    entity: EntityRow | None = None  # for exact/fuzzy
    candidates: list = field(default_factory=list)  # EntityRows for ambiguous
    suggestions: list[str] = field(default_factory=list)  # plausible names for none

    @property
    def found(self) -> bool:
        return self.entity is not None


def words_of(text: str) -> list[str]:
    """Folded words, the way the store keys names (accents, case, dots and apostrophes gone)."""
    s = unicodedata.normalize("NFKD", str(text or ""))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("’", "'").replace(".", "").replace("'", "")
    return _WORD.findall(s)


def peeled(text: str) -> str:
    """`text` without leading titles and "the" and a final possessive:
    "President Obama" -> "Obama", "the UN" -> "UN", "Hegseth's" -> "Hegseth"."""
    t = re.sub(r"['’]s?$", "", " ".join(str(text).split()))
    tokens = t.split()
    while len(tokens) > 1 and (words_of(tokens[0]) or [""])[0] in TITLE_WORDS | {"the"}:
        tokens = tokens[1:]
    return " ".join(tokens)


def titles_typed(text: str) -> list[str]:
    """The title words peeled off the front ("President Silva" -> ["president"])."""
    typed, bare = words_of(text), words_of(peeled(text))
    return [w for w in typed[:len(typed) - len(bare)] if w in TITLE_WORDS]


def fits_titles(candidate, titles: list[str]) -> bool:
    """No title typed, or one of the candidate's roles holds every typed title;
    someone without a recorded role fits any title."""
    roles = getattr(candidate, "roles", []) or []
    return not titles or not roles or any(all(t in words_of(role) for t in titles) for role in roles)


def by_title(candidates: list, titles: list[str]) -> list:
    """Of several candidates, the one whose roles hold the typed title (President
    Silva is Lula, Minister Silva is Marina), else all of them."""
    if not titles:
        return candidates
    fitting = [c for c in candidates if getattr(c, "roles", None) and fits_titles(c, titles)]
    return fitting if len(fitting) == 1 else candidates


def most_named(candidates: list) -> list:
    """Of people sharing a surname nobody was called by alone, the one the briefs
    are about (Thomas Sam named three times, his wife once), when one is named
    far more often than each of the others; else all of them."""
    if any(c.type != "PERSON" for c in candidates):
        return candidates
    ranked = sorted(candidates, key=lambda c: -(c.mentions or 0))
    first, second = ranked[0].mentions or 0, ranked[1].mentions or 0
    return ranked[:1] if first >= PROMINENT_MENTIONS and first >= PROMINENT_RATIO * second else candidates


def is_relation(text: str) -> bool:
    """"Sarkozy's wife": someone defined through another, not that other."""
    return bool(_POSSESSIVE_THEN_MORE.search(str(text)))


def acronym_letters(typed: str, bare: str) -> str | None:
    """The letters of an acronym typed as one, else None: "UN", "the un", "U.N."."""
    tokens = bare.split()
    if len(tokens) != 1:
        return None
    letters = "".join(words_of(bare))
    if not 2 <= len(letters) <= MAX_ACRONYM or not letters.isalpha():
        return None
    shouted = bare.replace(".", "").isupper()
    with_the = typed.strip().lower().startswith("the ")
    return letters if shouted or with_the else None


def initials_of(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ACRONYM_SKIPS)


def word_closeness(typed: str, word: str) -> float:
    """0 (unrelated) to 1 (the same word) for one typed word against one name word."""
    if typed == word:
        return SAME_WORD
    if len(typed) == 1:
        return INITIAL if word.startswith(typed) else 0.0
    if len(typed) < SHORT_WORD or len(word) < SHORT_WORD:
        return 0.0
    allowed = 1 if len(typed) <= 7 else 2
    edits = OSA.distance(typed, word, score_cutoff=allowed)
    if edits > allowed:
        return 0.0
    return 1.0 - edits / (2 * max(len(typed), len(word))) - 0.05  # a typo never ties with the real word


def name_closeness(typed_words: list[str], key: str) -> tuple[float, float]:
    """How well every typed word finds its own word in one name key (0 when one
    finds none; particles and single initials may be missing from the name),
    and how much of the name the typed words cover (Google before Google Science Fair)."""
    words = key.split()
    if not words:
        return 0.0, 0.0
    used: set[int] = set()
    scores = []
    for t in typed_words:
        best, at = 0.0, -1
        for i, w in enumerate(words):
            if i not in used:
                c = word_closeness(t, w)
                if c > best:
                    best, at = c, i
        if at < 0:
            if t in PARTICLES or len(t) == 1:
                continue
            return 0.0, 0.0
        used.add(at)
        scores.append(best)
    if not scores or all(len(t) == 1 for t in typed_words):
        return 0.0, 0.0  # "the i" is not Artemis I: initials only count beside a name word
    return sum(scores) / len(scores), len(used) / len(words)


def names_whole(typed_words: list[str], keys: list[str]) -> bool:
    """Some name or alias of an organisation or place has every word typed (a
    typo forgiven), but for words a name may go without ("Nvidia" for "Nvidia
    Corporation"); a town is never the school district named after it."""
    for key in keys:
        if all(w in OPTIONAL_NAME_WORDS or any(word_closeness(t, w) > 0 for t in typed_words) for w in key.split()):
            return True
    return False


def best_closeness(typed_words: list[str], keys: list[str]) -> tuple[float, float]:
    return max((name_closeness(typed_words, k) for k in keys), default=(0.0, 0.0))


def glued(text: str) -> list[str]:
    """Words with a hyphenated compound kept as one word: "Jon-un" -> ["jonun"], so a
    typo in a short piece of it (Jong-un, al-Amr) is judged on the whole compound."""
    return words_of(re.sub(r"(?<=\w)[-‐‑](?=\w)", "", text))


def glued_keys(keys: list[str]) -> list[str]:
    """Each key with one pair of neighbouring words joined ("kim jong un" -> "kimjong un",
    "kim jongun"): the store's keys have lost where the hyphen was."""
    out = []
    for key in keys:
        words = key.split()
        out += [" ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:]) for i in range(len(words) - 1)]
    return out


def within(typed_words: list[str], keys: list[str]) -> bool:
    """"Donetsk Oblast" for Donetsk: the whole name typed, plus a word saying what kind of place it is."""
    extra_ok = [t for t in typed_words if t not in GENERIC_PLACE_WORDS]
    return bool(extra_ok) and len(extra_ok) < len(typed_words) and any(k.split() == extra_ok for k in keys)


def plausible(typed_words: list[str], keys: list[str]) -> bool:
    """A name worth suggesting: it shares a word, or a word starts with the same
    letter and is spelt much alike."""
    words = {w for k in keys for w in k.split()}
    for t in typed_words:
        if t in words:
            return True
        for w in words:
            if w[:1] == t[:1] and len(t) >= 3 and OSA.normalized_similarity(t, w) >= PLAUSIBLE:
                return True
    return False


async def resolve(store: StoreInterface, guild_id: int, typed: str) -> Resolution:
    asked = " ".join(str(typed or "").split())
    bare = peeled(asked)
    letters = acronym_letters(asked, bare)
    for n, form in enumerate(dict.fromkeys((asked, bare))):
        if n and is_relation(asked):
            # "Sarkozy's wife" is someone else; "European People's Party" was found above if known.
            owner = await store.exact_entities(guild_id, re.split(r"['’]", asked, 1)[0])
            hint = owner.entity is not None and plausible(words_of(asked)[:1], [owner.entity.name.casefold()])
            return Resolution("none", asked, suggestions=[owner.entity.name] if hint and owner.entity else [])
        match = await store.exact_entities(guild_id, form)
        if match.how == "exact" and match.entity is not None:
            if n and not fits_titles(match.entity, titles_typed(asked)):
                break  # "President Silva" is not the minister called "Silva": look at every Silva
            return Resolution("exact", asked, entity=match.entity)
        if match.how == "ambiguous" and match.candidates:
            if letters:
                # "the UN" is an organisation's acronym, not the end of Kim Jong-un's name.
                bodies = [c for c in match.candidates if c.type != "PERSON"]
                if len(bodies) == 1:
                    return Resolution("exact", asked, entity=bodies[0])
            chosen = by_title(match.candidates, titles_typed(asked))
            if len(chosen) == 1:
                return Resolution("exact", asked, entity=chosen[0])
            return Resolution("ambiguous", asked, candidates=match.candidates[:MAX_CHOICES])
    if letters:
        named = [row for row, keys in await store.entities_by_initials(guild_id, letters)
                 if any(initials_of(k) == letters for k in keys)]
        if len(named) == 1:
            return Resolution("exact", asked, entity=named[0])
        if named:
            return Resolution("ambiguous", asked, candidates=named[:MAX_CHOICES])
    written_otherwise = await _written_otherwise(store, guild_id, asked, bare)
    if written_otherwise is not None:
        return written_otherwise
    return await _typo(store, guild_id, asked, bare)


async def _one_exact(store: StoreInterface, guild_id: int, words: list[str]) -> EntityRow | None:
    match = await store.exact_entities(guild_id, " ".join(words))
    return match.entity if match.how == "exact" else None


async def _written_otherwise(store: StoreInterface, guild_id: int, asked: str, bare: str) -> Resolution | None:
    """An organisation's name as another article would write it: the same name
    with its country spelt otherwise or its words turned round is that entity
    ("United States Department of Agriculture", "Department of State"); without
    a place the server knows around it ("Australian Senate", "Supreme Court of
    the United States") it is the closest match, said so."""
    words = words_of(bare)
    if len(words) < 2:
        return None
    for form in name_variants.respelled(words) + name_variants.reordered(words):
        for variant in [form, *name_variants.reordered(form)]:
            found = await _one_exact(store, guild_id, variant)
            if found is not None and found.type != "PERSON":
                return Resolution("exact", asked, entity=found)
    for place, rest in name_variants.qualified(words):
        for variant in [rest, *name_variants.reordered(rest)]:
            found = await _one_exact(store, guild_id, variant)
            if found is None or found.type == "PERSON":
                continue
            where = await _one_exact(store, guild_id, place)
            if where is not None and where.type in PLACE_TYPES and where.id != found.id:
                return Resolution("fuzzy", asked, entity=found)
    return None


async def _typo(store: StoreInterface, guild_id: int, asked: str, bare: str) -> Resolution:
    typed_words = words_of(bare)
    if not typed_words:
        return Resolution("none", asked)
    scored = []
    compound = glued(bare) if glued(bare) != typed_words else None
    for row, keys in await store.close_entities(guild_id, bare):
        closeness, coverage = best_closeness(typed_words, keys)
        if compound:
            closeness, coverage = max((closeness, coverage), best_closeness(compound, glued_keys(keys)))
        if row.type != "PERSON" and not names_whole(typed_words, keys):
            # "Springfield" is not "Springfield School District": a suggestion at most.
            closeness = min(closeness, TYPO_ACCEPT - 0.01)
        scored.append((closeness, coverage, row, keys))
    scored.sort(key=lambda s: (-s[0], -s[1], -s[2].briefs, s[2].id))
    close = [s for s in scored if s[0] >= TYPO_ACCEPT]
    if not close:
        inside = [row for *_, row, keys in scored if within(typed_words, keys)]
        if len(inside) == 1:
            return Resolution("fuzzy", asked, entity=inside[0])
        names = [row.name for *_, row, keys in scored if plausible(typed_words, keys)]
        return Resolution("none", asked, suggestions=list(dict.fromkeys(names))[:SUGGESTIONS])
    top = close[0][0]
    tied = [(coverage, row, keys) for score, coverage, row, keys in close if score >= top - MARGIN]
    if len(tied) > 1 and titles_typed(asked):
        # "President Silva": the Silva whose role is president, before any other tie-break.
        chosen_ids = {row.id for row in by_title([row for _, row, _ in tied], titles_typed(asked))}
        tied = [t for t in tied if t[1].id in chosen_ids]
    if len(tied) > 1:
        # "Goole": Google, the whole of whose name was typed, before Google Science Fair.
        fullest = [t for t in tied if t[0] >= max(c for c, _, _ in tied)]
        tied = fullest if len(fullest) == 1 else tied
    if len(tied) > 1:
        # "Brusels": Brussels by its own name before the European Union, which has it as an alias.
        named = [t for t in tied if t[2] and name_closeness(typed_words, t[2][0])[1] >= 1.0]
        tied = named if len(named) == 1 else tied
    if len(tied) > 1:
        # "Obama": Barack Obama, whose name ends with it, before "Obama administration".
        ending = [t for t in tied if any(k.split()[-1:] == typed_words[-1:] for k in t[2])]
        tied = ending if len(ending) == 1 else tied
    if len(tied) > 1:
        chosen = by_title([row for _, row, _ in tied], titles_typed(asked))
        if len(chosen) > 1 and top >= SAME_WORD:
            chosen = most_named(chosen)
        if len(chosen) == 1:
            return Resolution("exact" if top >= SAME_WORD else "fuzzy", asked, entity=chosen[0])
        return Resolution("ambiguous", asked, candidates=chosen[:MAX_CHOICES])
    # Every typed word exactly a word of the name (a surname alone): no typo to own up to.
    return Resolution("exact" if top >= SAME_WORD else "fuzzy", asked, entity=tied[0][1])
