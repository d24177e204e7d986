#!/usr/bin/env bash
# Runs every case of tests/bad_input/catalogue.tsv against a store holding
# two good documents, and checks for each: the exit status, the error line,
# a store whose data is unchanged (the run log aside), SQLite's integrity and
# foreign-key checks, and that no archive member was written to disk. Then a
# run that hits a full disk halfway keeps its finished batches and the next
# run completes it without duplicates.
#   bad_input_catalogue.sh BILIK [CASE...]
set -uo pipefail
bilik=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")/.." && pwd)
export PACK="$here/../data/az"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

store_data() {  # the store's rows, the run log aside
  sqlite3 "$1" .dump | grep -v '^INSERT INTO run VALUES'
}
store_sound() {
  [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] && [ -z "$(sqlite3 "$1" 'PRAGMA foreign_key_check')" ]
}
as_nobody() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi
}

# The baseline store every case starts from.
mkdir "$work/base"
printf 'Prezident İlham Əliyev Bakıda Qazaxıstan Prezidenti Qasım-Jomart Tokayev ilə görüşüb.\n' > "$work/base/good.txt"
printf 'Azərbaycan və Gürcüstan enerji sahəsində saziş imzalayıb.\n' > "$work/base/good2.txt"
(cd "$work/base" && "$bilik" extract --quiet --db store.db good.txt > /dev/null) || { echo "baseline failed"; exit 1; }

failures=0 cases=0
while IFS=$'\t' read -r name make run status error; do
  [[ -z "$name" || "$name" == \#* || "$name" == case ]] && continue
  [ $# -gt 0 ] && [[ " $* " != *" $name "* ]] && continue
  cases=$((cases + 1))
  dir="$work/$name"
  cp -r "$work/base" "$dir"
  (cd "$dir" && bash -c "$make") || { echo "FAIL $name: could not make the input"; failures=$((failures + 1)); continue; }
  db=$(echo "$run" | sed -n 's/.*--db \([^ ]*\).*/\1/p')
  before=""
  [ -f "$dir/$db" ] && sqlite3 "$dir/$db" 'SELECT 1 FROM meta' > /dev/null 2>&1 && before=$(store_data "$dir/$db")
  eval "words=($run)"  # shell words, so a quoted argument may hold spaces
  wrapper=() locker=""
  case "${words[0]}" in
    as-nobody)
      wrapper=(as_nobody) words=("${words[@]:1}")
      chmod 444 "$dir/$db" && chmod 555 "$dir" ;;
    while-locked)
      words=("${words[@]:1}")
      python3 -c "import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN EXCLUSIVE'); open(sys.argv[2], 'w').close(); time.sleep(60)" "$dir/$db" "$work/$name.locked" &
      locker=$!
      for _ in $(seq 100); do [ -e "$work/$name.locked" ] && break; sleep 0.1; done ;;
    file-limit-kb=*)
      wrapper=(bash -c "ulimit -f ${words[0]#file-limit-kb=} && exec \"\$0\" \"\$@\"") words=("${words[@]:1}") ;;
  esac
  (cd "$dir" && "${wrapper[@]}" "$bilik" "${words[@]}" > "$work/$name.out" 2> "$work/$name.err")
  got=$?
  [ -n "$locker" ] && kill "$locker" && wait "$locker" 2> /dev/null
  chmod 755 "$dir" && [ -f "$dir/$db" ] && chmod 644 "$dir/$db"
  problem=""
  [ "$got" = "$status" ] || problem="exit status $got, expected $status"
  grep -qF -- "$error" "$work/$name.err" || problem="$problem; no error line containing: $error"
  if [ -n "$before" ]; then
    [ "$before" = "$(store_data "$dir/$db")" ] || problem="$problem; the store's data changed"
    store_sound "$dir/$db" || problem="$problem; the store fails PRAGMA integrity_check or foreign_key_check"
  fi
  for escaped in /tmp/bilik-written-here.txt "$work/bilik-escaped.txt" "$dir/../bilik-escaped.txt"; do
    [ -e "$escaped" ] && problem="$problem; $escaped was written"
  done
  if [ -n "$problem" ]; then
    echo "FAIL $name: ${problem#; }"
    sed 's/^/    /' "$work/$name.err" | head -5
    failures=$((failures + 1))
  else
    echo "ok   $name: $(grep -F -- "$error" "$work/$name.err" | head -1)"
  fi
  rm -rf "$dir"
done < "$here/bad_input/catalogue.tsv"

# A full disk halfway: the finished batches stay, the next run completes
# (1,200 documents: a batch holds up to 256, Ingest::kBatchDocuments).
if [ $# -eq 0 ]; then
  dir="$work/disk-full-halfway"
  cp -r "$work/base" "$dir" && mkdir "$dir/news"
  for i in $(seq 1 1200); do
    printf 'Nazir %s Bakıda Türkiyə Respublikasının nümayəndələri ilə görüşüb. Tərəflər %s milyon manatlıq layihəni müzakirə edib.\n' \
      "Əli Məmmədov$i" "$i" > "$dir/news/$i.txt"
  done
  (cd "$dir" && bash -c 'ulimit -f 1200 && exec "$0" "$@"' "$bilik" extract --quiet --jobs 1 --db store.db news \
     > /dev/null 2> "$work/halfway.err")
  got=$?
  kept=$(sqlite3 "$dir/store.db" "SELECT count(*) FROM document WHERE uri LIKE '%/news/%'")
  (cd "$dir" && "$bilik" extract --quiet --db store.db news > /dev/null 2>&1)
  again=$?
  docs=$(sqlite3 "$dir/store.db" "SELECT count(*) || ' ' || count(DISTINCT uri) FROM document WHERE uri LIKE '%/news/%'")
  runs=$(sqlite3 "$dir/store.db" "SELECT group_concat(status, ' ') FROM (SELECT status FROM run ORDER BY id)")
  if [ "$got" = 2 ] && [ "$kept" -gt 0 ] && [ "$kept" -lt 1200 ] && [ "$again" = 0 ] && [ "$docs" = "1200 1200" ] &&
     [ "$runs" = "finished failed finished" ] && store_sound "$dir/store.db" &&
     grep -q "documents stored before the failing batch are kept" "$work/halfway.err"; then
    echo "ok   disk-full-halfway: $kept of 1200 documents kept, the next run stored the rest; runs: $runs"
  else
    echo "FAIL disk-full-halfway: status $got, kept $kept, rerun status $again, documents '$docs', runs '$runs'"
    head -3 "$work/halfway.err"
    failures=$((failures + 1))
  fi
fi

echo "bad input catalogue: $cases cases, $failures failed"
[ "$failures" = 0 ]
