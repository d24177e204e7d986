#!/usr/bin/env bash
# A damaged store is reported, never read as an empty or shorter graph
# (bilik issue 12): pages of the mention and triple tables are overwritten
# in a copy of a store, in a way SQLite notices when it reads them (their
# b-tree page headers), and every command that reads those tables must exit
# non-zero with a message that names the file and says how to check it:
# every export format and graph, every query command, stats and merge. An
# export to a file leaves no truncated file behind (an older one stays).
# Damage SQLite cannot notice on a read (bytes inside a record) cannot be
# reported by anyone and is not what this checks.
set -uo pipefail
bilik=$1 samples=$2
source "$(dirname "$0")/scratch.sh"
cd "$tmp"
fail() { echo "FAIL: $*"; exit 1; }
"$bilik" extract --quiet --db s.db "$samples" > /dev/null || fail "extract"
sqlite3 s.db "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
# Not *.db: scratch.sh checks the integrity of every store it leaves.
store=damaged.sqlite
cp s.db $store
page_size=$(sqlite3 s.db "PRAGMA page_size")
if sqlite3 s.db "SELECT 1 FROM dbstat LIMIT 1" > /dev/null 2>&1; then
  pages=$(sqlite3 s.db "SELECT pageno FROM dbstat WHERE name IN ('triple', 'mention')")
else
  pages=$(sqlite3 s.db "SELECT rootpage FROM sqlite_master WHERE name IN ('triple', 'mention')")
fi
[ -n "$pages" ] || fail "no pages of the triple and mention tables found"
for p in $pages; do
  # 16 bytes of 0xFF over the page header: no b-tree page has that type.
  printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
    dd of=$store bs=1 seek=$(((p - 1) * page_size)) conv=notrunc status=none
done
[ "$(sqlite3 $store "PRAGMA integrity_check" 2>&1 | head -1)" != ok ] || fail "the damage is not one SQLite notices"
echo "damaged pages: $(echo $pages | wc -w) of $(sqlite3 s.db "PRAGMA page_count")"

checked=0
# expect_damage WHAT OUTPUT_FILE -- COMMAND...: exit non-zero, the message names
# the store and the integrity check, and OUTPUT_FILE (if not -) is as before.
expect_damage() {
  local what=$1 output=$2
  shift 3
  echo "old content" > old.txt
  [ "$output" = - ] || cp old.txt "$output"
  "$bilik" "$@" > out.txt 2> err.txt
  local status=$?
  [ $status -ne 0 ] || fail "$what: exit 0 on a damaged store; stdout: $(head -c 300 out.txt)"
  grep -q "$store looks damaged" err.txt || fail "$what: the message does not name the file: $(cat err.txt)"
  grep -q "PRAGMA integrity_check" err.txt || fail "$what: no integrity check suggested: $(cat err.txt)"
  if [ "$output" != - ]; then
    cmp -s old.txt "$output" || fail "$what: $output was changed"
    [ -z "$(ls | grep -F "$output.partial")" ] || fail "$what: a partial file was left: $(ls)"
  fi
  checked=$((checked + 1))
}
for format in gexf graphml json nquads; do
  expect_damage "export $format" g.$format -- export --db $store --format $format -o g.$format
done
expect_damage "export csv" g-edges.csv -- export --db $store --format csv -o g.csv
[ ! -e g-nodes.csv ] || fail "export csv: g-nodes.csv written"
expect_damage "export gexf 1.3" g.gexf -- export --db $store --format gexf --gexf-version 1.3 -o g.gexf
expect_damage "export json to stdout" - -- export --db $store --format json -o -
for window in sentence document; do
  for format in gexf graphml json; do
    expect_damage "export cooccurrence $window $format" co.$format -- \
      export --db $store --graph cooccurrence --window $window --format $format -o co.$format
  done
  expect_damage "export cooccurrence $window csv" co-edges.csv -- \
    export --db $store --graph cooccurrence --window $window --format csv -o co.csv
done
expect_damage "export --stated-only" g.json -- export --db $store --stated-only --min-confidence 0.5 --format json -o g.json
expect_damage "query entity" - -- query --db $store entity Tokayev
expect_damage "query neighbors" - -- query --db $store neighbors "İlham Əliyev"
expect_damage "query triples" - -- query --db $store triples
expect_damage "query triples --subject" - -- query --db $store triples --subject "İlham Əliyev"
expect_damage "query path" - -- query --db $store path "İlham Əliyev" Gürcüstan
expect_damage "query match" - -- query --db $store match '?p holds_position ?s'
expect_damage "query sql" - -- query --db $store sql "SELECT * FROM triples"
expect_damage "stats" - -- stats --db $store
expect_damage "merge" - -- merge merged.db $store
[ "$(sqlite3 merged.db "SELECT status FROM runs")" = failed ] || fail "merge: the run is not marked failed"
# A device is written in place, never replaced by a renamed file.
if [ -c /dev/full ]; then
  "$bilik" export --db s.db --format json -o /dev/full > /dev/null 2>&1 && fail "export to /dev/full succeeded"
  [ -c /dev/full ] || fail "export replaced /dev/full"
fi
# The undamaged original still exports.
"$bilik" export --db s.db --format nquads -o g.nquads > /dev/null || fail "the undamaged store does not export"
echo "damaged store: $checked commands refused it"
