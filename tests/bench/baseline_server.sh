#!/usr/bin/env bash
# Builds the server as it was before the event-driven HTTP layer (cpp-httplib, a thread per
# connection; commit d905a8c) into build-baseline/, for benchmarks that compare the two in one run.
# Prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
commit=d905a8c
tree=$root/build-baseline/source
if [ ! -d "$tree" ]; then
  git worktree add --detach "$tree" "$commit" >/dev/null 2>&1
fi
cmake -S "$tree" -B "$root/build-baseline/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DORCHARD_BUILD_TESTS=OFF -DORCHARD_BUILD_CLIENT=OFF -DORCHARD_DEPS_DIR="$root/.deps" >/dev/null
cmake --build "$root/build-baseline/build" --target orchard >&2
echo "$root/build-baseline/build/server/orchard"
