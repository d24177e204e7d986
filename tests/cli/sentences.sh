#!/usr/bin/env bash
# The sentences the extractor used travel with the document: co-occurrence by
# sentence reads them (an abbreviation the rule pack knows, "akad.", does not
# end a sentence), and merge carries them; a document stored without them is
# cut again.
set -euo pipefail
bilik=$1
source "$(dirname "$0")/scratch.sh"
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp"
printf 'Azərbaycan nümayəndə heyətinə akad. Rəşid Məmmədov rəhbərlik edib və Türkiyə tərəfi ilə danışıqlar aparıb.\n' > a.txt
"$bilik" extract --quiet --db s.db a.txt > /dev/null
[ "$(sqlite3 s.db "SELECT length(sentences) FROM document")" = 8 ] || fail "one sentence is not stored as one span"
pair() {  # STORE: 1 when Azərbaycan and Türkiyə co-occur in a sentence
  "$bilik" export --db "$1" --graph cooccurrence --format json -o - 2> /dev/null | python3 -c '
import json, sys
g = json.load(sys.stdin)
label = {n["id"]: n["label"] for n in g["nodes"]}
print(int(any({label[e["source"]], label[e["target"]]} == {"Azərbaycan", "Türkiyə"} for e in g["links"])))'
}
[ "$(pair s.db)" = 1 ] || fail "the stored sentence is not read"
"$bilik" merge --quiet m.db s.db > /dev/null
[ "$(pair m.db)" = 1 ] || fail "merge lost the sentences"
# A store from before schema 7 has no spans: the text is cut again, at "akad.".
sqlite3 s.db "UPDATE document SET sentences = NULL"
[ "$(pair s.db)" = 0 ] || fail "a document without spans is not cut again"
echo "sentences: ok"
