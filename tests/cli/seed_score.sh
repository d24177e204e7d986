#!/usr/bin/env bash
# Extracts the seed article and scores it against its gold annotations.
set -euo pipefail
bilik=$1 shared=$2
seed=$shared/seed/tokayev-turkiye-2022.txt
if [ ! -f "$seed" ] || [ ! -f "$shared/tools/score.py" ]; then
  echo "SKIP: $seed or the scorer is missing (../shared is not next to the project)"
  exit 77
fi
source "$(dirname "$0")/scratch.sh"
"$bilik" extract --quiet --db "$tmp/seed.db" "$seed"
python3 "$shared/tools/score.py" --db "$tmp/seed.db" "$shared/gold/tokayev-turkiye-2022.json" --min entities=0.85 --min figures=0.9 --min relations=0.6
# A second run over the same file changes nothing.
before=$(sqlite3 "$tmp/seed.db" "SELECT count(*) FROM mentions; SELECT count(*) FROM entities")
"$bilik" extract --quiet --db "$tmp/seed.db" "$seed"
after=$(sqlite3 "$tmp/seed.db" "SELECT count(*) FROM mentions; SELECT count(*) FROM entities")
[ "$before" = "$after" ] || { echo "re-run changed the store: $before -> $after"; exit 1; }
