# Rapport — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app app
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
PO     := $(wildcard translations/*/LC_MESSAGES/messages.po)
MO     := $(PO:.po=.mo)

.PHONY: run serve test test-browser mutation lint format install db seed translations messages clean

# Runs the job worker (e-mail, notification fan-out) in the background while the server
# command given runs in the foreground; the worker is stopped when the server stops.
WITH_WORKER = $(FLASK) jobs worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM;

## run: set everything up (venv, dependencies, database, demo data) and serve on :5000
run: db
	$(WITH_WORKER) $(FLASK) run --host 127.0.0.1 --port 5000

## serve: production-style server (gunicorn, 2 sync workers) and the job worker on :5000
## (sign-in limits are shared by the workers through REDIS_URL / RATELIMIT_STORAGE_URI)
serve: db
	@if [ -z "$$RATELIMIT_STORAGE_URI$$REDIS_URL" ]; then \
	  echo "WARNING: REDIS_URL and RATELIMIT_STORAGE_URI are unset: each of the 2 workers counts"; \
	  echo "WARNING: sign-in limits alone (twice the attempts get through). For shared limits:"; \
	  echo "WARNING:   REDIS_URL=redis://127.0.0.1:6379/0 make serve"; \
	fi
	$(WITH_WORKER) $(BIN)/gunicorn --workers 2 --bind 127.0.0.1:5000 "app:create_app()"

## test: lint and the full test suite (set TEST_DATABASE_URL to run it on PostgreSQL)
test: install $(MO) lint
	$(BIN)/python -m pytest -m "not browser"

## test-browser: end-to-end tests in headless Chromium (/usr/bin/chromium)
test-browser: install $(MO)
	$(BIN)/python -m pytest -m browser tests/browser

## mutation: mutmut over access, services and metrics in a snapshot of HEAD; prints the score
## (issue 9; not part of `make test` or CI — several hours on two cores)
mutation: install
	bench/mutation.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

## db: apply migrations and seed the demo organisation when the database is empty
db: install $(MO)
	$(FLASK) db upgrade
	@if $(FLASK) db-is-empty; then $(FLASK) seed-demo; else echo "Database already has data: not seeding."; fi

## seed: rebuild the demo organisation, wiping the database
seed: install
	$(FLASK) seed-demo --force

translations: $(MO)

%.mo: %.po | install
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

## messages: re-extract translatable strings and update the .po files
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l --ignore-dirs ".*" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
