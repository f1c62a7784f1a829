#!/usr/bin/env bash
# Writers of large entries are killed with SIGKILL at random moments, again and
# again; some entries are then damaged by hand (a flipped byte, a truncation). A full
# read-back must find no wrong value, and the debris of the killed writers goes away.
set -euo pipefail
cd "$1"
rm -rf cache
kills=${KILLS:-15}
for i in $(seq "$kills"); do
  ./big_entries write &
  writer=$!
  sleep "0.$(( RANDOM % 9 + 1 ))"
  kill -9 "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
done
echo "killed $kills writers"
mapfile -t stored < <(find cache -name '*.cpy' | sort)
if [ "${#stored[@]}" -ge 3 ]; then
  python3 - "${stored[0]}" "${stored[1]}" <<'PY'
import sys
flip, cut = sys.argv[1], sys.argv[2]
data = bytearray(open(flip, 'rb').read())
data[len(data) // 2] ^= 0x10
open(flip, 'wb').write(data)
open(cut, 'r+b').truncate(1000)
PY
fi
./big_entries check 2> check.err
echo "damaged reported $(grep -c 'ignoring damaged entry' check.err || true)"
./big_entries check
echo "dead writers' temporaries left $(find cache -name '*.tmp.*' | wc -l)"
