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
# Four sentences of the corpus are empty: warnings, which --quiet hides; no error.
"$bilik" extract --quiet --db "$tmp/ner.db" "$tmp/ner" 2>"$tmp/errors"
[ ! -s "$tmp/errors" ] || { cat "$tmp/errors"; exit 1; }
python3 "$shared/tools/score_mentions.py" score "$corpus" --db "$tmp/ner.db" --split all --min 0.80
