#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, from Debian's postgresql-15:
#   scripts/postgres_cluster.sh start DIR   makes a cluster in a new temporary folder, starts it on
#                                           a free loopback port and writes its URL to DIR/url
#   scripts/postgres_cluster.sh replica DIR PRIMARY
#                                           a streaming replica of the cluster started in the
#                                           folder PRIMARY, on a port of its own; URL in DIR/url
#   scripts/postgres_cluster.sh stop DIR    stops it and removes its folder
# PostgreSQL refuses to run as root, so as root the cluster belongs to the unprivileged user
# `postgres` (made by Debian's package); its folder is under /tmp, which that user can reach
# wherever DIR is. Only loopback connections are accepted, without password.
set -euo pipefail
command=${1:?start or stop}
dir=$(realpath -m "${2:?folder}")
bin=/usr/lib/postgresql/15/bin
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

new_cluster() {
  mkdir -p "$dir"
  "$0" stop "$dir" # one a killed run left behind
  cluster=$(mktemp -d /tmp/orchard-postgres.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$cluster"
  echo "$cluster" >"$dir/cluster"
}
run_cluster() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Settings for tests on a small machine: enough connections for several servers' pools, no
  # fsync wait (a throw-away cluster; durability is SQLite's and PostgreSQL's own business).
  as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" >/dev/null
  echo "postgresql://orchard@127.0.0.1:$port" >"$dir/url"
  cat "$dir/url"
}

case $command in
start)
  new_cluster
  as_owner "$bin/initdb" -D "$cluster/data" -U orchard --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  run_cluster
  ;;
replica)
  primary=$(cat "$(realpath -m "${3:?the folder of the primary}")/url")
  new_cluster
  # A copy of the primary that follows it from then on (-R: as a standby of it).
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "${primary##*:}" -U orchard -D "$cluster/data" \
    -R -X stream >"$dir/basebackup.log" 2>&1
  run_cluster
  ;;
stop)
  [ -f "$dir/cluster" ] || exit 0
  cluster=$(cat "$dir/cluster")
  if [ -d "$cluster/data" ]; then
    as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
    cp "$cluster/server.log" "$dir/server.log" 2>/dev/null || true
    rm -rf "$cluster"
  fi
  rm -f "$dir/cluster" "$dir/url"
  ;;
*)
  echo "usage: $0 start|stop DIR, or replica DIR PRIMARY" >&2
  exit 2
  ;;
esac
