#!/usr/bin/env bash
# Hostile input that a row of tests/bad_input/catalogue.tsv cannot hold,
# because the store is meant to change, a file must not appear, or the
# point is time: duplicate JSON Lines ids are counted as failures, query sql
# streams and stops at --max-rows and --timeout and writes no file, a FIFO
# does not block, a killed run is marked interrupted, an open reader does not
# stop extract, and a foreign database stays byte for byte as it was.
#   hostile_input.sh BILIK
set -uo pipefail
bilik=$(realpath "$1")
source "$(dirname "$0")/scratch.sh"
cd "$tmp" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
printf 'Prezident İlham Əliyev Bakıda Qazaxıstan Prezidenti Qasım-Jomart Tokayev ilə görüşüb.\n' > good.txt
"$bilik" extract --quiet --db s.db good.txt > /dev/null || fail "baseline"

# Three JSON lines with one id: one stored, two reported and counted as failed.
printf '{"id": "a1", "text": "Bakı şəhəri."}\n{"id": "a1", "text": "Gəncə şəhəri."}\n{"id": "a1", "text": "Şuşa."}\n' > dup.jsonl
"$bilik" extract --db s.db dup.jsonl > out 2> err
[ $? = 1 ] || fail "duplicate ids: expected exit 1"
grep -q "(1 stored, 0 duplicates folded, 0 unchanged, 0 empty, 2 failed)" out || fail "duplicate ids: summary $(cat out)"
grep -q "dup.jsonl:2: id 'a1' was already used on line 1; this line is skipped (ids must be unique)" err || fail "duplicate ids: line 2"
grep -q "dup.jsonl:3: id 'a1' was already used on line 1" err || fail "duplicate ids: line 3"
[ "$(sqlite3 s.db "SELECT text FROM documents WHERE uri LIKE '%/dup.jsonl#a1'")" = "Bakı şəhəri." ] || fail "duplicate ids: the first line is not the one kept"
echo "ok   duplicate JSON Lines ids"

# query sql streams: the first rows of an endless query arrive at once, and
# --max-rows and --timeout stop it.
endless="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
[ "$(timeout 20 "$bilik" query --db s.db --format tsv --timeout 0 --max-rows 5 sql "$endless" 2> err | tail -1)" = 5 ] ||
  fail "--max-rows"
grep -q "query: stopped after 5 rows (--max-rows); more rows were left" err || fail "--max-rows warning"
start=$(date +%s)
timeout 120 "$bilik" query --db s.db --format csv --timeout 2 sql "$endless" > rows 2> err
status=$? took=$(( $(date +%s) - start ))
[ "$status" = 2 ] && [ "$took" -le 60 ] || fail "--timeout 2: exit $status after $took s"
grep -q "the query ran past --timeout 2 s" err || fail "--timeout message: $(cat err)"
[ "$(wc -l < rows)" -gt 1000 ] || fail "--timeout: rows were not streamed before the stop ($(wc -l < rows) lines)"
[ "$(timeout 20 "$bilik" query --db s.db --format tsv sql "$endless" 2> /dev/null | head -3 | tail -1)" = 2 ] ||
  fail "rows stream into a pipe"
echo "ok   query sql streams, --max-rows, --timeout"

# Nothing a query does writes a file: VACUUM INTO neither creates one nor fills an empty one.
: > victim.txt
"$bilik" query --db s.db sql "VACUUM INTO 'victim.txt'" 2> /dev/null && fail "VACUUM INTO ran"
"$bilik" query --db s.db sql "VACUUM INTO 'created.db'" 2> /dev/null && fail "VACUUM INTO ran"
[ ! -s victim.txt ] && [ ! -e created.db ] || fail "VACUUM INTO wrote a file"
[ -z "$("$bilik" query --db s.db --format json sql "DELETE FROM document" 2> /dev/null)" ] ||
  fail "a refused statement printed on stdout"
