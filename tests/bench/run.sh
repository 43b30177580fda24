#!/usr/bin/env bash
# Builds the release configuration and runs every benchmark, printing their figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
echo "== client load =="
ORCHARD_SERVER=build/server/orchard ORCHARD_PUBLIC_DIR=build/public node tests/bench/client_load.mjs
echo "== client workflow: first interactive frame, CPU per frame, idle frames, heap =="
ORCHARD_SERVER=build/server/orchard ORCHARD_PUBLIC_DIR=build/public node tests/bench/client_tasks.mjs
echo "== text in other scripts: 200 messages in mixed scripts against Latin only (first frame, font bytes, CPU per frame) =="
ORCHARD_SERVER=build/server/orchard ORCHARD_PUBLIC_DIR=build/public node tests/bench/scripts_frames.mjs
echo "== typing: main-thread time per key and key to paint, client against a plain textarea =="
ORCHARD_SERVER=build/server/orchard ORCHARD_PUBLIC_DIR=build/public node tests/bench/typing.mjs
echo "== HTTP /api/v1/health =="
build/tests/bench/bench_http_health
echo "== idle connections: health and task cycles with 0, 1,000, 10,000 held open, before and after =="
ORCHARD_BASELINE_SERVER=$(tests/bench/baseline_server.sh) build/tests/bench/bench_idle_connections
echo "== task lifecycle load, 1/8/32 concurrent frontend users =="
build/tests/bench/bench_task_load "${ORCHARD_BENCH_SECONDS:-8}" "${ORCHARD_BENCH_ROUNDS:-3}"
echo "== task requests on a large database =="
# 100,000 trees take many minutes to generate on a small machine; ORCHARD_BENCH_TREES=10000 for a
# quick look.
build/tests/bench/bench_big_db "${ORCHARD_BENCH_TREES:-100000}"
echo "== dataset export: each format against sqlite3 writing the same messages as JSON =="
build/tests/bench/bench_export "${ORCHARD_BENCH_EXPORT_TREES:-74000}" 3
echo "== PostgreSQL: task lifecycle with one server and three behind HAProxy; migrate of the large database =="
# A throw-away cluster on loopback (docs/scaling.md), stopped whatever happens.
pg_state=$(mktemp -d)
scripts/postgres_cluster.sh start "$pg_state" >/dev/null
trap 'scripts/postgres_cluster.sh stop "$pg_state" >/dev/null' EXIT
pg_url=$(cat "$pg_state/url")
ORCHARD_TEST_POSTGRES=$pg_url build/tests/bench/bench_task_load "${ORCHARD_BENCH_SECONDS:-8}" "${ORCHARD_BENCH_ROUNDS:-3}"
ORCHARD_TEST_POSTGRES=$pg_url ORCHARD_BENCH_SERVERS=3 build/tests/bench/bench_task_load "${ORCHARD_BENCH_SECONDS:-8}" "${ORCHARD_BENCH_ROUNDS:-3}"
ORCHARD_TEST_POSTGRES=$pg_url build/tests/bench/bench_migrate "${ORCHARD_BENCH_EXPORT_TREES:-74000}" 3
echo "== explorer: search and the newest trees, p50 and p99, against the OA cursor search =="
build/tests/bench/bench_explorer_search "${ORCHARD_BENCH_EXPORT_TREES:-74000}" 200
echo "== rewards: one ledger event and leaderboard reads at 100,000 users, 5,000,000 ledger rows =="
build/tests/bench/bench_rewards "${ORCHARD_BENCH_USERS:-100000}" "${ORCHARD_BENCH_LEDGER_ROWS:-5000000}"
echo "== commits with a full page cache: Orchard's page cache against SQLite's own =="
build/tests/bench/bench_page_cache
echo "== soak: legitimate load plus the fuzzer; 5xx, health latency, memory growth =="
ORCHARD_SOAK_SECONDS="${ORCHARD_SOAK_SECONDS:-600}" build/tests/bench/bench_soak
