#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR [PORT]` creates it (initdb, trust auth, listening on
# 127.0.0.1 only) and starts it; `stop DIR` stops it and removes DIR. The server never runs as root: when called as
# root, it runs as the `postgres` user that Debian's package creates. Prints the database URL on start.
set -euo pipefail
cmd="${1:?usage: postgres-cluster.sh start|stop DIR [PORT]}"
dir="${2:?usage: postgres-cluster.sh start|stop DIR [PORT]}"
port="${3:-54329}"
bin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin="$candidate"; done
if [ -z "$bin" ]; then
  echo "postgres-cluster.sh: no PostgreSQL server found under /usr/lib/postgresql; install Debian's postgresql package (scripts/install-deps.sh does)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # 127.0.0.1 only, no Unix socket outside DIR; fsync off: a test cluster never outlives its tests.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "postgres-cluster.sh: unknown command $cmd (start or stop)" >&2; exit 2 ;;
esac
