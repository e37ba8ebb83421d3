"""Query-only code must not pay for spaCy: `import store` (and `import handlers`) in a fresh
interpreter leave `spacy` out of sys.modules. (`newsbrief ask` is checked in tests/bot/test_cli.py.)"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def modules_loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sys.modules))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return set(run.stdout.split())


@pytest.mark.parametrize("code", [
    "import store",
    "import handlers",
    "from handlers.core import dispatch",
    "from extract import Brief, Entity, ModelMissing",
    "from extract import Extractor",  # the class only: spaCy loads when it first parses
])
def test_query_side_imports_leave_spacy_unloaded(code):
    assert "spacy" not in modules_loaded_after(code)


def test_the_pipeline_still_loads_spacy_when_asked():
    assert "spacy" in modules_loaded_after("from extract.entities.mention_rules import stop_words\nstop_words()")
