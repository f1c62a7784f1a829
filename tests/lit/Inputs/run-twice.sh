# Runs ../prog twice in a directory named for the storage format given ($1), logging
# verbosely: the first run must miss, the second hit every call (no miss), neither
# warn, and the second print exactly what the first printed.
set -e
mkdir "$1" && cd "$1"
printf 'format: %s\nverbose: true\n' "$1" > c.yml
CACHEPY_CONFIG=c.yml ../prog > first.txt 2> first.log
CACHEPY_CONFIG=c.yml ../prog > second.txt 2> second.log
grep -q ': miss' first.log
grep -q ': hit' second.log
# (`! grep` would not stop a `set -e` script)
if grep ': miss' second.log || grep warning first.log second.log; then exit 1; fi
diff first.txt second.txt
