#!/usr/bin/env bash
# Machine a computes; machine b (another local directory) reads a's result from the
# remote and keeps it locally: with the remote stopped, b still hits. Per remote kind.
set -euo pipefail
machine=$1
cd "$2"
source "$(dirname "$0")/servers.sh"
start_redis
start_nginx
export EXECUTIONS=$PWD/executions.log VALUE_BYTES=1000
for url in "$redis_url" "$http_url"; do
  kind=${url%%:*}
  rm -rf a b "$EXECUTIONS"
  CACHEPY_CACHE_DIR=a CACHEPY_REMOTE_STORAGE=$url "$machine"
  CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE=$url CACHEPY_VERBOSE=1 "$machine" 2> b.log
  echo "$kind: executions $(wc -l < "$EXECUTIONS"), b's local entries $(find b -name '*.cpy' | wc -l)"
  echo "$kind: b's log: $(grep -o 'hit in .*' b.log)"
  CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE=$url CACHEPY_VERBOSE=1 "$machine" 2> b.log
  echo "$kind: b's log again: $(grep -o 'hit in .*' b.log)"
  CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE="redis://127.0.0.1:$(free_port)" "$machine" 2> b.err
  echo "$kind: remote gone, executions $(wc -l < "$EXECUTIONS"), warnings $(grep -c warning b.err || true)"
done

# 80 MB, stored as chunks and a manifest, through Redis.
rm -rf a b "$EXECUTIONS"
CACHEPY_CACHE_DIR=a CACHEPY_REMOTE_STORAGE=$redis_url VALUE_BYTES=80000000 "$machine"
CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE=$redis_url VALUE_BYTES=80000000 "$machine"
echo "80 MB: executions $(wc -l < "$EXECUTIONS"), chunks $(redis-cli -p "$redis_port" --scan --pattern '*.[0-9]*' | wc -l)"
