"""pyproject.toml in the form current setuptools builds without deprecation warnings."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_is_an_spdx_string_and_the_build_backend_understands_it():
    assert PYPROJECT["project"]["license"] == "MIT"  # a table here warns on every `make run`
    [setuptools] = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    # SPDX strings in project.license need setuptools 77 or later.
    assert int(re.search(r">=\s*(\d+)", setuptools).group(1)) >= 77
