#!/usr/bin/env bash
# A throw-away PostgreSQL for tests: scripts/pg.sh install|start|log|stop
# start prints DISCLOSURE_TEST_POSTGRES_URL=...; the cluster listens on 127.0.0.1 only, in a temp folder.
# PGEXTRA adds server options at start (the benchmark logs autovacuum and checkpoints); log prints
# the server's log, which stop deletes with the cluster.
set -euo pipefail
PGPORT=${PGPORT:-54391}
PGDATA=${PGDATA:-${TMPDIR:-/tmp}/disclosure-pg-$PGPORT}
PGLOCALE=C.UTF-8

pgbin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (run: scripts/pg.sh install)" >&2; exit 1; }
  echo "$dir"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
install)
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  ;;
start)
  BIN=$(pgbin)
  "$0" stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
  if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$PGDATA"; else install -d -m 700 "$PGDATA"; fi
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --encoding=UTF8 --locale="$PGLOCALE" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PGEXTRA:-}" >/dev/null
  as_pg "$BIN/psql" -h "$PGDATA" -p "$PGPORT" -U postgres -qAt -v ON_ERROR_STOP=1 -d postgres \
    -c "CREATE ROLE disclosure LOGIN PASSWORD 'disclosure'" -c "CREATE DATABASE disclosure OWNER disclosure" >/dev/null
  echo "DISCLOSURE_TEST_POSTGRES_URL=postgres://disclosure:disclosure@127.0.0.1:$PGPORT/disclosure?tlsmode=disable"
  ;;
stop)
  BIN=$(pgbin)
  if [ -d "$PGDATA" ]; then as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$PGDATA"
  ;;
log)
  cat "$PGDATA/server.log"
  ;;
*)
  echo "usage: $0 install|start|log|stop" >&2
  exit 2
  ;;
esac
