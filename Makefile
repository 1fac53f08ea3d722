# Two commands set everything up on a fresh machine (Python 3.11+ and make; no root, no Graphviz):
#   make demo   create .venv, install argmap, render the flagship map, print the SVG's path
#   make test   install the test extras and run the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install install-test lint examples bench bench-quick bench-formats fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	@mkdir -p build
	@$(BIN)/argmap demo -o build/conscription.svg

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check argmap tests examples bench
	$(BIN)/mypy argmap tests
	$(BIN)/lint-imports

examples: install-test
	$(BIN)/python examples/conscription.py
	$(BIN)/python examples/make_grading.py
	$(BIN)/python examples/uniforms.py
	$(BIN)/python examples/make_notebook.py
	$(BIN)/python examples/worksheets/make_worksheets.py

# Every case, side by side with the peers, whatever misses its target: writes bench/RESULTS.md.
bench: install-test
	$(BIN)/python bench/run.py

# The same cases at smaller sizes (a few minutes): writes bench/RESULTS-quick.md.
bench-quick: install-test
	$(BIN)/python bench/run.py --quick

# Every text format on a 100,000-claim debate and a 100,000-deep chain (time, size, peak memory).
bench-formats: install-test
	$(BIN)/python bench/formats_bench.py

# The long fuzzing campaign: 100,000 inputs per reader (FUZZ_EXAMPLES=... to change), random,
# remembered between runs; each failure is kept under tests/fuzz/regressions/<format>/ for the suite.
FUZZ_EXAMPLES ?= 100000
fuzz: install-test
	ARGMAP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) ARGMAP_FUZZ_SAVE=1 $(BIN)/python -m pytest tests/fuzz/test_fuzz_readers.py -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
