"""Every further occurrence of a known form is a mention too.

NER misses repeats and cannot read a Title Case headline; once the body has
established a name, its forms (and a person's surname) are found again across the
text, so each Entity's spans list every mention. Statements rely on that.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from extract.gazetteer import Gazetteer
from extract.entities.linking import Group
from extract.entities.mention import Mention, Occupancy, overlaps, sentence_initial, text_of, whole_occurrences
from extract.names import fold

# A name does not continue a word, a handle or a path, nor run on into a word, "C++" or a domain.
_BEFORE_NAME = re.compile(r"[\w@#/]")
_AFTER_NAME = re.compile(r"[\w+]|[.]\w")


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    return whole_occurrences(text, form, _BEFORE_NAME, _AFTER_NAME)


@lru_cache(maxsize=8192)
def _caseless_pattern(form: str) -> re.Pattern:
    """The same test, any case (memoised: names recur across briefs, and the re module's
    own cache holds only 512 patterns)."""
    return re.compile(rf"(?<!{_BEFORE_NAME.pattern}){re.escape(form)}(?!{_AFTER_NAME.pattern})", re.I)


def _caseless_occurrences(text: str, form: str, region: tuple[int, int]) -> Iterator[tuple[int, int]]:
    return (m.span() for m in _caseless_pattern(form).finditer(text, *region))


def propagate(groups: list[Group], doc, layout, g: Gazetteer, common_words: frozenset[str]) -> None:
    """Every further occurrence of a known form is a mention too (NER misses repeats, and
    headline names are found only this way when the headline is Title Case)."""
    text = text_of(doc)
    taken = Occupancy(len(text), [m.span for grp in groups for m in grp.mentions] + layout.skip_spans())
    # Longer forms first so "Pete Hegseth" is found before "Hegseth".
    surnames = [fold(grp.longest().split()[-1]) for grp in groups if grp.type == "PERSON"]
    shared = {s for s in surnames if surnames.count(s) > 1}
    candidates = sorted(((f, grp) for grp in groups for f in _forms_to_find(grp, shared)),
                        key=lambda t: -len(t[0]))
    for form, grp in candidates:
        single = len(form.split()) == 1
        confirmed = any("sent_start" not in m.notes and not m.in_title and m.origin != "propagated"
                        for m in grp.mentions)
        for ignore_case in (False, True):
            if ignore_case and (single or not layout.title_case):
                continue
            # Any case only in a Title Case headline (`Pete HEGSETH`, `Says`): elsewhere case is a cue.
            hits = (_caseless_occurrences(text, form, layout.title_span) if ignore_case
                    else _occurrences(text, form))
            for span in hits:
                in_title = overlaps(span, layout.title_span)
                if taken.is_taken(span):
                    continue
                if single and fold(form) in common_words and (in_title or sentence_initial(doc, span[0])):
                    # A capitalised common word where everything is capitalised counts only when
                    # the body also uses it as a name mid-sentence ("the Pentagon's").
                    if not (grp.place or len(grp.longest().split()) > 1 or confirmed):
                        continue
                m = Mention(span[0], span[1], text[span[0]:span[1]], grp.type, "propagated", grp.place, in_title)
                grp.mentions.append(m)
                taken.take(span)


def _forms_to_find(grp: Group, shared_surnames: set[str]) -> list[str]:
    """Forms whose further occurrences are mentions: the group's own forms, and for a
    person the surname alone unless two people of the brief share it."""
    forms = list(grp.forms())
    if grp.type == "PERSON":
        words = grp.longest().split()
        if len(words) > 1 and words[-1][:1].isupper() and fold(words[-1]) not in shared_surnames:
            forms.append(words[-1])
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 and re.search(r"[A-Z]", f)]
