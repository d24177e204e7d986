#!/usr/bin/env bash
# Mention-level F1 on the 1,504 tagged sentences of az-ner-wiki.
set -euo pipefail
bilik=$1 shared=$2
corpus=$shared/corpora/az-ner-wiki/sentences.jsonl
if [ ! -f "$corpus" ]; then
  echo "SKIP: $corpus is missing"
  exit 77
fi
source "$(dirname "$0")/scratch.sh"
python3 "$shared/tools/score_mentions.py" prepare "$corpus" "$tmp/ner" --split all
# Four sentences of the corpus are empty; bilik reports them and exits 1.
"$bilik" extract --quiet --db "$tmp/ner.db" "$tmp/ner" 2>"$tmp/errors" || true
test "$(grep -c 'the file is empty' "$tmp/errors")" -eq "$(grep -c . "$tmp/errors")"
python3 "$shared/tools/score_mentions.py" score "$corpus" --db "$tmp/ner.db" --split all --min 0.80
