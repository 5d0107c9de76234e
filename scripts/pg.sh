#!/usr/bin/env bash
# Makes a PostgreSQL admin URL available for the tests and prints it as shell code:
#
#   eval "$(scripts/pg.sh)"        # sets KHAOSAT_TEST_PG (and KHAOSAT_PG_CLUSTER, see below)
#   ...
#   scripts/pg.sh stop             # stops the throwaway cluster, if one was started
#
# The first that works wins:
#   1. $KHAOSAT_TEST_PG, if set and reachable;
#   2. postgres://postgres@127.0.0.1:5432/postgres, if reachable;
#   3. a throwaway cluster: initdb + pg_ctl in a temporary directory, on a free port, with its
#      unix socket inside that directory (Debian's `postgresql` package is installed if needed;
#      as root, the cluster runs as the `postgres` system user, since PostgreSQL refuses root).
#      Then KHAOSAT_PG_CLUSTER names its directory, and `scripts/pg.sh stop` removes it.
# KHAOSAT_PG_THROWAWAY=1 skips 1 and 2 (to test the fallback). "Reachable" means psql can log
# in and the role may create databases. Progress goes to stderr; stdout is only the exports.
set -euo pipefail

log() { echo "pg.sh: $*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

ensure_postgresql_installed() {
  if command -v psql >/dev/null 2>&1 && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    return
  fi
  log "installing Debian's postgresql package"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Can we log in with this URL, and may the role create the tests' databases?
usable() {
  local url=$1 answer
  command -v psql >/dev/null 2>&1 || return 1
  answer=$(PGCONNECT_TIMEOUT=3 psql "$url" -XAtqc \
    "select rolsuper or rolcreatedb from pg_roles where rolname = current_user" 2>/dev/null) || return 1
  [ "$answer" = t ]
}

stop_cluster() {
  local dir=${KHAOSAT_PG_CLUSTER:-}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then return 0; fi
  local bin owner
  bin=$(cat "$dir/bindir")
  owner=$(stat -c %U "$dir/data")
  log "stopping the throwaway cluster in $dir"
  as_user "$owner" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# Runs a command as the given user (directly when that is us).
as_user() {
  local user=$1; shift
  if [ "$user" = "$(id -un)" ]; then "$@"; else runuser -u "$user" -- "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  log "no free port found"; return 1
}

start_cluster() {
  ensure_postgresql_installed
  local bin user dir port
  bin=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    id -u "$user" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false "$user"
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/khaosat-pg.XXXXXX")
  echo "$bin" > "$dir/bindir"
  mkdir -p "$dir/data" "$dir/socket"
  chmod 755 "$dir"
  chown "$user" "$dir/data" "$dir/socket"
  port=$(free_port)
  log "starting a throwaway cluster ($bin) as $user on 127.0.0.1:$port in $dir"
  if ! as_user "$user" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
  fi
  if ! as_user "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
    cat "$dir/data/server.log" >&2; rm -rf "$dir"; return 1
  fi
  KHAOSAT_PG_CLUSTER=$dir
  URL="postgres://postgres@127.0.0.1:$port/postgres"
  if ! usable "$URL"; then
    log "the throwaway cluster does not answer"; stop_cluster; return 1
  fi
}

# Sourced (scripts/pg-tls.sh does, for the helpers above): define them and do nothing else.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then return 0; fi

if [ "${1:-}" = stop ]; then
  stop_cluster
  exit 0
fi

DEFAULT_URL="postgres://postgres@127.0.0.1:5432/postgres"
URL=""
KHAOSAT_PG_CLUSTER=""
if [ "${KHAOSAT_PG_THROWAWAY:-}" != 1 ]; then
  if [ -n "${KHAOSAT_TEST_PG:-}" ]; then
    if usable "$KHAOSAT_TEST_PG"; then URL=$KHAOSAT_TEST_PG; else log "KHAOSAT_TEST_PG is set but not usable; looking further"; fi
  fi
  if [ -z "$URL" ] && usable "$DEFAULT_URL"; then URL=$DEFAULT_URL; fi
fi
if [ -z "$URL" ]; then
  start_cluster
fi
log "PostgreSQL at $(sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$URL")"
printf 'export KHAOSAT_TEST_PG=%q\n' "$URL"
if [ -n "$KHAOSAT_PG_CLUSTER" ]; then
  printf 'export KHAOSAT_PG_CLUSTER=%q\n' "$KHAOSAT_PG_CLUSTER"
fi
