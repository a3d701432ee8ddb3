#!/usr/bin/env bash
# Loopback load test of `accord serve` (wrk from Debian). Bounded: each run lasts DURATION
# seconds (default 10). Usage: scripts/bench-server.sh [BUILD_DIR] [DURATION] [SCENARIO]
#   1. GET /api/scenarios/{id} with a mediator token, 32 connections (read path, cached view);
#   2. a write-heavy mix: PUT stances (each request based on the revision last seen by its
#      wrk thread, so stale writes get 409) — reports throughput, 409s and other errors.
set -euo pipefail
BUILD=${1:-build}
DURATION=${2:-10}
SCENARIO=${3:-example-small}
ACCORD="$BUILD/apps/accord/accord"
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (scripts/install-deps.sh)"; exit 1; }
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
DB="$WORK/bench.db"
"$ACCORD" db init --db "$DB" >/dev/null
"$ACCORD" db import "$SCENARIO" --db "$DB" >/dev/null
ID=$("$ACCORD" db list --db "$DB" | cut -f1 | head -1)
TOKEN=$("$ACCORD" token create --db "$DB" --role mediator 2>/dev/null)
"$ACCORD" serve --db "$DB" --port 0 --log-file "$WORK/server.log" >"$WORK/serve.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$WORK/serve.out")
URL="http://127.0.0.1:$PORT"
echo "== scenario $ID, server on $URL, $(nproc) CPUs"

echo "== 1. GET /api/scenarios/$ID, mediator token, 32 connections, ${DURATION}s"
wrk -t2 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL/api/scenarios/$ID"

# First version and party and its points, for the write mix.
read -r VERSION PARTY POINTS < <(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/scenarios/$ID" | python3 -c '
import json, sys
s = json.load(sys.stdin)["scenario"]
v = s["framework"]["versions"][-1]
print(v["id"], s["parties"][0]["id"], ",".join(p["id"] for p in v["points"]))')
cat >"$WORK/write.lua" <<LUA
local points = {}
for p in string.gmatch("$POINTS", "[^,]+") do points[#points + 1] = p end
local kinds = {"accept", "reject", "conditional"}
local rev = "1"
local n = 0
local status = {}
request = function()
  n = n + 1
  local point = points[(n % #points) + 1]
  local body = '{"stances": {"' .. point .. '": {"stance": "' .. kinds[(n % 3) + 1] .. '", "note": "bench ' .. n .. '"}}}'
  return wrk.format("PUT", "/api/scenarios/$ID/versions/$VERSION/stances/$PARTY",
    {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json", ["If-Match"] = '"' .. rev .. '"'}, body)
end
response = function(s, headers, body)
  local etag = headers["ETag"] or headers["etag"]
  if etag then rev = string.gsub(etag, '"', '') end
  status[s] = (status[s] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d of %d\n", summary.errors.status, summary.requests))
end
LUA
echo "== 2. PUT stances (write-heavy), 32 connections, ${DURATION}s"
wrk -t2 -c32 -d"${DURATION}s" --latency -s "$WORK/write.lua" "$URL"
echo "== status counts from the server log"
grep -o 'method=PUT [^ ]* status=[0-9]*' "$WORK/server.log" | awk '{print $3}' | sort | uniq -c
echo "== integrity"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
sqlite3 "$DB" "PRAGMA integrity_check; SELECT COUNT(*) || ' stance rows' FROM stances;" 2>/dev/null || true
