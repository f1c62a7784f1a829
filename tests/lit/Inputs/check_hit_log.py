# Reads `cachepy ls --json` on stdin: every entry of the one function was hit HITS times,
# there are ENTRIES of them ("N-pruned": fewer than N), and the function's hits.log
# stays small and names only keys that still have an entry.
import glob, json, os, sys

expected_entries, expected_hits = sys.argv[1], int(sys.argv[2])
(function,) = json.load(sys.stdin)["functions"]
entries = function["entries"]
if expected_entries.endswith("-pruned"):
    assert 0 < len(entries) < int(expected_entries[:-7]), len(entries)
else:
    assert len(entries) == int(expected_entries), len(entries)
assert all(e["hits"] == expected_hits for e in entries), [e["hits"] for e in entries]

(log,) = glob.glob("cache/" + function["directory"] + "/hits.log")
# One process appends about 40 bytes per key it hit; without compaction the log of ten
# processes hitting 600 keys would hold 6000 lines.
size = os.path.getsize(log)
assert size < 70 * 1024, size
keys = {e["key"] for e in entries}
logged = {line.split()[0] for line in open(log)}
assert logged <= keys, sorted(logged - keys)[:3]
print("ok", len(entries), "entries,", size, "bytes of hits.log")
