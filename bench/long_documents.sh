#!/usr/bin/env bash
# Extraction time against one document's size: one-line documents of 1, 2, 4,
# 8, 16 and 64 MB (a news sentence repeated with no full stop, so the whole
# document is one sentence) and a gzip of one sentence repeated (4 MB of text
# from a few KB), each in seconds and seconds per MB beside ordinary news
# (../shared/corpora/az-news, replicated to 20 MB); then how long Ctrl-C takes
# to stop the 64 MB document at a few points of its extraction.
#
#   bash bench/long_documents.sh [BILIK]
set -euo pipefail
cd "$(dirname "$0")/.."
bilik=${1:-build/bilik}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
line='Azərbaycan Prezidenti İlham Əliyev Türkiyəyə rəsmi səfər edib və Ərdoğanla 5,3 milyard dollarlıq saziş imzalayıb, '
sentence='Prezident İlham Əliyev bildirib ki, Azərbaycan ilə Türkiyə arasında ticarət dövriyyəsi 15 milyard dollara çatacaq. '
repeat() {  # TEXT MB FILE: TEXT repeated to MB megabytes
  python3 -c 'import sys; t, mb = sys.argv[1], float(sys.argv[2]); n = int(mb * 2**20 / len(t.encode())); open(sys.argv[3], "w").write(t * n)' "$1" "$2" "$3"
}
timed() {  # FILE: seconds to extract FILE into a new store
  rm -f "$work/store.db"*
  local t0 t1
  t0=$(date +%s.%N)
  "$bilik" extract --quiet --db "$work/store.db" "$1" > /dev/null
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}
printf '%-34s %8s %8s %10s\n' input MB seconds s/MB
if [ -d ../shared/corpora/az-news ]; then
  mkdir "$work/news"
  round=0
  while [ "$(du -sb "$work/news" | cut -f1)" -lt 20000000 ]; do
    round=$((round + 1))
    for f in ../shared/corpora/az-news/*.txt; do
      { cat "$f"; printf '\nNüsxə %d.\n' "$round"; } > "$work/news/$(basename "$f" .txt)-$round.txt"
    done
  done
  mb=$(python3 -c "print(f'{$(du -sb "$work/news" | cut -f1) / 2**20:.1f}')")
  s=$(timed "$work/news")
  printf '%-34s %8s %8s %10s\n' "az-news, $(ls "$work/news" | wc -l) documents" "$mb" "$s" "$(python3 -c "print(f'{$s / $mb:.3f}')")"
fi
for mb in 1 2 4 8 16 64; do
  repeat "$line" "$mb" "$work/line-$mb.txt"
  s=$(timed "$work/line-$mb.txt")
  printf '%-34s %8s %8s %10s\n' "one line, one sentence" "$mb" "$s" "$(python3 -c "print(f'{$s / $mb:.3f}')")"
done
repeat "$sentence" 4 "$work/repeated.txt"
gzip -9 "$work/repeated.txt"
s=$(timed "$work/repeated.txt.gz")
printf '%-34s %8s %8s %10s\n' "one sentence repeated, $(stat -c %s "$work/repeated.txt.gz") B .gz" 4 "$s" "$(python3 -c "print(f'{$s / 4:.3f}')")"
echo
echo "Ctrl-C on the 64 MB document:"
for after in 2 10 30; do
  rm -f "$work/store.db"*
  "$bilik" extract --quiet --db "$work/store.db" "$work/line-64.txt" > /dev/null 2>&1 &
  pid=$!
  sleep "$after"
  t0=$(date +%s.%N)
  kill -INT "$pid"
  status=0
  wait "$pid" || status=$?
  t1=$(date +%s.%N)
  echo "  sent after ${after} s: exit $status, stopped $(python3 -c "print(f'{$t1 - $t0:.2f}')") s later"
done
