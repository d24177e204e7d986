#!/usr/bin/env bash
# A run killed with SIGKILL at a random point leaves a consistent store, and
# the next run finishes the rest without duplicates: the store then equals
# the store of one uninterrupted run.
set -euo pipefail
bilik=$1 samples=$2
source "$(dirname "$0")/scratch.sh"
mkdir -p "$tmp/in"
# 600 small articles made from the bundled samples, each a distinct text,
# and 100 copies under other names (one document each, with two sources).
for i in $(seq 1 200); do
  for f in "$samples"/*.txt; do
    { cat "$f"; echo; echo "Nömrə $i."; } > "$tmp/in/$(basename "$f" .txt)-$i.txt"
  done
  [ "$i" -gt 100 ] || cp "$tmp/in/$(basename "$f" .txt)-$i.txt" "$tmp/in/copy-$i.txt"
done
"$bilik" extract --quiet --db "$tmp/whole.db" "$tmp/in" > /dev/null
for attempt in 1 2 3; do
  rm -f "$tmp/killed.db"*
  "$bilik" extract --quiet --db "$tmp/killed.db" "$tmp/in" > /dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -f "$tmp/killed.db" ]; then
    [ "$(sqlite3 "$tmp/killed.db" 'PRAGMA integrity_check')" = ok ] || { echo "corrupt after kill"; exit 1; }
    [ -z "$(sqlite3 "$tmp/killed.db" 'PRAGMA foreign_key_check')" ] || { echo "foreign keys broken after kill"; exit 1; }
    echo "attempt $attempt: killed with $(sqlite3 "$tmp/killed.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0) documents stored"
  fi
  "$bilik" extract --quiet --db "$tmp/killed.db" "$tmp/in" > /dev/null
  for q in "SELECT count(*) FROM documents" "SELECT count(*) FROM mentions" "SELECT count(*) FROM entities" \
           "SELECT count(*) FROM figures" "SELECT count(*) FROM triples" \
           "SELECT count(*) FROM (SELECT uri FROM documents GROUP BY uri HAVING count(*) > 1)" \
           "SELECT count(*) FROM document_sources" \
           "SELECT count(*) FROM (SELECT text FROM documents GROUP BY text HAVING count(*) > 1)"; do
    a=$(sqlite3 "$tmp/whole.db" "$q"); b=$(sqlite3 "$tmp/killed.db" "$q")
    [ "$a" = "$b" ] || { echo "after resume, '$q' gives $b, one run gives $a"; exit 1; }
  done
done
[ "$(sqlite3 "$tmp/whole.db" 'SELECT count(*) || " " || (SELECT count(*) FROM document_sources) FROM documents')" = "600 700" ] \
  || { echo "one run: not 600 documents with 700 sources"; exit 1; }
echo "kill and resume: consistent, no duplicates, nothing lost"
