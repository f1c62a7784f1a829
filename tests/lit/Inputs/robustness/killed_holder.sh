#!/usr/bin/env bash
# The process computing an entry is killed (SIGKILL); the next caller must not wait
# for it, but take over at once.
set -euo pipefail
cd "$1"
rm -rf cache executions.log started.flag
SLEEP_MS=60000 ./slow_entry > /dev/null &
holder=$!
for _ in $(seq 200); do [ -e started.flag ] && break; sleep 0.05; done
echo "sentinels while computing $(find cache -name '*.computing' | wc -l)"
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
start=$(date +%s%N)
SLEEP_MS=0 timeout 20 ./slow_entry
echo "took over in under 5 s: $(( ($(date +%s%N) - start) < 5000000000 ))"
echo "executions $(wc -l < executions.log)"
echo "leftovers $(find cache -name '*.computing' -o -name '*.lock' | wc -l)"
