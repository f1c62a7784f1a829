#!/usr/bin/env bash
# 8 processes x 8 threads ask for one slow missing entry at once.
set -euo pipefail
cd "$1"
rm -rf cache executions.log started.flag
for p in 1 2 3 4 5 6 7 8; do
  SLEEP_MS=1500 THREADS=8 ./slow_entry > "out.$p" &
done
wait
echo "executions $(wc -l < executions.log)"
echo "values $(cat out.* | grep -c '^value 42$')"
echo "leftovers $(find cache -name '*.computing' -o -name '*.lock' -o -name '*.tmp.*' | wc -l)"
echo "entries $(find cache -name '*.cpy' | wc -l)"
