"""A person's role: the first title the text gives them, as written.

Two shapes cover English news: a title run before the name ("US Defense Secretary
Pete Hegseth", "Kremlin spokesman Dmitry Peskov", "Malaysia's Prime Minister
Najib Razak") and an appositive after it ("Christina Koch, mission specialist,"
"Paul Dewar, an Ottawa New Democrat MP,").
"""
from __future__ import annotations

import bisect
import re

from extract.gazetteer import Gazetteer
from extract.entities.mention import text_of
from extract.names import fold

_MAX_TITLE_TOKENS = 9
_VERBISH = {"was", "were", "is", "are", "be", "been", "has", "had", "have", "will", "would", "can", "could",
            "said", "says", "told", "found", "led", "did", "does", "not", "also"}
_LINKERS = {"of", "and", "for", "the", "'s", "’s", "&"}
_APPOSITIVE = re.compile(
    r"(?:['’]s)?,\s+(?:(?:a|an|the)\s+)?(?P<role>[^,.;:()“”\"\n]{2,120}?)"
    r"(?=\s*(?:,|\.\s|\.$|;|\n|$|\s(?:who|which|whose|said|says|told|added)\b))")


class Spans:
    """Character spans, asked "is this offset inside one?" by bisection: a brief naming a
    person thousands of times would otherwise scan every span for every word it checks."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def _inside(offset: int, spans) -> bool:
    if isinstance(spans, Spans):
        return offset in spans
    return any(s <= offset < e for s, e in spans)


def _multiword_head(doc, j: int, g: Gazetteer) -> int:
    """Length of a multi-word title ending at token j ("Secretary of State"), or 0."""
    for k in (4, 3, 2):
        if j - k + 1 < 0:
            continue
        words = " ".join(fold(doc[x].text) for x in range(j - k + 1, j + 1))
        if words in g.title_heads or words.replace(" - ", "-") in g.title_heads:
            return k
    return 0


def title_before(doc, start: int, g: Gazetteer, name_spans: "Spans | list[tuple[int, int]]",
                 person_spans: "Spans | list[tuple[int, int]] | tuple" = ()) -> str | None:
    """The title run that ends right before char `start`, if its last word is a title.
    The run stops at another person's name ("Kansas City Fed President Jeffrey Schmid and")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    i = span[0].i
    chain = []
    has_head = False
    j = i - 1
    while j >= 0 and len(chain) < _MAX_TITLE_TOKENS:
        t = doc[j]
        word = t.text
        f = fold(word)
        if _inside(t.idx, person_spans):
            break
        joined_hyphen = word == "-" and not t.whitespace_ and j > 0 and not doc[j - 1].whitespace_
        if t.is_space or t.is_punct and word not in ("'s", "’s", "&") and not joined_hyphen:
            break
        if not has_head and _inside(t.idx, name_spans):
            # "Governor of Washington Chris Gregoire": a title, "of", then a place or body.
            k = j
            while k >= 0 and _inside(doc[k].idx, name_spans):
                k -= 1
            if k > 0 and doc[k].lower_ in ("of", "for") and fold(doc[k - 1].text) in g.title_heads:
                chain.extend(doc[x] for x in range(j, k - 2, -1))
                has_head = True
                j = k - 2
                continue
        if not has_head:
            k = _multiword_head(doc, j, g)
            if k:
                chain.extend(doc[x] for x in range(j, j - k, -1))
                has_head = True
                j -= k
                continue
        if joined_hyphen:
            pass  # "Vice-President"
        elif f in g.title_heads:
            has_head = True
        elif not has_head:
            break  # the word next to the name must be a title word
        elif f in g.title_modifiers or f in _LINKERS:
            pass
        elif _inside(t.idx, name_spans) or any(c.isupper() for c in word):
            if t.is_sent_start and not _inside(t.idx, name_spans) and f not in g.title_modifiers:
                break  # "Meanwhile Treasury..." - a capitalised opener is not part of the title
        elif t.tag_ in ("NN", "NNS", "JJ") and t.dep_ in ("compound", "amod", "nmod"):
            pass  # "climate" in "UN climate chief"
        else:
            break
        chain.append(t)
        if t.is_sent_start:
            break
        j -= 1
    # Trim linkers and possessives at the open end: "of the Fed Governor" -> "Fed Governor".
    while chain and (fold(chain[-1].text) in _LINKERS or chain[-1].text in ("&", "-")):
        chain.pop()
    if not chain or not has_head:
        return None
    first, last = chain[-1], chain[0]
    return text_of(doc)[first.idx:last.idx + len(last.text)]


def title_after(text: str, end: int, g: Gazetteer) -> str | None:
    """`Name, an Ottawa New Democrat MP,` -> `Ottawa New Democrat MP`."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    role = re.split(r"\s+and\s+(?:a|an|the)\s+", m.group("role").strip())[0]
    # A role ends with its noun phrase: "senator whom colleagues dislike" is a senator.
    role = re.split(r"\s+(?:who|whom|whose|which|that)\b", role)[0]
    words = role.split()
    if not words or len(words) > 14 or words[0][0].isdigit():
        return None
    if fold(words[0]) in g.pronouns or words[0].lower() in ("and", "or", "but", "who", "which", "said", "says"):
        return None
    if not any(fold(w) in g.title_heads for w in words):
        return None
    if any(w.lower() in _VERBISH for w in words):
        return None  # "X, was found near Cairns by a team led by Dr ..." is a clause, not a title
    return role


def find_role(doc, spans: list[tuple[int, int]], g: Gazetteer, name_spans: list[tuple[int, int]],
              skip: tuple[int, int] = (0, 0), person_spans: list[tuple[int, int]] = ()) -> str | None:
    """The first title given for the person with these mention spans, in text order."""
    own = set(spans)
    others = Spans(p for p in person_spans if p not in own)
    names = Spans(name_spans)
    for s, e in sorted(spans):
        if skip[0] <= s < skip[1]:
            continue  # a Title Case headline gives no reliable titles
        role = title_before(doc, s, g, names, others) or title_after(text_of(doc), e, g)
        if role:
            return role
    return None
