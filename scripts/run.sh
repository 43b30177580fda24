#!/usr/bin/env bash
# Sets everything up, builds Orchard and runs it: the server on http://127.0.0.1:8080/ with its
# SQLite database under data/. Extra arguments go to `orchard serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DORCHARD_BUILD_TESTS=OFF >/dev/null
cmake --build build
exec build/server/orchard serve --data data --demo "$@"
