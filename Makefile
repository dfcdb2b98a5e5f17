# Two commands: `make run` (set up and serve the demo) and `make test` (set up and test).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup db migrate demo serve lint typecheck pytest schema bench bench-data stop-db clean redis-server

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

db: setup
	$(PY) -m backend.devdb start

migrate: db
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo

serve:
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn backend.wsgi:application --bind 0.0.0.0:$(PORT) --workers 2 --threads 4 --access-logfile -

run: demo storefront-build serve

lint: setup
	$(VENV)/bin/ruff check .

typecheck: setup
	$(VENV)/bin/mypy

# Debian's redis-server: tests that need a real Redis (the throttle store's, the Celery
# worker's) start one on a free loopback port.
REDIS_SERVER ?= /usr/bin/redis-server
redis-server:
	@test -x $(REDIS_SERVER) || { \
	  echo "Installing Debian's redis-server (missing at $(REDIS_SERVER))"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; \
	}

pytest: db redis-server
	$(VENV)/bin/pytest --create-db

test: lint typecheck pytest storefront-check e2e

schema: db
	$(PY) manage.py graphql_schema --schema backend.api.schema.schema --out schema.graphql

bench-data: migrate
	$(PY) -m bench.generate

bench: migrate
	$(PY) -m bench.run_all

stop-db:
	-$(PY) -m backend.devdb stop

clean: stop-db
	rm -rf $(VENV) .pgdata media staticfiles storefront/node_modules storefront/dist

include storefront/storefront.mk
