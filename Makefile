# One source for the commands the README, CI and developers use.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install run test bench fuzz clean

$(BIN)/newsbrief: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/newsbrief

install: $(BIN)/newsbrief

run: install
	$(BIN)/newsbrief run

test: install
	$(BIN)/python -m mypy  # handlers/ and store/ against their typed interfaces (pyproject [tool.mypy])
	$(BIN)/python -m pytest -q -n auto  # one test process per core (pytest-xdist)

# Hostile posts through the ingest path, many more and longer than the test suite runs.
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-400} FUZZ_CHARS=$${FUZZ_CHARS:-12000} $(BIN)/python -m pytest -q -p no:randomly \
		tests/handlers/test_fuzz_ingest.py

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info
