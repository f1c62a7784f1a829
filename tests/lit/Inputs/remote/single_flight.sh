#!/usr/bin/env bash
# Single flight across machines through Redis: each machine is a process with its own
# local cache directory, so only the remote lock keeps them from computing twice.
set -euo pipefail
machine=$1
cd "$2"
source "$(dirname "$0")/servers.sh"
start_redis
export EXECUTIONS=$PWD/executions.log VALUE_BYTES=1000 STARTED=$PWD/started.flag
cli() { redis-cli -p "$redis_port" "$@"; }

# Six machines miss one key at once: one computes, five read its entry.
machines=()
for m in 1 2 3 4 5 6; do
  CACHEPY_CACHE_DIR=race-$m CACHEPY_REMOTE_STORAGE=$redis_url SLEEP_MS=1500 "$machine" > "race.$m" &
  machines+=($!)
done
wait "${machines[@]}" # not the servers
echo "race: executions $(wc -l < "$EXECUTIONS"), values $(sort -u race.* | wc -l)x$(cat race.* | wc -l)"
echo "locks left $(cli --scan --pattern '*.lock' | wc -l)"

# The holder is killed (SIGKILL) while computing: its 2 s lease runs out and the next
# machine takes over.
cli FLUSHALL > /dev/null
rm -f "$EXECUTIONS" "$STARTED"
remote="$redis_url|lock-lease=2"
CACHEPY_CACHE_DIR=killed CACHEPY_REMOTE_STORAGE=$remote SLEEP_MS=60000 "$machine" &
holder=$!
for _ in $(seq 500); do [ -e "$STARTED" ] && break; sleep 0.02; done
echo "lease held while computing: $(cli --scan --pattern '*.lock' | wc -l)"
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
CACHEPY_CACHE_DIR=next CACHEPY_REMOTE_STORAGE=$remote timeout 60 "$machine"
echo "killed: executions $(wc -l < "$EXECUTIONS")"

# A computation three times longer than the 1 s lease: renewed, so the other machine
# waits and reads its entry.
cli FLUSHALL > /dev/null
rm -f "$EXECUTIONS" "$STARTED"
remote="$redis_url|lock-lease=1"
CACHEPY_CACHE_DIR=long CACHEPY_REMOTE_STORAGE=$remote SLEEP_MS=3000 "$machine" > long.out &
long=$!
for _ in $(seq 500); do [ -e "$STARTED" ] && break; sleep 0.02; done
CACHEPY_CACHE_DIR=patient CACHEPY_REMOTE_STORAGE=$remote "$machine"
wait "$long"
echo "long: executions $(wc -l < "$EXECUTIONS")"
