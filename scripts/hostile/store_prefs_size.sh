#!/bin/sh
# Item 14 of issue 10: database size after 30 preference writes through the server.
# usage: scripts/hostile/store_prefs_size.sh ACCORD_BINARY [WORKDIR]
# Imports geneva-2025, starts `accord serve` on a free loopback port, PUTs one party's
# preferences 30 times (GET, change the reservation, PUT with the current revision), stops the
# server, and prints the size of the database file (after a checkpoint, so the WAL is folded in).
set -eu
BIN=$1
DIR=${2:-$(mktemp -d)}
mkdir -p "$DIR"
DB=$DIR/prefs.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" db init --db "$DB" >/dev/null
"$BIN" db import geneva-2025 --db "$DB" >/dev/null
TOKEN=$("$BIN" token create --db "$DB" --role mediator --name size-test 2>/dev/null)
"$BIN" serve --db "$DB" --port 0 >"$DIR/serve.out" 2>"$DIR/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
PORT=
for _ in $(seq 50); do
  PORT=$(grep -o '127.0.0.1:[0-9]*' "$DIR/serve.out" "$DIR/serve.err" 2>/dev/null | head -1 | sed 's/.*://') || true
  [ -n "$PORT" ] && break
  sleep 0.1
done
URL=http://127.0.0.1:$PORT/api/scenarios/geneva-2025/preferences/UA
for i in $(seq 30); do
  curl -s -H "Authorization: Bearer $TOKEN" "$URL" | python3 -c '
import json, sys
d = json.load(sys.stdin); i = int(sys.argv[1])
p = d["preferences"]; p["reservation"] = round(0.30 + i / 1000, 3)
print(json.dumps({"revision": d["revision"], "preferences": p}))' "$i" >"$DIR/body.json"
  curl -s -o /dev/null -w '%{http_code}\n' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary @"$DIR/body.json" "$URL"
done | sort | uniq -c
kill $PID; wait $PID 2>/dev/null || true
trap - EXIT
python3 - "$DB" <<'PY'
import os, sqlite3, sys
db = sys.argv[1]
c = sqlite3.connect(db); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()
print("db bytes:", os.path.getsize(db))
PY
