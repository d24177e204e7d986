#!/usr/bin/env bash
# Dumps everything `bilik extract` stores for ../shared/corpora/az-news, the
# seed and the NTREX Azerbaijani text, through the public views, joined to names so row ids do not
# matter, sorted: two builds extract the same when their dumps are equal.
#
#   bash bench/same_output.sh OUT.txt            # write the dump
#   bash bench/same_output.sh OUT.txt BASELINE   # and diff it against BASELINE
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: same_output.sh OUT.txt [BASELINE.txt]}
shared=../shared
[ -d "$shared/corpora/az-news" ] || { echo "no $shared/corpora/az-news"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/bilik extract --quiet --jobs 1 --db "$work/store.db" "$shared/corpora/az-news" "$shared/seed" "$shared/corpora/ntrex-az/newstest2019-ref.aze-Latn.txt" > /dev/null
q() { printf '## %s\n' "$1"; sqlite3 -readonly -separator '	' "$work/store.db" "$2" | LC_ALL=C sort; }
{
  q entities "SELECT type, name, known FROM entity"
  q aliases "SELECT e.type, e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id"
  q entity_names "SELECT e.type, e.name, d.uri, n.name, n.key, n.role FROM entity_name n JOIN entity e ON e.id = n.entity_id JOIN document d ON d.id = n.document_id"
  q entity_keys "SELECT e.type, e.name, k.key, k.type FROM entity_key k JOIN entity e ON e.id = k.entity_id"
  q mentions "SELECT d.uri, m.start, m.\"end\", m.surface, m.rule, m.gram_case, e.type, e.name FROM mentions m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id"
  q figures "SELECT d.uri, f.start, f.\"end\", f.surface, f.value, f.unit, f.qualifier, f.rule, f.counted, f.range_end, f.value_text FROM figures f JOIN documents d ON d.id = f.document_id"
  q dates "SELECT d.uri, x.start, x.\"end\", x.surface, x.value, x.rule, x.expression FROM dates x JOIN documents d ON d.id = x.document_id"
  q triples "SELECT d.uri, t.start, t.\"end\", s.name, t.predicate, o.name, t.object_literal, t.rule, t.confidence, t.date, f.start, f.surface, t.role FROM triples t JOIN documents d ON d.id = t.document_id JOIN entities s ON s.id = t.subject_id LEFT JOIN entities o ON o.id = t.object_id LEFT JOIN figures f ON f.id = t.amount_id"
  q documents "SELECT uri, title, published, length(text), content_hash, rules_hash FROM documents"
} > "$out"
wc -l < "$out" | xargs echo "dump: $out lines:"
if [ $# -ge 2 ]; then
  if diff -u "$2" "$out" > "$work/diff"; then echo "same output as $2"; else
    echo "DIFFERENT from $2:"; head -60 "$work/diff"; exit 1; fi
fi
