# Boardpack: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_NPM := node_modules/.installed

.PHONY: run test test-only lint bench clean browser

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Boardpack needs Python 3.11 ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(STAMP_TEST): $(STAMP_APP) requirements-test.lock
	$(BIN)/pip install --quiet -r requirements-test.lock
	touch $@

$(STAMP_NPM): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(STAMP_APP) $(STAMP_NPM)
	BOARDPACK_DEMO=1 BOARDPACK_DEBUG=1 $(BIN)/boardpack migrate --noinput -v0
	BOARDPACK_DEMO=1 BOARDPACK_DEBUG=1 $(BIN)/boardpack load_demo --if-empty --print-sign-ins
	@echo ""
	@echo "Boardpack is at http://127.0.0.1:8000 (Ctrl+C stops it and its worker: report packs, large imports)"
	@BOARDPACK_DEMO=1 BOARDPACK_DEBUG=1 $(BIN)/boardpack db_worker -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	BOARDPACK_DEMO=1 BOARDPACK_DEBUG=1 $(BIN)/boardpack serve --dev 127.0.0.1:8000

# Debian's Chromium for the browser tests, poppler (pdftoppm, pdftotext) and LibreOffice to open the
# generated Word and PowerPoint files in the document tests (CI runs as root); skipped when present.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ] || [ ! -x /usr/bin/soffice ]; then \
	  echo "Installing Debian's chromium, poppler-utils and LibreOffice (Impress, Writer) for the tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium poppler-utils libreoffice-impress libreoffice-writer >/dev/null; \
	fi

test: $(STAMP_TEST) $(STAMP_NPM) browser lint test-only

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	BOARDPACK_TESTING=1 $(BIN)/mypy
	BOARDPACK_TESTING=1 $(BIN)/boardpack makemigrations --check --dry-run

test-only: $(STAMP_TEST) $(STAMP_NPM)
	BOARDPACK_TESTING=1 $(BIN)/pytest

bench: $(STAMP_TEST) $(STAMP_NPM)
	BOARDPACK_TESTING=1 $(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
