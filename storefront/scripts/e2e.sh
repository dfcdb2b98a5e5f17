#!/usr/bin/env bash
# End-to-end tests: a real backend (gunicorn, embedded PostgreSQL, database $E2E_DATABASE,
# default b2b_e2e, with the demo data) on a free loopback port, and Playwright driving Debian's Chromium against it.
# The server is always stopped afterwards; the exit code is Playwright's.
# Run from anywhere: `make e2e` (which builds the app first) or `bash storefront/scripts/e2e.sh`;
# arguments go to Playwright (`bash storefront/scripts/e2e.sh e2e/phone.spec.ts -g "44"`).
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=${PY:-.venv/bin/python}
VENV=${VENV:-.venv}
ARTIFACTS=test-artifacts
mkdir -p "$ARTIFACTS"

if [ ! -f storefront/dist/index.html ]; then
  echo "e2e: storefront/dist is missing; run 'make storefront-build' first" >&2
  exit 1
fi

# E2E_DATABASE: several checkouts on one embedded server each use their own database.
E2E_DATABASE=${E2E_DATABASE:-b2b_e2e}
DATABASE_URL=$("$PY" -c "import sys; from backend.devdb import ensure_database_url; print(ensure_database_url(database=sys.argv[1]))" "$E2E_DATABASE")
export DATABASE_URL
echo "e2e: preparing the $E2E_DATABASE database"
"$PY" manage.py migrate --noinput >"$ARTIFACTS/e2e-migrate.log"
"$PY" manage.py demo
# The tests' own wrong passwords count in the throttles' table of this database; an earlier
# run within the window would otherwise start this one with its address near the limit.
"$PY" manage.py shell -c "from backend.core.models import RateCounter; RateCounter.objects.all().delete()"

PORT=${E2E_PORT:-$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
BASE_URL="http://127.0.0.1:$PORT"
SERVER_LOG="$ARTIFACTS/e2e-server.log"

# Two workers, as `make run` serves: the throttles count in the database, shared by both.
"$VENV/bin/gunicorn" backend.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --access-logfile - >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT

echo "e2e: waiting for $BASE_URL/health/ready"
ready=0
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the backend exited; its log:" >&2
    tail -n 50 "$SERVER_LOG" >&2
    exit 1
  fi
  if "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$BASE_URL/health/ready" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
if [ "$ready" -ne 1 ]; then
  echo "e2e: the backend did not become ready in 60 s; its log:" >&2
  tail -n 50 "$SERVER_LOG" >&2
  exit 1
fi

status=0
SERVER_LOG_PATH="$PWD/$SERVER_LOG"
# E2E_SERVER_LOG: the backend prints e-mails there (console backend); the invitation test reads its link.
(cd storefront && BASE_URL="$BASE_URL" E2E_SERVER_LOG="$SERVER_LOG_PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test "$@") || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: failed (exit $status); backend log in $SERVER_LOG, traces in $ARTIFACTS/playwright" >&2
fi
echo "e2e: screenshots in $ARTIFACTS/screenshots"
exit "$status"
