#!/usr/bin/env bash
# Three Orchard servers on one PostgreSQL database behind HAProxy, on this machine: the shape of a
# deployment with no single server to lose (docs/scaling.md). On real machines, run one server per
# machine with the same arguments and point deploy/haproxy.cfg at them.
#
#   deploy/run.sh postgresql://user@host/name [PORT]
#
# Browsers and frontends connect to PORT (default 8080); the servers listen on PORT+1..PORT+3.
# Builds Orchard first (as scripts/run.sh does). Stops everything on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:?usage: deploy/run.sh postgresql://user@host/name [PORT]}
port=${2:-8080}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DORCHARD_BUILD_TESTS=OFF >/dev/null
cmake --build build

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait; }
trap stop EXIT INT TERM
for i in 1 2 3; do
    mkdir -p "data/server$i"
    # Behind the proxy every connection comes from it: no per-address connection limit here
    # (HAProxy's maxconn bounds them), and the client's address from its X-Forwarded-For.
    build/server/orchard serve --database "$database" --data "data/server$i" \
        --port $((port + i)) --trusted-proxy 127.0.0.1 --max-connections-per-address 0 \
        --public-url "http://127.0.0.1:$port" --quiet &
    pids+=($!)
done
ORCHARD_LISTEN="0.0.0.0:$port" ORCHARD_SERVER_1="127.0.0.1:$((port + 1))" \
    ORCHARD_SERVER_2="127.0.0.1:$((port + 2))" ORCHARD_SERVER_3="127.0.0.1:$((port + 3))" \
    haproxy -db -f deploy/haproxy.cfg &
pids+=($!)
echo "Orchard is at http://127.0.0.1:$port/ (three servers behind HAProxy)"
wait -n
