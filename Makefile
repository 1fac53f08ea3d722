# Two commands set everything up on a fresh machine (Python 3.11+ and make; no root, no Graphviz):
#   make demo   create .venv, install argmap, render the flagship map, print the SVG's path
#   make test   install the test extras and run the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install install-test lint examples bench clean

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

bench: install-test
	$(BIN)/python bench/argdown_bench.py
	$(BIN)/python bench/semantics_bench.py
	$(BIN)/python bench/bench_strength_checks.py
	$(BIN)/python bench/html_bench.py
	$(BIN)/python bench/studio_bench.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
