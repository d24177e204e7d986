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
# A year-only date is the whole year (issue 12): ranges that overlap it keep
# it, and GEXF spells it from its first day to its last.
printf '%s\n' '{"id": "il", "published": "2023-05-10", "body": "Prezident İlham Əliyev 2022-ci ildə Gürcüstanın Baş naziri İrakli Kobaxidze ilə Tbilisidə görüşüb. Azərbaycan Prezidenti İlham Əliyev Şuşa Bəyannaməsini imzalayıb."}' > "$tmp/il.jsonl"
"$bilik" extract --quiet --db "$tmp/y.db" --json-field text=body "$tmp/il.jsonl" > /dev/null
y() { "$bilik" query --db "$tmp/y.db" --format tsv triples "$@"; }
for range in "2022-01-01 2022-12-31" "2022 2022" "2022-06 2022-06" "2022-12-31 2023-01-01"; do
  set -- $range
  y --since "$1" --until "$2" | grep -q "^İrakli Kobaxidze	holds_position	Gürcüstan	2022	" || { echo "year-only date dropped by $range"; exit 1; }
done
if y --since 2023-01-01 2> /dev/null | grep -q "	2022	"; then echo "a 2022 date kept by --since 2023-01-01"; exit 1; fi
"$bilik" export --db "$tmp/y.db" --since 2022-01-01 --until 2022-12-31 --format gexf -o "$tmp/y.gexf" > /dev/null
grep -q '<spell start="2022-01-01" end="2022-12-31"/>' "$tmp/y.gexf" || { cat "$tmp/y.gexf"; echo "year spell"; exit 1; }
# Inferred triples: marked, and dropped by --stated-only.
y | grep -q "infer:signatory-state-party	0.8	1	" || { y; echo "inferred triple not marked"; exit 1; }
if y --stated-only | grep -q "infer:"; then echo "--stated-only kept an inferred triple"; exit 1; fi
[ "$(y --min-confidence 0.85 | tail -n +2 | cut -f11 | sort -u)" = 0.9 ] || { echo "--min-confidence"; exit 1; }
echo "query: ok"
