#!/usr/bin/env bash
# The GNU parallel recipe of docs/scale.md: four shards extracted in
# parallel, merged, give the store one run gives, row for row.
set -euo pipefail
bilik=$1 samples=$2 shared=$3
command -v parallel > /dev/null || { echo "SKIP: GNU parallel is not installed"; exit 77; }
source "$(dirname "$0")/scratch.sh"
mkdir "$tmp/in"
cp "$samples"/*.txt "$tmp/in/"
[ -d "$shared/corpora/az-news" ] && cp "$shared"/corpora/az-news/*.txt "$tmp/in/"
"$bilik" extract --quiet --db "$tmp/one.db" "$tmp/in" > /dev/null
parallel --halt now,fail=1 "$bilik" extract --quiet --jobs 1 --db "$tmp/shard-{}.db" --shard {}/4 "$tmp/in" ::: 0 1 2 3 > /dev/null
"$bilik" merge --quiet "$tmp/merged.db" "$tmp"/shard-*.db
for q in "SELECT id, type, name FROM entities ORDER BY id" \
         "SELECT entity_id, alias FROM aliases ORDER BY 1, 2" \
         "SELECT d.uri, m.entity_id, m.start, m.surface FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY 1, 3" \
         "SELECT d.uri, f.value, f.unit FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY 1, 2, 3" \
         "SELECT subject_id, predicate, object_id, object_literal, date FROM triples ORDER BY 1, 2, 3, 4, 5" \
         "SELECT * FROM facts ORDER BY 1, 2, 3, 4"; do
  [ "$(sqlite3 "$tmp/one.db" "$q" | md5sum)" = "$(sqlite3 "$tmp/merged.db" "$q" | md5sum)" ] || { echo "merged store differs: $q"; exit 1; }
done
echo "shard + merge: $(sqlite3 "$tmp/merged.db" 'SELECT count(*) FROM documents') documents, same as one run"
