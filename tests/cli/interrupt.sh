#!/usr/bin/env bash
# Ctrl-C (SIGINT) stops within the document being extracted and exits with 130, leaving a
# consistent store that the next run completes; --jobs 1 and --jobs 2 write
# the same store; --max-errors stops a run whose source is plainly wrong.
set -uo pipefail
bilik=$1 samples=$2
source "$(dirname "$0")/scratch.sh"
mkdir "$tmp/in"
for i in $(seq 1 300); do
  for f in "$samples"/*.txt; do { cat "$f"; echo "Nömrə $i."; } > "$tmp/in/$(basename "$f" .txt)-$i.txt"; done
done
"$bilik" extract --quiet --jobs 1 --db "$tmp/j1.db" "$tmp/in" > /dev/null
"$bilik" extract --quiet --jobs 2 --db "$tmp/j2.db" "$tmp/in" > /dev/null
for q in "SELECT id, type, name FROM entities ORDER BY id" "SELECT * FROM mentions ORDER BY id" "SELECT * FROM triples ORDER BY id"; do
  [ "$(sqlite3 "$tmp/j1.db" "$q" | md5sum)" = "$(sqlite3 "$tmp/j2.db" "$q" | md5sum)" ] || { echo "--jobs changes the store: $q"; exit 1; }
done
"$bilik" extract --quiet --db "$tmp/int.db" "$tmp/in" > /dev/null 2> "$tmp/err" &
pid=$!
# Interrupt once the first batch is stored.
for _ in $(seq 1 200); do
  n=$(sqlite3 "$tmp/int.db" 'SELECT count(*) FROM documents' 2> /dev/null || echo 0)
  [ "${n:-0}" -gt 0 ] && break
  sleep 0.05
done
kill -INT "$pid"
wait "$pid"
status=$?
cat "$tmp/err"
[ "$status" -eq 130 ] || { echo "expected exit status 130 after Ctrl-C, got $status"; exit 1; }
grep -q "interrupted" "$tmp/err" || exit 1
[ "$(sqlite3 "$tmp/int.db" 'PRAGMA integrity_check')" = ok ] || exit 1
"$bilik" extract --quiet --db "$tmp/int.db" "$tmp/in" > /dev/null
[ "$(sqlite3 "$tmp/int.db" 'SELECT count(*) FROM mentions')" = "$(sqlite3 "$tmp/j1.db" 'SELECT count(*) FROM mentions')" ] || exit 1
# Ctrl-C in the middle of one long document: nothing of it is stored, the
# store stays sound, and the next run stores it whole.
python3 -c 'import sys; t = "Azərbaycan Prezidenti İlham Əliyev Türkiyəyə rəsmi səfər edib və Ərdoğanla saziş imzalayıb, "; open(sys.argv[1], "w").write(t * (8 * 2**20 // len(t.encode())))' "$tmp/long.txt"
"$bilik" extract --quiet --db "$tmp/long.db" "$tmp/long.txt" > /dev/null 2> "$tmp/err3" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
status=$?
[ "$status" -eq 130 ] || { cat "$tmp/err3"; echo "expected 130 after Ctrl-C inside a long document, got $status"; exit 1; }
[ "$(sqlite3 "$tmp/long.db" 'SELECT count(*) FROM documents')" = 0 ] || { echo "a document cut short was stored"; exit 1; }
[ "$(sqlite3 "$tmp/long.db" 'PRAGMA integrity_check')" = ok ] || exit 1
"$bilik" extract --quiet --db "$tmp/long.db" "$tmp/long.txt" > /dev/null
[ "$(sqlite3 "$tmp/long.db" 'SELECT count(*) FROM documents')" = 1 ] || exit 1
mkdir "$tmp/bad"
for i in $(seq 1 20); do printf 'x\xff\n' > "$tmp/bad/$i.txt"; done
"$bilik" extract --quiet --max-errors 5 --db "$tmp/bad.db" "$tmp/bad" > /dev/null 2> "$tmp/err2"
[ "$(grep -c 'invalid UTF-8' "$tmp/err2")" -eq 5 ] || { cat "$tmp/err2"; exit 1; }
grep -q "max-errors 5" "$tmp/err2" || exit 1
echo "interrupt, --jobs, --max-errors: ok"
