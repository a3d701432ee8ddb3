#!/usr/bin/env bash
# Installs what the dashboard's build and browser tests need and runs `npm ci` in web/:
# Debian's chromium (+ chromium-driver) and nodejs/npm when missing. Idempotent.
# Node must be >= 20.19 (Vite 7); bookworm's own nodejs is 18, so a machine without a newer
# node gets a clear message instead of a broken build.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-web-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-web-deps: chromium, node and npm present"
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`install-web-deps: node ${process.versions.node} is too old; the dashboard build (Vite 7) needs node >= 20.19`); process.exit(1); }'
# npm ci: exactly the versions of web/package-lock.json; skips work when node_modules matches.
if [ ! -f web/node_modules/.package-lock.json ] || ! cmp -s web/package-lock.json web/node_modules/.accord-lock; then
  (cd web && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.accord-lock)
fi
