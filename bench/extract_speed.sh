#!/usr/bin/env bash
# Extraction speed over ../shared/corpora, replicated to SIZE_MB (default 200):
# MB/s and documents/s for --jobs 1 and --jobs 2, peak memory, and RE2 alone
# scanning the same bytes for the gazetteer's names.
#
#   bash bench/extract_speed.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
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
    # Each copy is a distinct document (its own name and a numbered last line).
    { cat "$f"; printf '\nNüsxə %d.\n' "$round"; } > "$work/in/$(basename "$f" .txt)-$round.txt"
  done
  [ "$round" = 1 ] && per_round=$(du -sb "$work/in" | cut -f1)
  total=$((per_round * round))
done
total=$(du -sb "$work/in" | cut -f1)
docs=$(ls "$work/in" | wc -l)
echo "corpus: $docs documents, $((total / 1000000)) MB (az-news replicated $round times)"
for jobs in 1 2; do
  rm -f "$work/store.db"*
  /usr/bin/time -f "%e %M" -o "$work/time" build/bilik extract --quiet --jobs "$jobs" --db "$work/store.db" "$work/in" > /dev/null
  read -r seconds kb < "$work/time"
  awk -v j="$jobs" -v s="$seconds" -v b="$total" -v d="$docs" -v kb="$kb" \
    'BEGIN { printf "bilik extract --jobs %d: %.1f s, %.2f MB/s, %.0f documents/s, peak memory %.0f MB\n", j, s, b/1e6/s, d/s, kb/1024 }'
done
find "$work/in" -name '*.txt' | head -2000 | xargs build/bench/re2_gazetteer_scan
