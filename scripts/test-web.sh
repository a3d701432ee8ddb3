#!/usr/bin/env bash
# The dashboard's checks (docs/dashboard.md "Tests"):
#   1. web/dist (committed) is exactly what the sources build to;
#   2. unit tests of the chart-data shaping (vitest);
#   3. end-to-end tests in headless Debian Chromium (playwright-core) against `accord serve` on
#      127.0.0.1 with a temporary database and mediator/party/observer tokens made with the CLI,
#      plus the self-contained HTML report; screenshots go to $ARTIFACTS.
# The server is always stopped, whatever fails. Needs a built CLI ($BUILD/apps/accord/accord).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start=$(date +%s)
BUILD=${BUILD:-build}
ACCORD=${ACCORD:-$root/$BUILD/apps/accord/accord}
ARTIFACTS=${ARTIFACTS:-$root/build/web-artifacts}
[ -x "$ACCORD" ] || { echo "test-web: $ACCORD not found; build first (make build)" >&2; exit 1; }

./scripts/install-web-deps.sh

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

echo "test-web: checking that web/dist matches the sources"
(cd web && npx tsc --noEmit && npx vite build --logLevel warn --outDir "$tmp/dist" --emptyOutDir)
if ! diff -r web/dist "$tmp/dist" >"$tmp/dist.diff"; then
  cat "$tmp/dist.diff" | head -20
  echo "test-web: web/dist is stale; run (cd web && npm run build) and commit web/dist" >&2
  exit 1
fi

echo "test-web: unit tests"
(cd web && npx vitest run)

echo "test-web: starting accord serve with a temporary database"
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
db="$tmp/talks.db"
export ACCORD_DB="$db"  # e2e files that need their own scenario or tokens (rounds.test.mjs) use the CLI on it
"$ACCORD" db init --db "$db" >/dev/null
"$ACCORD" db import geneva-2025 --db "$db" >/dev/null
export ACCORD_CLI="$ACCORD" ACCORD_MEDIATOR_TOKEN ACCORD_PARTY_TOKEN ACCORD_OBSERVER_TOKEN ACCORD_URL ACCORD_ARTIFACTS ACCORD_HTML_REPORT ACCORD_PARTY=UA
ACCORD_MEDIATOR_TOKEN=$("$ACCORD" token create --db "$db" --role mediator --name e2e-mediator 2>/dev/null)
ACCORD_PARTY_TOKEN=$("$ACCORD" token create --db "$db" --role party --party UA --name e2e-ua 2>/dev/null)
ACCORD_OBSERVER_TOKEN=$("$ACCORD" token create --db "$db" --role observer --name e2e-observer 2>/dev/null)
"$ACCORD" serve --db "$db" --host 127.0.0.1 --port 0 --static "$root/web/dist" --log-file "$ARTIFACTS/server.log" \
  >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$tmp/serve.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; echo "test-web: the server did not start" >&2; exit 1; }
  sleep 0.1
done
ACCORD_URL=$(sed -n 's/^accord: listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$tmp/serve.out" | head -1)
[ -n "$ACCORD_URL" ] || { echo "test-web: no listening line from accord serve" >&2; exit 1; }
echo "test-web: server at $ACCORD_URL (pid $server_pid)"

ACCORD_HTML_REPORT="$ARTIFACTS/report.html"
"$ACCORD" report geneva-2025 --html -o "$ACCORD_HTML_REPORT"
ACCORD_ARTIFACTS="$ARTIFACTS"

echo "test-web: end-to-end tests in headless Chromium"
(cd web && node --test --test-concurrency=1 --test-reporter=spec e2e/)
echo "test-web: done in $(( $(date +%s) - start ))s; screenshots in $ARTIFACTS"
