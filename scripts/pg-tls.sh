#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster that speaks TLS, for the tests of sslmode, and prints it
# as shell code:
#
#   eval "$(scripts/pg-tls.sh)"        # sets the KHAOSAT_TLS_* variables below
#   ...
#   scripts/pg-tls.sh stop "$KHAOSAT_TLS_CLUSTER"   # stops the cluster and removes its directory
#
#   KHAOSAT_TLS_CLUSTER   the cluster's temporary directory
#   KHAOSAT_TLS_PORT      its TCP port (a free one)
#   KHAOSAT_TLS_CA        the certificate authority that signed the server's certificate
#   KHAOSAT_TLS_OTHER_CA  a second authority that signed nothing (a wrong sslrootcert)
#   KHAOSAT_TLS_HOST      a certified host name that is not `localhost` yet reaches this machine
#
# The server's certificate is for localhost, 127.0.0.1 and KHAOSAT_TLS_HOST. sqlx's `hostaddr=`
# replaces the host instead of only giving its address, so TLS would check the certificate
# against the address and the name would go untested. The host is therefore this machine's own
# name (`hostname`, which /etc/hosts maps to an address of this machine: 127.0.1.1 on Debian, the
# container's address in Docker), or, when that does not resolve, its first non-loopback IPv4
# address. The cluster listens on 127.0.0.1 and that address only; pg_hba.conf lets in the unix
# socket, TLS (`hostssl`) from those addresses, and plain text (`hostnossl`) from them, for the
# explicit sslmode=disable case: the superuser `postgres` trusted, every other role with a
# SCRAM-SHA-256 password (the people of the role tests). It is started as scripts/pg.sh starts its own (initdb + pg_ctl,
# as the `postgres` system user when run as root) with that script's helpers; nothing of the
# machine's own PostgreSQL changes. Progress goes to stderr; stdout is only the exports.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "$0")/pg.sh"
log() { echo "pg-tls.sh: $*" >&2; }

# Prints "NAME ADDRESS": a name for this machine that is not `localhost`, and the address of
# this machine it resolves to.
machine_name() {
  local name addr
  name=$(hostname)
  addr=$(getent ahostsv4 "$name" 2>/dev/null | awk 'NR == 1 { print $1 }') || true
  if [ -n "$name" ] && [ "$name" != localhost ] && [ -n "$addr" ] && own_address "$addr"; then
    echo "$name $addr"
    return
  fi
  addr=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n 1) || true
  if [ -z "$addr" ]; then
    log "this machine has neither a resolvable host name nor a non-loopback IPv4 address"
    return 1
  fi
  echo "$addr $addr"
}

own_address() {
  case $1 in
    127.*) return 0 ;;
    *) hostname -I 2>/dev/null | tr ' ' '\n' | grep -qxF "$1" ;;
  esac
}

# Runs openssl with its chatter in DIR/openssl.log, shown only when it fails.
quiet_openssl() {
  local dir=$1; shift
  openssl "$@" 2>>"$dir/openssl.log" || { cat "$dir/openssl.log" >&2; return 1; }
}

# A certificate authority: KEY and CRT in DIR, named NAME.
make_ca() {
  local dir=$1 name=$2
  printf '%s\n' "[req]" "distinguished_name = dn" "x509_extensions = ca" "[dn]" "[ca]" \
    "basicConstraints = critical, CA:TRUE" "keyUsage = critical, keyCertSign, cRLSign" \
    "subjectKeyIdentifier = hash" >"$dir/$name.cnf"
  quiet_openssl "$dir" req -x509 -config "$dir/$name.cnf" -newkey ec \
    -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=Khao sat test $name" \
    -keyout "$dir/$name.key" -out "$dir/$name.crt"
}

