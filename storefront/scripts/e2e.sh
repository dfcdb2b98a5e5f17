#!/usr/bin/env bash
# End-to-end tests: a real backend (gunicorn, embedded PostgreSQL, database $E2E_DATABASE,
# default b2b_e2e, with the demo data) on a free loopback port, and Playwright driving Debian's Chromium against it;
# by default in two lanes side by side, each with its own backend and copy of the database (E2E_LANES below).
# The servers are always stopped afterwards; the exit code is Playwright's (the first failing lane's).
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

# E2E_LANES (default 2): the specs are split into lanes run side by side, each against its
# own backend and its own copy of the demo database, so no lane ever sees another's changes
# (a cart filled, a price changed, a login throttled) and a run takes about half as long on
# two cores. Specs named on the command line run in one lane.
LANES=${E2E_LANES:-2}
if [ "$#" -gt 0 ]; then LANES=1; fi

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

SERVER_PIDS=()
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# start_server LANE DATABASE_URL: a backend on a free port; sets BASE_URLS[LANE], LOGS[LANE],
# STRIPE_BASES[LANE]. Card payments go to a local stand-in of Stripe's API per lane
# (tests/stripe_standin.py), which sends its signed events to that lane's webhook: Stripe's
# servers are never reached. SERVER_PIDS holds each lane's stand-in, then its backend.
declare -A BASE_URLS LOGS STRIPE_BASES
STRIPE_TEST_WEBHOOK_SECRET=whsec_e2e_standin
start_server() {
  local lane=$1 url=$2 port log stripe_port
  port=$( [ "$lane" = 1 ] && [ -n "${E2E_PORT:-}" ] && echo "$E2E_PORT" || free_port)
  log="$ARTIFACTS/e2e-server-$lane.log"
  stripe_port=$(free_port)
  "$PY" -m tests.stripe_standin --port "$stripe_port" \
    --webhook-url "http://127.0.0.1:$port/payments/stripe/webhook/" \
    --webhook-secret "$STRIPE_TEST_WEBHOOK_SECRET" >"$ARTIFACTS/e2e-stripe-$lane.log" 2>&1 &
  SERVER_PIDS+=($!)
  STRIPE_BASES[$lane]="http://127.0.0.1:$stripe_port"
  # Two workers, as `make run` serves: the throttles count in the database, shared by both.
  DATABASE_URL=$url STRIPE_API_BASE="${STRIPE_BASES[$lane]}" STRIPE_SECRET_KEY=sk_test_e2e \
    STRIPE_PUBLISHABLE_KEY=pk_test_e2e STRIPE_WEBHOOK_SECRET="$STRIPE_TEST_WEBHOOK_SECRET" \
    "$VENV/bin/gunicorn" backend.wsgi:application --bind "127.0.0.1:$port" \
    --workers 2 --threads 4 --access-logfile - >"$log" 2>&1 &
  SERVER_PIDS+=($!)
  BASE_URLS[$lane]="http://127.0.0.1:$port"
  LOGS[$lane]="$PWD/$log"
}

# wait_ready LANE: until its /health/ready answers (60 s at most).
wait_ready() {
  local lane=$1 pid=${SERVER_PIDS[$(( $1 * 2 - 1 ))]}
  echo "e2e: waiting for ${BASE_URLS[$lane]}/health/ready"
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "e2e: the backend of lane $lane exited; its log:" >&2
      tail -n 50 "${LOGS[$lane]}" >&2
      return 1
    fi
    if "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "${BASE_URLS[$lane]}/health/ready" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "e2e: the backend of lane $lane did not become ready in 60 s; its log:" >&2
  tail -n 50 "${LOGS[$lane]}" >&2
  return 1
}

# Every lane, the first too, on a fresh copy: the demo database itself is never changed by
# a run, so a second run (the demo loads once) starts from the same data as the first.
for lane in $(seq 1 "$LANES"); do
  copy=$("$PY" -c "import sys; from backend.devdb import copy_database; print(copy_database(sys.argv[1], sys.argv[2]))" "$E2E_DATABASE" "${E2E_DATABASE}_lane$lane")
  start_server "$lane" "$copy"
done
for lane in $(seq 1 "$LANES"); do wait_ready "$lane" || exit 1; done

# The specs dealt to the lanes, heaviest first, each to the lane with the fewest tests so
# far (a spec's tests run in order in its lane, as they always did).
declare -A SPECS COUNT
for lane in $(seq 1 "$LANES"); do SPECS[$lane]=""; COUNT[$lane]=0; done
if [ "$LANES" -gt 1 ]; then
  while read -r tests spec; do
    lightest=1
    for lane in $(seq 2 "$LANES"); do
      if [ "${COUNT[$lane]}" -lt "${COUNT[$lightest]}" ]; then lightest=$lane; fi
    done
    SPECS[$lightest]+=" e2e/$spec"
    COUNT[$lightest]=$(( COUNT[$lightest] + tests ))
  done < <(cd storefront/e2e && for f in *.spec.ts; do echo "$(grep -cE '^\s*test\(' "$f") $f"; done | sort -k1,1nr -k2)
fi

run_lane() {
  local lane=$1; shift
  (cd storefront && BASE_URL="${BASE_URLS[$lane]}" E2E_SERVER_LOG="${LOGS[$lane]}" \
    STRIPE_API_BASE="${STRIPE_BASES[$lane]}" \
    E2E_OUTPUT_DIR="../$ARTIFACTS/playwright/lane$lane" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npx playwright test "$@")
}

status=0
if [ "$LANES" -eq 1 ]; then
  run_lane 1 "$@" || status=$?
else
  PIDS=()
  for lane in $(seq 1 "$LANES"); do
    # shellcheck disable=SC2086  # the list of spec paths splits on spaces
    run_lane "$lane" ${SPECS[$lane]} >"$ARTIFACTS/e2e-lane$lane.log" 2>&1 &
    PIDS+=($!)
  done
  for i in "${!PIDS[@]}"; do
    lane=$(( i + 1 ))
    lane_status=0
    wait "${PIDS[$i]}" || lane_status=$?
    echo "e2e: lane $lane (${COUNT[$lane]} tests:${SPECS[$lane]//e2e\// }) exit $lane_status"
    cat "$ARTIFACTS/e2e-lane$lane.log"
    if [ "$lane_status" -ne 0 ]; then status=$lane_status; fi
  done
fi
if [ "$status" -ne 0 ]; then
  echo "e2e: failed (exit $status); backend logs in $ARTIFACTS/e2e-server-*.log, traces in $ARTIFACTS/playwright" >&2
fi
echo "e2e: screenshots in $ARTIFACTS/screenshots"
exit "$status"
