#!/usr/bin/env bash
# A Redis password and a secret holding a blank, '|', '@' and '%', percent-encoded in the
# URL: they work, and no output of the runtime (verbose) or of the CLI (remote from the
# environment, the configuration or the command line) holds any piece of them, even when
# they are mistyped unencoded.
set -euo pipefail
machine=$1 cachepy=$2
cd "$3"
source "$(dirname "$0")/servers.sh"
start_redis 'zq1 xv2|kj3@mm4%'
port=$redis_port
address="redis://:zq1%20xv2%7Ckj3%40mm4%25@127.0.0.1:$port"
url="$address|secret=tk5%20sh6%7Cky7"
export EXECUTIONS=$PWD/executions.log VALUE_BYTES=1000 CACHEPY_VERBOSE=1
mkdir out
# run NAME COMMAND...: its stdout and stderr kept in out/NAME; its warnings counted.
run() {
  local name=$1
  shift
  "$@" > "out/$name" 2>&1 || echo "$name: exit $?"
  echo "$name: warnings $(grep -c 'warning:' "out/$name" || true)"
}

run a env CACHEPY_CACHE_DIR=a CACHEPY_REMOTE_STORAGE="$url" "$machine"
run b env CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE="$url" "$machine"
echo "executions $(wc -l < "$EXECUTIONS")"
# Signed with the whole secret: its first word alone is another secret, whose entries
# live under other names, so it computes its own, quietly.
run first-word env CACHEPY_CACHE_DIR=c CACHEPY_REMOTE_STORAGE="$address|secret=tk5" "$machine"
echo "executions $(wc -l < "$EXECUTIONS")"

# Mistakes: the password unencoded, the secret's blank unencoded, another password.
run raw-password env CACHEPY_CACHE_DIR=d \
  CACHEPY_REMOTE_STORAGE="redis://:zq1%20xv2|kj3@mm4%@127.0.0.1:$port" "$machine"
run raw-blank env CACHEPY_CACHE_DIR=e \
  CACHEPY_REMOTE_STORAGE="$address|secret=tk5 sh6|ky7" "$machine"
run wrong-password env CACHEPY_CACHE_DIR=f \
  CACHEPY_REMOTE_STORAGE="redis://:zq1%20xv2@127.0.0.1:$port" "$machine"
cat out/raw-password out/raw-blank out/wrong-password | grep 'warning:'

# The CLI, its remote from the environment, the configuration, the command line.
run stats env CACHEPY_REMOTE_STORAGE="$url" "$cachepy" stats --remote
run ls env CACHEPY_REMOTE_STORAGE="$url" "$cachepy" ls --remote --json
printf 'remote_storage:\n  - "%s"\n' "$url" > cachepy.yml
run config env -u CACHEPY_REMOTE_STORAGE CACHEPY_CONFIG="$PWD/cachepy.yml" "$cachepy" stats --remote --json
run command-line "$cachepy" stats --remote "redis://:zq1%20xv2@127.0.0.1:$port"
run bad-attribute "$cachepy" stats --remote "$address|secret=tk5|sh6"
run clear env CACHEPY_CONFIG="$PWD/cachepy.yml" "$cachepy" clear --remote --yes
run none env -u CACHEPY_REMOTE_STORAGE "$cachepy" stats --remote
cat out/stats out/ls out/config out/command-line out/bad-attribute out/clear out/none

grep -rl -e zq1 -e xv2 -e kj3 -e mm4 -e tk5 -e sh6 -e ky7 out || echo "no piece of a credential printed"
