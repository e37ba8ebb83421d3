"""What the rest of the bot asks of an extractor, typed; imports nothing heavy (no spaCy).

`extract.Extractor` (spaCy in this process) is one implementation; a worker pool is another.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from extract.model import Brief


class ExtractorInterface(Protocol):
    """Text in, Brief out; pure apart from the model it loads."""

    def extract(self, text: str) -> Brief: ...

    def extract_many(self, texts: list[str]) -> list[Brief]: ...


if TYPE_CHECKING:  # mypy holds the spaCy extractor to the interface
    from extract.pipeline import Extractor

    _SPACY_EXTRACTOR: type[ExtractorInterface] = Extractor
