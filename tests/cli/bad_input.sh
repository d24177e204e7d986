#!/usr/bin/env bash
# Bad input is reported with the file (and byte offset), the rest of the run
# goes on, and the exit status says something failed; an empty file is only
# a warning.
set -uo pipefail
bilik=$1
source "$(dirname "$0")/scratch.sh"
printf 'Prezident İlham Əliyev Bakıda çıxış edib.\n' > "$tmp/good.txt"
printf 'Bakı \xff\xfe şəhəri\n' > "$tmp/bad-utf8.txt"
: > "$tmp/empty.txt"
printf 'abc\0def' > "$tmp/binary.txt"
"$bilik" extract --db "$tmp/store.db" "$tmp/good.txt" "$tmp/bad-utf8.txt" "$tmp/empty.txt" "$tmp/binary.txt" \
  "$tmp/missing.txt" > "$tmp/out" 2> "$tmp/err"
status=$?
cat "$tmp/out" "$tmp/err"
[ $status -eq 1 ] || { echo "expected exit status 1, got $status"; exit 1; }
grep -q "bad-utf8.txt: byte 6 (line 1): invalid UTF-8, byte 0xFF, which never occurs in UTF-8" "$tmp/err" || exit 1
grep -q "^warning: .*empty.txt: empty document, skipped" "$tmp/err" || exit 1
grep -q "binary.txt: byte 3 (line 1): NUL byte" "$tmp/err" || exit 1
grep -q "missing.txt: no such file or folder" "$tmp/err" || exit 1
[ "$(sqlite3 "$tmp/store.db" 'SELECT count(*) FROM documents')" = 1 ] || exit 1
# Rule packs, stores, archives and the rest: tests/bad_input/catalogue.tsv.
