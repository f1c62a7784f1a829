#!/usr/bin/env bash
# Remotes that fail: each run must print the right value, computed locally, with one
# warning naming the remote without its password.
set -euo pipefail
machine=$1 cachepy=$2
cd "$3"
source "$(dirname "$0")/servers.sh"
start_redis
redis=$redis_url
start_redis right-password
locked_port=$redis_port
start_silent
export EXECUTIONS=$PWD/executions.log VALUE_BYTES=1000
cli() { redis-cli -p "${redis##*:}" "$@"; }

# run NAME REMOTES [env...]: one machine with a fresh local directory.
run() {
  local name=$1 remotes=$2
  shift 2
  rm -rf "local-$name"
  env CACHEPY_CACHE_DIR="local-$name" CACHEPY_REMOTE_STORAGE="$remotes" "$@" "$machine" \
    2> "$name.err"
  echo "$name: warnings $(grep -c 'warning:' "$name.err" || true)"
  grep 'warning:' "$name.err" || true
}

down=$(free_port)
run down "redis://:secret-pw@127.0.0.1:$down"
run hung "redis://127.0.0.1:$silent_port|connect-timeout=100|operation-timeout=300 http://127.0.0.1:$silent_port/c|operation-timeout=300"
run password "redis://:wrong-pw@127.0.0.1:$locked_port"
run bad-urls "ftp://nowhere redis://127.0.0.1:1|colour=red"
grep -h 'secret-pw\|wrong-pw' ./*.err || echo "no password printed"

rm -f "$EXECUTIONS"
run writer "$redis"
for k in $(cli --scan); do cli SETRANGE "$k" 100 XXXX > /dev/null; done
run damaged "$redis"
for k in $(cli --scan); do cli SET "$k" CPYREMO > /dev/null; done
run truncated "$redis"
echo "executions $(wc -l < "$EXECUTIONS")"
"$cachepy" verify local-damaged > /dev/null && "$cachepy" verify local-truncated > /dev/null &&
  echo "the damaged bytes were not kept"

cli FLUSHALL > /dev/null
run read-only "$redis|read-only=true"
echo "keys after a read-only machine: $(cli DBSIZE)"

rm -f "$EXECUTIONS"
run signed-a "$redis|secret=team-a"
run signed-b "$redis|read-only=true" CACHEPY_REMOTE_SECRET=team-b
run signed-a-again "$redis" CACHEPY_REMOTE_SECRET=team-a
echo "signed executions $(wc -l < "$EXECUTIONS")"
