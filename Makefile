# One-command set-up: `make demo` and `make test` create .venv and install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test check lint types golden web clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/proxywatch demo

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check proxywatch tests bench
	$(BIN)/ruff format --check proxywatch tests bench

types: $(STAMP)
	$(BIN)/mypy

check: lint types test

golden: $(STAMP)
	PROXYWATCH_REGENERATE_GOLDEN=1 $(BIN)/pytest -q tests/extract/test_golden.py

# The analyst's page (proxywatch/serve/static/): Cytoscape.js from the npm registry and the
# ontology the page colours by, written beside it (committed, so that a clone needs no npm).
web:
	cd web && npm ci --no-audit --no-fund && node build.mjs

clean:
	rm -rf $(VENV) proxywatch.db proxywatch.db-wal proxywatch.db-shm report.html
