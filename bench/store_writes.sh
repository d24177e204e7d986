#!/usr/bin/env bash
# The store's writer alone (bench/store_writes.cc) over ../shared/corpora/az-news
# replicated to SIZE_MB (default 40), as bench/extract_speed.sh replicates it:
# extracted once with --jobs 2, then written REPEAT times (default 3) into a
# new store, timed apart from extraction.
#
#   bash bench/store_writes.sh [SIZE_MB] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-40}
repeat=${2:-3}
corpora=../shared/corpora
[ -d "$corpora/az-news" ] || { echo "no $corpora/az-news"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
sources=("$corpora"/az-news/*.txt)
total=0 round=0
while [ "$total" -lt $((size_mb * 1000000)) ]; do
  round=$((round + 1))
  for f in "${sources[@]}"; do
    { cat "$f"; printf '\nNüsxə %d.\n' "$round"; } > "$work/in/$(basename "$f" .txt)-$round.txt"
  done
  [ "$round" = 1 ] && per_round=$(du -sb "$work/in" | cut -f1)
  total=$((per_round * round))
done
build/bilik extract --quiet --jobs 2 --db "$work/source.db" "$work/in" > /dev/null
build/bench/store_writes "$work/source.db" "$work/out.db" "$repeat"
