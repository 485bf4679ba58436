#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:55432 for the tests (loopback only, trust auth, data in /tmp).
# Usage: source scripts/postgres.sh start   → exports BUSETTING_TEST_POSTGRES
#        scripts/postgres.sh stop
# Debian's packages never start services here; we run initdb + pg_ctl ourselves, as the postgres user.
port=55432
state=/tmp/busetting-pg
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "${1:-start}" in
  start)
    if [ -z "$pgbin" ]; then
      echo "PostgreSQL not installed (apt-get install -y postgresql): database tests run on SQLite only" >&2
      return 0 2>/dev/null || exit 0
    fi
    if ! as_postgres "$pgbin/pg_isready -h 127.0.0.1 -p $port -q"; then
      rm -rf "$state" && mkdir -p "$state"
      [ "$(id -u)" -eq 0 ] && chown postgres "$state"
      as_postgres "$pgbin/initdb -D $state/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 >$state/initdb.log 2>&1" \
        || { cat "$state/initdb.log" >&2; return 1 2>/dev/null || exit 1; }
      as_postgres "$pgbin/pg_ctl -D $state/data -l $state/server.log -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c max_connections=200\" start >/dev/null" \
        || { cat "$state/server.log" >&2; return 1 2>/dev/null || exit 1; }
    fi
    export BUSETTING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
    ;;
  stop)
    [ -n "$pgbin" ] && [ -d "$state/data" ] && as_postgres "$pgbin/pg_ctl -D $state/data -m fast stop >/dev/null" || true
    ;;
esac
