#!/usr/bin/env bash
# `cachepy stats|ls|clear --remote URL` against a Redis holding two entries.
set -euo pipefail
machine=$1 cachepy=$2
cd "$3"
source "$(dirname "$0")/servers.sh"
start_redis
export EXECUTIONS=$PWD/executions.log CACHEPY_REMOTE_STORAGE=$redis_url
CACHEPY_CACHE_DIR=a VALUE_BYTES=1000 "$machine" > /dev/null
CACHEPY_CACHE_DIR=a VALUE_BYTES=2000 "$machine" > /dev/null
"$cachepy" stats --remote "$redis_url"
"$cachepy" ls --remote "$redis_url" --json
"$cachepy" clear --remote "$redis_url" < /dev/null || echo "exit $?"
"$cachepy" clear --remote "$redis_url" --yes
"$cachepy" stats --remote "$redis_url" --json
"$cachepy" stats 2>&1 || echo "exit $?"
"$cachepy" stats --remote "redis://:pw@127.0.0.1:$(free_port)" 2>&1 || echo "exit $?"
