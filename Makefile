# Two commands: `make run` (set up and serve the demo) and `make test` (set up and test).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup pdf-libs db migrate demo serve lint typecheck pytest schema bench bench-data stop-db clean redis-server lock lock-upgrade lock-tools

# Python dependencies come from the lock (requirements/dev.txt: runtime + dev extras, every
# file's hash; the production image installs requirements/runtime.txt), then the project
# itself without dependencies. A changed lock or pyproject.toml reinstalls.
$(STAMP): pyproject.toml requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP) pdf-libs

# WeasyPrint (invoices, UPD and statements as PDF) lays text out with Debian's Pango and
# writes Cyrillic in the DejaVu fonts.
PDF_FONT ?= /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
pdf-libs:
	@{ /sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 && test -f $(PDF_FONT); } || { \
	  echo "Installing Pango and the DejaVu fonts for PDF documents"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	}

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

# In parallel, one worker per core (pytest-xdist; each worker has its own test database,
# TEST_DATABASE_NAME plus _gw0, _gw1, ...). PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
pytest: db redis-server
	$(VENV)/bin/pytest --create-db -n $(PYTEST_WORKERS)

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
	rm -rf $(VENV) $(LOCK_VENV) .pgdata media staticfiles storefront/node_modules storefront/dist

# --- the lock -------------------------------------------------------------------------------
# `make lock` after editing pyproject.toml's dependencies: keeps every pinned version that
# still fits and adds or moves only what the change needs. `make lock-upgrade` moves every
# package to its newest allowed version (PACKAGE=name: only that one). The runtime lock is
# compiled first and constrains the dev lock, so both pin the same version of a shared package.
# pip-tools (pinned in requirements/tools.txt) lives in its own venv, .venv-lock/: the
# project's .venv never gets it, and `make run`/`make test` never install it.
LOCK_VENV := .venv-lock
LOCK_STAMP := $(LOCK_VENV)/.installed
# --allow-unsafe: a dependency on pip or setuptools gets pinned with its hashes (left out, it
# would fail --require-hashes); no index or find-links lines: they belong to one machine.
COMPILE_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(COMPILE_FLAGS)
UPGRADE = $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade)

$(LOCK_STAMP): requirements/tools.txt
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements/tools.txt
	touch $(LOCK_STAMP)

lock: $(LOCK_STAMP)
	$(PIP_COMPILE) --output-file requirements/runtime.txt pyproject.toml
	$(PIP_COMPILE) --extra dev --constraint requirements/runtime.txt \
	  --output-file requirements/dev.txt pyproject.toml

lock-upgrade: $(LOCK_STAMP)
	$(PIP_COMPILE) $(UPGRADE) --output-file requirements/runtime.txt pyproject.toml
	$(PIP_COMPILE) $(UPGRADE) --extra dev --constraint requirements/runtime.txt \
	  --output-file requirements/dev.txt pyproject.toml

# pip-tools itself: edit requirements/tools.in, then this.
lock-tools: $(LOCK_STAMP)
	CUSTOM_COMPILE_COMMAND="make lock-tools" $(LOCK_VENV)/bin/pip-compile $(COMPILE_FLAGS) \
	  --output-file requirements/tools.txt requirements/tools.in

include storefront/storefront.mk
