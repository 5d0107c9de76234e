#!/usr/bin/env bash
# Runs the end-to-end test (e2e/run.mjs) of the built desktop app: checks that tauri-driver,
# WebKitWebDriver, Xvfb and the e2e's npm packages are there, then runs the flow on SQLite and
# PostgreSQL. Without a display it re-runs itself under `xvfb-run -a`. Build first:
#   (cd ui && npm run build) && cargo build -p khaosat-desktop -p khaosat
# Missing tools fail the run when CI=true; otherwise the e2e is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/khaosat/target}"
export PATH="$PATH:$HOME/.cargo/bin"

missing=()
command -v tauri-driver >/dev/null 2>&1 || missing+=("tauri-driver (cargo install tauri-driver --locked)")
command -v WebKitWebDriver >/dev/null 2>&1 || [ -x /usr/bin/WebKitWebDriver ] \
  || missing+=("WebKitWebDriver (apt-get install webkit2gtk-driver)")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1 || missing+=("Xvfb (apt-get install xvfb xauth)")
fi
command -v node >/dev/null 2>&1 || missing+=("node")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'e2e: missing %s\n' "${missing[@]}"
  if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then
    echo "0 passed, ${#missing[@]} failed"
    exit 1
  fi
  echo "e2e: SKIPPED (scripts/setup.sh installs these; with CI=true this is a failure)"
  exit 0
fi

if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
exec node e2e/run.mjs "$@"
