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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/replicate_corpus.sh
replicate_corpus "$size_mb" "$work/in"
build/bilik extract --quiet --jobs 2 --db "$work/source.db" "$work/in" > /dev/null
build/bench/store_writes "$work/source.db" "$work/out.db" "$repeat"
