#!/usr/bin/env bash
# Extraction speed over ../shared/corpora, replicated to SIZE_MB (default 200):
# MB/s and documents/s for --jobs 1 and --jobs 2, peak memory (the same again
# over as much distinct text from bench/markov_corpus.py), the store's
# writer (a third run, --jobs 1 --verbose, for its debug line: rows, rows/s,
# seconds and CPU seconds) and the rows it stored per KB of text, by table,
# each stage of extraction on one core without the store (bench/extract_stages
# over the first 2,000 documents), the same stages over 2,000 documents of
# the distinct text after a warm-up on 2,000 others (the replicated corpus
# repeats each article, which RE2's DFAs then know), and RE2 alone scanning
# the same bytes for the gazetteer's names.
#
#   bash bench/extract_speed.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/replicate_corpus.sh
replicate_corpus "$size_mb" "$work/in"
total=$(du -sb "$work/in" | cut -f1)
docs=$(ls "$work/in" | wc -l)
echo "corpus: $docs documents, $((total / 1000000)) MB (az-news replicated $rounds times)"
# One line per --jobs: seconds, MB/s, documents/s and peak memory over DIR.
timed_runs() {
  local dir=$1 bytes docs
  bytes=$(du -sb "$dir" | cut -f1)
  docs=$(ls "$dir" | wc -l)
  for jobs in 1 2; do
    rm -f "$work/store.db"*
    /usr/bin/time -f "%e %M" -o "$work/time" build/bilik extract --quiet --jobs "$jobs" --db "$work/store.db" "$dir" > /dev/null
    read -r seconds kb < "$work/time"
    awk -v j="$jobs" -v s="$seconds" -v b="$bytes" -v d="$docs" -v kb="$kb" \
      'BEGIN { printf "bilik extract --jobs %d: %.1f s, %.2f MB/s, %.0f documents/s, peak memory %.0f MB\n", j, s, b/1e6/s, d/s, kb/1024 }'
  done
}
timed_runs "$work/in"
# The same on text no rule has seen, as a real archive is: the replicated
# corpus repeats each article, and RE2's DFAs come to know them.
python3 bench/markov_corpus.py "$size_mb" "$work/markov" | sed 's/^/distinct text (bench\/markov_corpus.py): /'
timed_runs "$work/markov"
rm -f "$work/store.db"*
build/bilik extract --verbose --jobs 1 --db "$work/store.db" "$work/in" 2>&1 | grep -o 'writer: .*' || echo "writer: no debug line"
tables=$(sqlite3 -readonly "$work/store.db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
indexes=$(sqlite3 -readonly "$work/store.db" "SELECT count(*) FROM sqlite_master WHERE type = 'index'")
for t in $tables; do
  printf '%s\t%s\n' "$t" "$(sqlite3 -readonly "$work/store.db" "SELECT count(*) FROM \"$t\"")"
done | awk -v b="$total" -v ix="$indexes" -F '\t' '
  { per[$1] = $2 * 1000 / b; all += $2 * 1000 / b; if ($2 > 0) line = line sprintf(" %s %.2f", $1, per[$1]) }
  END { printf "rows per KB of text: %.1f (%s); %d indexes\n", all, substr(line, 2), ix }'
# (awk reads every name: `head` would end the pipe early, which pipefail makes an error)
find "$work/in" -name '*.txt' | awk 'NR <= 2000' | xargs build/bench/extract_stages --warmup
echo "the same stages on distinct text, after a warm-up on other distinct text:"
mkdir -p "$work/warm" "$work/measured"
find "$work/markov" -name '*.txt' | sort | awk 'NR > 2000 && NR <= 4000' | xargs mv -t "$work/warm"
find "$work/markov" -name '*.txt' | sort | awk 'NR <= 2000' | xargs mv -t "$work/measured"
build/bench/extract_stages --warmup-on "$work/warm" "$work/measured"
find "$work/in" -name '*.txt' | awk 'NR <= 2000' | xargs build/bench/re2_gazetteer_scan
