# Two entry points, both working on a fresh machine with only Python 3.11+, make and the package registries.
#   make demo   set up, load the bundled sample corpus into naba.db, show what naba does
#   make test   set up, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test check bench clean

demo: $(VENV)/.installed
	$(BIN)/naba demo
	$(BIN)/naba serve

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2 -q

# lint (ruff: pyflakes, pycodestyle, import order, bugbear, pyupgrade) and types (mypy, strict on the core)
check: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/python bench/ingest.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,check]'
	touch $@

clean:
	rm -rf $(VENV) naba.db naba.db-wal naba.db-shm
