"""Text -> Brief. Pure: no I/O beyond loading the spaCy pipeline.

The records (`extract.model`) import nothing heavy; the pipeline imports spaCy. Names are
resolved on first use (module `__getattr__`), so `import store` or `from extract import Brief`
never loads spaCy: query-only paths (`newsbrief ask`, a bot that has not ingested yet) start fast.
"""
from __future__ import annotations

from importlib import import_module

_HOMES = {
    "Brief": "extract.model", "Entity": "extract.model", "Insight": "extract.model",
    "Section": "extract.model", "Statement": "extract.model", "ModelMissing": "extract.model",
    "Extractor": "extract.pipeline", "clean_text": "extract.pipeline",
    "load_pipeline": "extract.pipeline",
}

__all__ = list(_HOMES)


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
