#!/usr/bin/env bash
# bilik query on the bundled samples: names found through suffixes and
# capitals, neighbours, triples with evidence, JSON output, and SQL that
# cannot write.
set -euo pipefail
bilik=$1 samples=$2
source "$(dirname "$0")/scratch.sh"
"$bilik" extract --quiet --db "$tmp/s.db" "$samples" > /dev/null
q() { "$bilik" query --db "$tmp/s.db" "$@"; }
[ "$(q --format tsv entity Tokayevin | cut -f3 | tail -1)" = "Qasım-Jomart Tokayev" ] || { echo "entity by suffix"; exit 1; }
[ "$(q --format tsv entity QAZAXISTANDAN | cut -f3 | tail -1)" = "Qazaxıstan" ] || { echo "entity by capitals and suffix"; exit 1; }
q --format tsv neighbors "İlham Əliyev" | grep -q "holds_position	Azərbaycan" || { echo "neighbors"; exit 1; }
/usr/bin/python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert any(r["predicate"] == "holds_position" and r["evidence"] and r["document"].endswith(".txt") for r in rows), rows
' < <(q --format json triples --predicate holds_position)
[ "$(q --format csv sql "SELECT count(*) AS n FROM entities WHERE type = 'STATE'" | tail -1)" -gt 3 ]
if q sql "DELETE FROM entity" 2> "$tmp/err"; then echo "a write went through"; exit 1; fi
grep -q "read-only" "$tmp/err"
if q entity "Heç kim" 2> "$tmp/err"; then echo "an unknown name was found"; exit 1; fi
grep -q "no entity is called 'Heç kim'" "$tmp/err"
q --format tsv path "İlham Əliyev" Gürcüstan > "$tmp/path"
grep -q "^1	1	İlham Əliyev	" "$tmp/path" || { cat "$tmp/path"; echo "path"; exit 1; }
[ "$(tail -1 "$tmp/path" | cut -f5)" = "Gürcüstan" ] || { echo "path ends elsewhere"; exit 1; }
q --format tsv match '?p holds_position ?s . ?p met_with ?q' > "$tmp/match"
head -1 "$tmp/match" | grep -q "^?p	?s	?q$" || { cat "$tmp/match"; exit 1; }
grep -q "İlham Əliyev	Azərbaycan	İrakli Kobaxidze" "$tmp/match" || { cat "$tmp/match"; echo "match"; exit 1; }
# Found by fuzzing: a variable used as a predicate and as an entity.
if q match "$(cat "$(dirname "$0")/../fuzz/regressions/match-variable-as-predicate-and-entity")" 2> "$tmp/err"; then exit 1; fi
grep -q "stands for a predicate and for an entity" "$tmp/err"
echo "query: ok"
