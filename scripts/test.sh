#!/usr/bin/env bash
# Runs every check of Khảo sát, in order, stopping at the first failure (this is what CI runs):
#   setup → cargo fmt --check → build the UI → clippy -D warnings → PostgreSQL (scripts/pg.sh)
#   → core tests on SQLite and PostgreSQL → desktop shell tests → UI tests (headless chromium)
#   → build the app → end-to-end test of the real app under Xvfb (SQLite and PostgreSQL).
# PostgreSQL is required, never skipped: KHAOSAT_REQUIRE_PG=1 is exported for every step.
# Ends with one summary line; the exit status is non-zero when a step failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Builds go outside the clone by default, so re-runs (and re-clones on CI) reuse them; run.sh
# uses the same default so the two share one build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/khaosat/target}"
export PATH="$PATH:$HOME/.cargo/bin"
export KHAOSAT_REQUIRE_PG=1

started=$SECONDS
current=""
count=0

elapsed() {
  local s=$(($1))
  printf '%dm%02ds' $((s / 60)) $((s % 60))
}

finish() {
  local status=$?
  bash scripts/pg.sh stop || true
  if [ "$status" -eq 0 ]; then
    echo "test.sh: all $count steps passed in $(elapsed $((SECONDS - started)))"
  else
    echo "test.sh: FAILED at step $count ($current) after $(elapsed $((SECONDS - started)))"
  fi
}
trap finish EXIT

step() {
  count=$((count + 1))
  current=$1
  step_started=$SECONDS
  echo
  echo "==== [$count] $current"
}

done_step() {
  echo "---- [$count] $current: ok ($(elapsed $((SECONDS - step_started))))"
}

step "setup"
bash scripts/setup.sh
done_step

step "cargo fmt --check"
cargo fmt --all --check
done_step

step "build the UI"
(cd ui && npm run build)
done_step

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
done_step

step "PostgreSQL"
pg_env=$(bash scripts/pg.sh)
eval "$pg_env"
psql "$KHAOSAT_TEST_PG" -XAtqc 'select version()'
done_step

step "core tests (SQLite and PostgreSQL)"
cargo test -p khaosat
done_step

step "desktop shell tests"
cargo test -p khaosat-desktop
done_step

step "UI tests"
(cd ui && npm test)
done_step

step "build the app"
cargo build -p khaosat-desktop -p khaosat
done_step

step "end-to-end test under Xvfb"
xvfb-run -a -s "-screen 0 1920x1080x24" e2e/run.sh
done_step
