"""Is a message in a watched channel a news brief, or members talking?

Cheap text features only (every message in a watched channel asks, so no
spaCy): a brief has a headline line over a body, or reads like a wire item
(names, numbers, "said"); chat has @mentions, questions, first and second
person, greetings and emoji. Words inside quotation marks are the quoted
people's, not the poster's, so they do not count as chat. Measured on the
labelled set in tests/handlers/brief_or_chat_samples.py.
"""
from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_MENTION = re.compile(r"<@[!&]?\d+>|(?<![\w@])@(?:everyone|here|[A-Za-z][\w.]{1,31})\b")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|me|my|mine|we're|we’re|let's|let’s)\b",
                           re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re|u)\b", re.I)
_CHATTY = re.compile(r"\b(?:thanks|thank you|thx|lol|lmao|haha|hmm|wow|omg|tbh|imo|imho|btw|brb|pls|please|"
                     r"anyone|everyone|folks|guys|sorry|honestly|rip|dm me|ok but)\b", re.I)
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|<a?:\w+:\d+>")
_REPORTED = re.compile(r"\b(?:said|says|told|announced|confirmed|according to|reported|stated|added|"
                       r"show|showed|published)\b", re.I)
_NUMBER = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+|\b[A-Z]{2,}\b")
# A news lead says when: "on Tuesday", "on 2 October", "in March".
_WHEN = re.compile(r"\b(?:on|since|from|by|in|until|last|next)\s+(?:\d{1,2}\s+)?(?:monday|tuesday|wednesday|thursday|"
                   r"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
                   r"november|december)\b", re.I)

HEADLINE_WORDS = 18  # a first line this short over a longer body reads as a headline
BODY_WORDS = 15
NEWS_NEEDED = 3  # news signals minus chat signals a brief must reach


def _headline(text: str) -> bool:
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2:
        return False
    first = lines[0].strip("*_# ")
    body = " ".join(lines[1:])
    return (0 < len(_WORD.findall(first)) <= HEADLINE_WORDS and not first.endswith(("?", "!"))
            and len(_WORD.findall(body)) >= BODY_WORDS)


def news_signals(text: str) -> int:
    said = _QUOTED.sub(" ", text)
    score = 2 if _headline(text) else 0
    score += min(2, len(_REPORTED.findall(said)))
    score += 1 if _NUMBER.search(said) else 0
    score += 1 if _WHEN.search(said) else 0
    names = len(_CAPITALISED.findall(said))
    score += 2 if names >= 6 else 1 if names >= 3 else 0
    return score


def chat_signals(text: str) -> int:
    said = _QUOTED.sub(" ", text)  # "we" and "I" in a quotation are the speaker's
    score = 3 * bool(_MENTION.search(said))
    score += min(3, len(_FIRST_PERSON.findall(said)))
    score += min(2, len(_SECOND_PERSON.findall(said)))
    score += min(3, 2 * len(_CHATTY.findall(said)))
    score += 2 * min(2, said.count("?"))
    score += 2 if _EMOJI.search(said) else 0
    return score


def looks_like_brief(text: str) -> bool:
    """True for a news brief, False for conversation (which stays out of the index)."""
    return news_signals(text) - chat_signals(text) >= NEWS_NEEDED
