# The front door: `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint format migrations-check install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## Serve the demo site on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set).
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py run_pending_jobs
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## The suite on SQLite, or on PostgreSQL when DATABASE_URL is set, on every core (pytest-xdist:
## one test database and one Redis database per worker). Browser tests: make test-browser.
test: install migrations-check
	$(BIN)/python -m pytest -m "not browser" -n auto $(PYTEST_ARGS)

## Reader and annotator journeys in Debian's Chromium (apt-get install chromium).
test-browser: install
	$(BIN)/python -m pip install --quiet -e ".[browser]"
	$(BIN)/python -m pytest -m browser tests/browser $(PYTEST_ARGS)

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
