"""Row 1: `newsbrief ingest` throughput beside raw `nlp.pipe` on the same texts.

The ingest side runs the CLI's own function (`bot.cli.ingest_main`) on a folder
of generated `.txt` files into a fresh temporary database; the only change is
that the services it opens get the already loaded spaCy pipeline, so neither
side pays the model load. The raw side is `nlp.pipe` of the same pipeline with
the batch size the extractor uses. Both sides run in every run (alternating
which goes first) and the ratio is taken within the run.
"""
from __future__ import annotations

import asyncio
import contextlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import corpus
from bench.stats import stopwatch

RAW_BATCH = 16  # extract.pipeline.Extractor.extract_many's nlp.pipe batch size


@dataclass
class IngestRun:
    briefs: int
    tokens: int
    ingest_s: float
    raw_s: float
    indexed: int  # files the CLI reported as indexed

    @property
    def ratio(self) -> float:
        return (self.briefs / self.ingest_s) / (self.briefs / self.raw_s)


def write_folder(folder: Path, texts: list[str]) -> None:
    for k, text in enumerate(texts):
        (folder / f"brief-{k:05d}.txt").write_text(text, encoding="utf-8")


def raw_spacy(nlp, texts: list[str]) -> tuple[float, int]:
    """Seconds for nlp.pipe over `texts`, and the number of tokens it made."""
    tokens = 0
    with stopwatch() as t:
        for doc in nlp.pipe(texts, batch_size=RAW_BATCH):
            tokens += len(doc)
    return t(), tokens


def cli_ingest(extractor, folder: Path, db: Path) -> tuple[float, int]:
    """Seconds for `newsbrief ingest FOLDER` into `db`, and how many briefs it indexed."""
    from bot import cli
    from bot.settings import Settings

    original = cli.open_services

    @contextlib.asynccontextmanager
    async def with_loaded_pipeline(settings):
        async with original(settings) as services:
            services.extractor = extractor
            yield services

    out = io.StringIO()
    cli.open_services = with_loaded_pipeline
    try:
        with stopwatch() as t:
            status = asyncio.run(cli.ingest_main(Settings(db_path=db), [str(folder)], out=out))
    finally:
        cli.open_services = original
    if status != 0:
        raise RuntimeError(f"newsbrief ingest exited with {status}:\n{out.getvalue()[-2000:]}")
    indexed = sum(1 for line in out.getvalue().splitlines() if ": #" in line)
    return t(), indexed


def measure(extractor, seed: int, briefs: int, runs: int, log=print) -> list[IngestRun]:
    texts = corpus.brief_texts(seed, briefs)
    nlp = extractor.nlp
    results = []
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        write_folder(folder, texts)
        nlp("Warm-up sentence for the pipeline, spoken by Ana Costa in Lisbon.")
        for run in range(runs):
            db = Path(tmp) / f"ingest-{run}.sqlite3"
            if run % 2 == 0:
                raw_s, tokens = raw_spacy(nlp, texts)
                ingest_s, indexed = cli_ingest(extractor, folder, db)
            else:
                ingest_s, indexed = cli_ingest(extractor, folder, db)
                raw_s, tokens = raw_spacy(nlp, texts)
            r = IngestRun(briefs, tokens, ingest_s, raw_s, indexed)
            log(f"  ingest run {run + 1}: ingest {ingest_s:.1f}s, raw spaCy {raw_s:.1f}s, "
                f"ratio {r.ratio:.2f}, indexed {indexed}/{briefs}")
            results.append(r)
    return results
