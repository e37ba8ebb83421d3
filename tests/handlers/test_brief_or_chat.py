"""Watched channels index news, not chat (issue 10), on a labelled set of both."""
from __future__ import annotations

from brief_or_chat_samples import BRIEFS, CHAT
from handlers.brief_or_chat import looks_like_brief


def test_the_labelled_set_is_big_enough():
    assert len(BRIEFS) >= 40 and len(CHAT) >= 40


def test_no_chat_is_taken_for_a_brief():
    taken = [m[:60] for m in CHAT if looks_like_brief(m)]
    assert taken == []


def test_no_brief_is_taken_for_chat():
    refused = [m[:60] for m in BRIEFS if not looks_like_brief(m)]
    assert refused == []


def test_quoted_first_person_is_the_speakers_not_the_posters():
    brief = ("Mayor promises new library\n\nMayor Ann Cole said on Monday: \"I will open it by June, and my team "
             "is ready. Are you with us?\" The council approved the budget 9-2.")
    assert looks_like_brief(brief)
