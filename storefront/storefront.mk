# The storefront (React app in storefront/), included by the top-level Makefile:
#   include storefront/storefront.mk
# Uses PY and VENV from the Makefile. Node.js 20.19+ and npm come from the machine.

SF := storefront
SF_STAMP := $(SF)/node_modules/.installed
NPM ?= npm
CHROMIUM ?= /usr/bin/chromium

.PHONY: storefront-install storefront-build storefront-check storefront-unit storefront-codegen chromium e2e

# npm ci only when the lock file (or package.json) changed; never downloads a browser.
$(SF_STAMP): $(SF)/package.json $(SF)/package-lock.json
	cd $(SF) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(NPM) ci --no-audit --no-fund
	touch $(SF_STAMP)

storefront-install: $(SF_STAMP)

# The built app in storefront/dist, served by Django at / (backend/core/storefront.py).
storefront-build: $(SF_STAMP)
	cd $(SF) && $(NPM) run build

# Regenerate the GraphQL types after a schema or document change (commit src/gql).
storefront-codegen: $(SF_STAMP)
	cd $(SF) && $(NPM) run codegen

# Types match the schema, the code type-checks, unit tests pass, the build fits the budget.
# The build is the storefront-build target, made once per `make` run: `make test`'s e2e
# (which needs it too) uses the same build instead of building the app a second time.
storefront-unit: $(SF_STAMP)
	cd $(SF) && $(NPM) run codegen:check
	cd $(SF) && $(NPM) run typecheck
	cd $(SF) && $(NPM) test

storefront-check: storefront-unit storefront-build
	cd $(SF) && $(NPM) run size

# Debian's Chromium for the end-to-end tests (CI runs as root).
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium (missing at $(CHROMIUM))"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; \
	}

# Playwright against the real backend on its own database (b2b_e2e) with demo data.
e2e: setup storefront-build chromium
	PY=$(PY) VENV=$(VENV) bash $(SF)/scripts/e2e.sh