# The CA, the second CA and the server's key and certificate (signed by the CA) in DIR.
make_certificates() {
  local dir=$1 name=$2 addr=$3 san="DNS:localhost,IP:127.0.0.1"
  if [[ $name =~ ^[0-9.]+$ ]]; then san="$san,IP:$name"; else san="$san,DNS:$name"; fi
  if [ "$addr" != 127.0.0.1 ] && [ "$addr" != "$name" ]; then san="$san,IP:$addr"; fi
  make_ca "$dir" ca
  make_ca "$dir" other-ca
  printf '%s\n' "subjectAltName = $san" "basicConstraints = critical, CA:FALSE" \
    "keyUsage = critical, digitalSignature" "extendedKeyUsage = serverAuth" >"$dir/server.ext"
  quiet_openssl "$dir" req -new -config "$dir/ca.cnf" -newkey ec \
    -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$name" \
    -keyout "$dir/server.key" -out "$dir/server.csr"
  quiet_openssl "$dir" x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" \
    -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt"
  chmod 600 "$dir"/*.key
  chmod 644 "$dir"/*.crt
}

start_tls_cluster() {
  ensure_postgresql_installed
  command -v openssl >/dev/null 2>&1 || { log "openssl is needed (apt-get install openssl)"; return 1; }
  local bin user dir port name addr listen plain
  read -r name addr < <(machine_name) || true
  if [ -z "${addr:-}" ]; then return 1; fi
  bin=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    id -u "$user" >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false "$user"
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/khaosat-pg-tls.XXXXXX")
  echo "$bin" >"$dir/bindir"
  mkdir -p "$dir/data" "$dir/socket" "$dir/tls"
  # Whatever fails from here on leaves nothing behind.
  KHAOSAT_PG_CLUSTER=$dir
  trap stop_cluster EXIT
  # The keys are made while the directory is still private (mktemp's 0700), then opened up
  # for the server's user to reach its own files.
  make_certificates "$dir/tls" "$name" "$addr"
  chmod 755 "$dir" "$dir/tls"
  chown "$user" "$dir/data" "$dir/socket" "$dir/tls/server.key" "$dir/tls/server.crt"
  port=$(free_port)
  listen=127.0.0.1
  if [ "$addr" != 127.0.0.1 ]; then listen="$listen,$addr"; fi
  # A connection to a loopback address comes from 127.0.0.1, to another address from itself.
  plain="$addr/32"
  if [[ $addr == 127.* ]]; then plain=127.0.0.0/8; fi
  log "starting a TLS cluster ($bin) as $user on $name ($listen) port $port in $dir"
  if ! as_user "$user" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; return 1
  fi
  # The superuser `postgres` (the tests' own set-up) is trusted; every other role proves its
  # password with SCRAM, as the people of a call center do.
  {
    local kind from
    for line in "local:" "hostssl:127.0.0.0/8" "hostssl:$addr/32" "hostnossl:$plain"; do
      kind=${line%%:*}; from=${line#*:}
      if [ "$kind" = hostssl ] && [[ $from == 127.* ]] && [ "$from" != 127.0.0.0/8 ]; then continue; fi
      printf '%-9s all postgres %-18s trust\n' "$kind" "$from"
      printf '%-9s all all      %-18s scram-sha-256\n' "$kind" "$from"
    done
  } >"$dir/data/pg_hba.conf"
  if ! as_user "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
      -o "-p $port -k $dir/socket -c listen_addresses=$listen -c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key -c fsync=off -c full_page_writes=off" \
      start >/dev/null; then
    cat "$dir/data/server.log" >&2; return 1
  fi
  # libpq checks the whole chain the way the tests will: the CA, the name, TLS itself.
  if ! usable "postgres://postgres@$name:$port/postgres?sslmode=verify-full&sslrootcert=$dir/tls/ca.crt"; then
    log "the TLS cluster does not answer over verified TLS at $name:$port"; return 1
  fi
  trap - EXIT
  printf 'export KHAOSAT_TLS_CLUSTER=%q\n' "$dir"
  printf 'export KHAOSAT_TLS_PORT=%q\n' "$port"
  printf 'export KHAOSAT_TLS_CA=%q\n' "$dir/tls/ca.crt"
  printf 'export KHAOSAT_TLS_OTHER_CA=%q\n' "$dir/tls/other-ca.crt"
  printf 'export KHAOSAT_TLS_HOST=%q\n' "$name"
}

if [ "${1:-}" = stop ]; then
  dir=${2:?usage: scripts/pg-tls.sh stop DIR}
  # Only a directory this script made: never remove anything else.
  if [ ! -f "$dir/bindir" ] || [ ! -f "$dir/tls/ca.crt" ]; then
    log "$dir is not a cluster made by pg-tls.sh"; exit 1
  fi
  KHAOSAT_PG_CLUSTER=$dir stop_cluster
  exit 0
fi
start_tls_cluster
