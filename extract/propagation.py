"""Every further occurrence of a known form is a mention too.

NER misses repeats and cannot read a Title Case headline; once the body has
established a name, its forms (and a person's surname) are found again across the
text, so each Entity's spans list every mention. Statements rely on that.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.gazetteer import Gazetteer
from extract.linking import Group
from extract.mention import Mention, Occupancy, overlaps, sentence_initial, text_of
from extract.names import fold

def _occurrences(text: str, form: str, ignore_case: bool):
    return _form_pattern(form, ignore_case).finditer(text)


@lru_cache(maxsize=8192)
def _form_pattern(form: str, ignore_case: bool) -> re.Pattern:
    """A form as a whole word; memoised because names recur across briefs and the re
    module's own cache (512 patterns) is too small for a batch of them."""
    return re.compile(rf"(?<![\w@#/]){re.escape(form)}(?![\w+]|[.]\w)", re.I if ignore_case else 0)


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
            for hit in _occurrences(text, form, ignore_case):
                span = hit.span()
                in_title = overlaps(span, layout.title_span)
                if ignore_case and not in_title:
                    continue
                if taken.is_taken(span):
                    continue
                if single and fold(form) in common_words and (in_title or sentence_initial(doc, span[0])):
                    # A capitalised common word where everything is capitalised counts only when
                    # the body also uses it as a name mid-sentence ("the Pentagon's").
                    if not (grp.place or len(grp.longest().split()) > 1 or confirmed):
                        continue
                m = Mention(span[0], span[1], hit.group(), grp.type, "propagated", grp.place, in_title)
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
