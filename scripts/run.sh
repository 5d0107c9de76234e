#!/usr/bin/env bash
# Builds and starts Khảo sát on this machine: installs what is missing (scripts/setup.sh),
# builds the UI and the app, creates the database with the demo campaign (`khaosat init
# --demo`: on $KHAOSAT_DB if set, else the SQLite file in your data directory) and opens the
# desktop window. Needs a display (X11 or Wayland); on a headless machine use
#   xvfb-run -a scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The same build directory as scripts/test.sh, outside the clone, so the two share one build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/khaosat/target}"
export PATH="$PATH:$HOME/.cargo/bin"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): the Khảo sát window cannot open." >&2
  echo "run.sh: run it from a desktop session, or on a headless machine: xvfb-run -a scripts/run.sh" >&2
  exit 1
fi

echo "== setup"
bash scripts/setup.sh
echo "== building the UI"
(cd ui && npm run build)
echo "== building the app (the first build takes a few minutes)"
cargo build -p khaosat-desktop -p khaosat
echo "== database"
"$CARGO_TARGET_DIR/debug/khaosat" init --demo
echo "== starting Khảo sát"
exec "$CARGO_TARGET_DIR/debug/khaosat-desktop"