# The argument after sql is the statement, even when it starts with --.
[ "$("$bilik" query --db s.db --format tsv sql "-- one
SELECT 1 AS one" | tail -1)" = 1 ] || fail "a statement starting with a comment"
[ "$("$bilik" query --db s.db sql "SELECT 2 AS two" --format csv | tail -1)" = 2 ] || fail "options after the statement"
echo "ok   query sql writes nothing, reads -- as SQL"

# A FIFO with no writer does not block: it reads as an empty document, a warning.
mkfifo pipe.txt
timeout 10 "$bilik" extract --db s.db pipe.txt > /dev/null 2> err
[ $? = 0 ] || fail "a FIFO argument blocked or failed the run: $(cat err)"
grep -q "^warning: .*/pipe.txt: empty document, skipped" err || fail "FIFO message: $(cat err)"
echo "ok   a FIFO argument does not block"

# A killed run is marked interrupted by the next open, not left running.
mkdir news
for i in $(seq 1 1200); do
  printf 'Nazir Əli Məmmədov%s Bakıda Türkiyə nümayəndələri ilə görüşüb. Tərəflər %s milyon manatlıq layihəni müzakirə edib.\n' "$i" "$i" > "news/$i.txt"
done
"$bilik" extract --quiet --jobs 1 --db k.db news > /dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do
  [ "$(sqlite3 k.db "SELECT count(*) FROM run WHERE status = 'running'" 2> /dev/null)" = 1 ] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2> /dev/null
[ "$(sqlite3 k.db "SELECT status FROM runs WHERE id = 1")" = running ] || fail "the killed run was not left running"
"$bilik" extract --quiet --db k.db good.txt > /dev/null 2> err || fail "the run after a kill: $(cat err)"
[ "$(sqlite3 k.db "SELECT group_concat(status || ':' || coalesce(finished, 'NULL'), ' ') FROM (SELECT * FROM runs ORDER BY id)")" = \
  "interrupted:NULL finished:$(sqlite3 k.db "SELECT finished FROM runs WHERE id = 2")" ] || fail "runs after a kill: $(sqlite3 k.db 'SELECT * FROM runs')"
echo "ok   a killed run is marked interrupted"

# An open reader does not make extract fail (the store stays in WAL mode).
[ "$(sqlite3 s.db 'PRAGMA journal_mode')" = wal ] || fail "the store is not in WAL mode"
python3 -c "import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN'); c.execute('SELECT count(*) FROM document').fetchall()
open(sys.argv[2], 'w').close(); time.sleep(150)" s.db reading &
reader=$!
for _ in $(seq 100); do [ -e reading ] && break; sleep 0.1; done
printf 'Azərbaycan və Gürcüstan enerji sahəsində saziş imzalayıb.\n' > good2.txt
timeout 120 "$bilik" extract --quiet --db s.db good2.txt > /dev/null 2> err
status=$?
kill "$reader"; wait "$reader" 2> /dev/null
[ "$status" = 0 ] || fail "extract beside an open reader: exit $status: $(cat err)"
echo "ok   an open reader does not stop extract"

# A foreign database is not changed by a single byte; an empty file becomes a store.
sqlite3 other.db "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('owner', 'notes')"
before=$(md5sum < other.db)
"$bilik" extract --quiet --db other.db good.txt > /dev/null 2>&1 && fail "a foreign database was taken"
"$bilik" merge --quiet other.db s.db > /dev/null 2>&1 && fail "a foreign database was merged into"
[ "$(md5sum < other.db)" = "$before" ] && [ ! -e other.db-wal ] || fail "the foreign database changed"
: > empty.db
"$bilik" extract --quiet --db empty.db good.txt > /dev/null || fail "an empty file did not become a store"
[ "$(sqlite3 empty.db 'PRAGMA application_id')" = 1651076203 ] || fail "a new store lacks bilik's mark"
echo "ok   a foreign database is untouched, an empty file is initialised"

# export -o onto the store leaves it byte for byte as it was.
before=$(md5sum < s.db)
"$bilik" export --db s.db --format json -o s.db > /dev/null 2>&1 && fail "export onto its store"
[ "$(md5sum < s.db)" = "$before" ] || fail "export changed its store"
echo "hostile input: ok"
