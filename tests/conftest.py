"""Fixtures shared by every test package."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor
from pgtest import BACKENDS, fresh_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "bot" / "samples"
SEED = SAMPLES / "00_seed.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One real spaCy pipeline for the whole run (loading it takes a second)."""
    ex = Extractor()
    ex.nlp  # load now, not inside the first test's timing
    return ex


@pytest.fixture(scope="session")
def extraction_pool():
    """One worker process with spaCy, shared by every test that needs the real pool
    (a worker takes seconds to start; tests that overrun a budget replace it)."""
    from handlers.core.extraction import ExtractionPool

    with ExtractionPool(workers=1) as pool:
        yield pool


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(params=BACKENDS)
async def database(request, tmp_path):
    """Where a test's store lives, once per backend: an SQLite file, or a PostgreSQL
    URL on a schema of the test's own (dropped after)."""
    if request.param == "sqlite":
        yield tmp_path / "data" / "newsbrief.sqlite3"
        return
    async with fresh_schema() as url:
        yield url
