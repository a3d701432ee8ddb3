#!/bin/sh
# The three-round walkthrough of docs/rounds.md on geneva-2025, in a fresh database.
# DEMO ANSWERS: each party's answer to a point is its recorded stance on that version in the
# built-in scenario (research data, many of them estimates), entered as if it had been sent
# back in a round; the notes say so. Nothing here is a real party's private answer.
# Usage: scripts/rounds-demo.sh [ACCORD_BINARY] [WORK_DIR]
set -eu
ACCORD=${1:-build/apps/accord/accord}
DIR=${2:-$(mktemp -d)}
mkdir -p "$DIR"
DB="$DIR/talks.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$ACCORD" db init --db "$DB" >/dev/null
"$ACCORD" db import geneva-2025 --db "$DB" >/dev/null
"$ACCORD" db export geneva-2025 --db "$DB" --format json -o "$DIR/geneva.json" 2>/dev/null

# answers VERSION PARTY > FILE: the recorded stances as a PUT …/responses body.
answers() {
  python3 - "$DIR/geneva.json" "$1" "$2" <<'PY'
import json, sys
doc, version, party = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
v = next(v for v in doc["framework"]["versions"] if v["id"] == version)
out = {}
for point, s in v.get("stances", {}).get(party, {}).items():
    kind = s if isinstance(s, str) else s.get("stance", "unknown")
    if kind != "unknown":
        out[point] = {"stance": kind, "note": "demo answer: the recorded stance on " + version}
print(json.dumps({"responses": out}))
PY
}

round=0
for version in v28 v19 v20; do
  round=$((round + 1))
  "$ACCORD" round open --db "$DB" geneva-2025 "$version" --parties UA,RU --by mediator
  for party in UA RU; do
    answers "$version" "$party" > "$DIR/$party-$version.json"
    "$ACCORD" round answer --db "$DB" geneva-2025 "$round" "$party" --file "$DIR/$party-$version.json" --by "$party-envoy"
  done
  "$ACCORD" round close --db "$DB" geneva-2025 "$round" --by mediator --json > "$DIR/close-$round.json"
  echo "round $round closed (summary: $DIR/close-$round.json)"
done

# Publish a next text from round 3 (demo edits: RU's rejected army cap raised, the contested
# Zaporizhzhia point bracketed out), then circulate it.
cat > "$DIR/edits.json" <<'JSON'
{"label": "Demo text after round 3", "date": "2025-12-02",
 "amend": {"P20_04": {"text": "Armed Forces of Ukraine capped at 700,000 in peacetime (demo edit)", "sets": {"army_cap": 700}}},
 "drop": ["P20_12"],
 "add": [{"text": "Zaporizhzhia NPP: left to a separate technical agreement under IAEA supervision (demo edit)", "after": "P20_11", "from": ["P20_12"]}]}
JSON
"$ACCORD" round publish --db "$DB" geneva-2025 3 --version v21 --edits "$DIR/edits.json" --by mediator
"$ACCORD" round open --db "$DB" geneva-2025 v21 --parties UA,RU --by mediator
"$ACCORD" round show --db "$DB" geneva-2025
