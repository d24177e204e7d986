#!/usr/bin/env bash
# Bad input is reported with the file (and byte offset), the rest of the run
# goes on, and the exit status says something failed.
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
grep -q "empty.txt: the file is empty" "$tmp/err" || exit 1
grep -q "binary.txt: byte 3 (line 1): NUL byte" "$tmp/err" || exit 1
grep -q "missing.txt: no such file or folder" "$tmp/err" || exit 1
[ "$(sqlite3 "$tmp/store.db" 'SELECT count(*) FROM documents')" = 1 ] || exit 1
# A broken rule pack stops the run before anything is written.
cp -r "$(dirname "$0")/../../data/az" "$tmp/pack"
sed -i 's/"pattern": "{ROLE}{SP}/"pattern": "({ROLE}{SP}/' "$tmp/pack/rules/entities.json"
"$bilik" extract --rules "$tmp/pack" --db "$tmp/other.db" "$tmp/good.txt" 2> "$tmp/err2"
status=$?
cat "$tmp/err2"
[ $status -eq 2 ] || exit 1
grep -q "entities.json: rule person-after-role: RE2: missing )" "$tmp/err2" || exit 1
[ ! -e "$tmp/other.db" ] || exit 1
