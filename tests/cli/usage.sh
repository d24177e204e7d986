#!/usr/bin/env bash
# The command line at its edges (issue 13). Every command's help shows
# examples and is reached three ways; every bad argument exits 2 with one line
# naming it and a pointer to the help, and writes nothing; option values are
# checked (numbers, dates, types, predicates, with "did you mean"); - is
# standard output for -o and standard input for explain and extract.
set -uo pipefail
bilik=$1 samples=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/scratch.sh"
fail() { echo "FAIL: $*"; exit 1; }

# --- help -------------------------------------------------------------------
for cmd in extract explain rules merge export query stats curate; do
  "$bilik" "$cmd" --help > "$tmp/help" 2> "$tmp/err" || fail "$cmd --help exits $?"
  [ ! -s "$tmp/err" ] || fail "$cmd --help writes to stderr"
  examples=$(sed -n '/^examples:/,$p' "$tmp/help" | grep -cE '^  (bilik|curl) ')
  [ "$examples" -ge 2 ] || fail "$cmd --help shows $examples examples"
  "$bilik" "$cmd" -h | cmp -s - "$tmp/help" || fail "$cmd -h differs from --help"
  "$bilik" help "$cmd" | cmp -s - "$tmp/help" || fail "bilik help $cmd differs from --help"
done
"$bilik" --help > "$tmp/help" || fail "bilik --help"
for word in extract explain "rules test" merge export query stats curate help entity neighbors triples path match sql \
  gexf graphml csv json nquads --version; do
  grep -q -- "$word" "$tmp/help" || fail "bilik --help does not mention '$word'"
done
"$bilik" --version > "$tmp/version" || fail "--version"
grep -qE '^bilik [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/version" || fail "--version: no version line"
grep -qE '^rule pack: .*\(hash [0-9a-f]{16}\)$' "$tmp/version" || fail "--version: no rule pack hash"
grep -qE '^SQLite 3\.[0-9]+' "$tmp/version" || fail "--version: no SQLite version"
grep -qE '^RE2 [0-9]' "$tmp/version" || fail "--version: no RE2 version"
# The man page is generated from the help when help2man is installed.
if command -v help2man > /dev/null; then
  man=$(dirname "$bilik")/bilik.1
  [ -s "$man" ] || fail "help2man is installed but $man was not generated"
  grep -q "bilik export" "$man" || fail "the man page lacks the examples"
  for cmd in extract explain rules merge export query stats curate; do
    grep -q "^\.SS $cmd$" "$man" || fail "the man page has no section for $cmd"
  done
fi

# --- a store to query ---------------------------------------------------------
"$bilik" extract --quiet --db "$tmp/s.db" "$samples" > /dev/null || fail "extract samples"
printf 'NATO Brüsseldə toplantı keçirib. ABŞ və Türkiyə NATO-ya üzvdür. ABŞ prezidenti Co Bayden Brüsselə səfər edib.\n' \
  > "$tmp/nato.txt"
"$bilik" extract --quiet --db "$tmp/n.db" "$tmp/nato.txt" > /dev/null || fail "extract nato"
store_sum=$(md5sum < "$tmp/s.db")

# --- bad arguments: exit 2, one line naming the argument, the help pointer,
# nothing written (the command runs in an empty folder; the store is untouched).
mkdir "$tmp/w"
bad() {
  local cmd=$1 expect=$2
  shift 2
  (cd "$tmp/w" && "$bilik" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null)
  local status=$?
  [ "$status" -eq 2 ] || fail "bilik $*: exit $status, expected 2"
  [ "$(wc -l < "$tmp/err")" -eq 2 ] || { cat "$tmp/err"; fail "bilik $*: stderr is not two lines"; }
  head -1 "$tmp/err" | grep -qF -- "$expect" || { cat "$tmp/err"; fail "bilik $*: no '$expect'"; }
  head -1 "$tmp/err" | grep -q "^error: " || fail "bilik $*: the first line is not an error"
  [ "$(tail -1 "$tmp/err")" = "try 'bilik $cmd --help'" ] || { cat "$tmp/err"; fail "bilik $*: no help pointer"; }
  [ ! -s "$tmp/out" ] || fail "bilik $*: wrote to stdout"
  [ -z "$(ls -A "$tmp/w")" ] || { ls -A "$tmp/w"; fail "bilik $*: wrote a file"; }
  [ "$(md5sum < "$tmp/s.db")" = "$store_sum" ] || fail "bilik $*: changed the store"
}
printf 'Bakı\n' > "$tmp/in.txt"
in=$tmp/in.txt
bad extract "--jobs: 'x' is not a whole number" extract --jobs x "$in"
bad extract "--jobs: 0 is out of range" extract --jobs 0 "$in"
bad extract "--max-document-mb: -1 is out of range" extract --max-document-mb -1 "$in"
bad extract "--max-errors: 99999999999999999999 is out of range" extract --max-errors 99999999999999999999 "$in"
bad extract "--published: 'yesterday' is not a date" extract --published yesterday "$in"
bad extract "--published: '2022-02-30' is not a date" extract --published 2022-02-30 "$in"
bad extract "--published: '2022' is not a date; write YYYY-MM-DD" extract --published 2022 "$in"
bad extract "--shard: '3/2' needs 0 <= K < N" extract --shard 3/2 "$in"
bad extract "--shard: '-1/4' is not K/N" extract --shard -1/4 "$in"
bad extract "--shard: '1/0x' is not K/N" extract --shard 1/0x "$in"
bad extract "--stdin-format: 'json' is not a choice; did you mean jsonl?" extract --stdin-format json -
bad extract "--json-field: 'body'" extract --json-field body "$in"
bad extract "--name names standard input, but no INPUT is -" extract --name a.txt "$in"
bad extract "--name: the name is empty" extract --name '' -
bad extract "--jobs: 'x'" extract --log-file log.txt --jobs x "$in"
bad extract "unknown option --frobnicate" extract --frobnicate "$in"
bad extract "unknown option -q" extract -q "$in"
bad extract "no INPUT given" extract
bad explain "--published: '2022-13-45' is not a date" explain --published 2022-13-45 "Bakı"
bad explain "no TEXT given" explain
bad explain "not both" explain --file "$in" Bakı
bad rules "no subcommand is called 'tset'" rules tset
bad merge "no IN.db given" merge out.db
bad merge "is both the output and an input" merge out.db out.db
bad export "--format: 'xml' is not a choice" export --db "$tmp/s.db" --format xml -o g.xml
bad export "-o FILE is needed" export --db "$tmp/s.db" --format gexf
bad export "--types: 'person' is not an entity type; did you mean PERSON?" export --db "$tmp/s.db" --types person --format json -o g.json
bad export "--predicates: 'visitd' is not a predicate of schema/predicates.json; did you mean visited?" \
  export --db "$tmp/s.db" --predicates visitd --format json -o g.json
bad export "--since: 'yesterday' is not a date" export --db "$tmp/s.db" --since yesterday --format json -o g.json
bad export "--since: '2022-13-45' is not a date" export --db "$tmp/s.db" --since 2022-13-45 --format json -o g.json
bad export "--until 2021 is before --since 2022" export --db "$tmp/s.db" --since 2022 --until 2021 --format json -o g.json
bad export "--min-weight: 0 is out of range" export --db "$tmp/s.db" --min-weight 0 --format json -o g.json
bad export "--min-confidence: 'high' is not a number (a number from 0 to 1" export --db "$tmp/s.db" --min-confidence high --format json -o g.json
bad export "--min-confidence: 1.5 is out of range" export --db "$tmp/s.db" --min-confidence 1.5 --format json -o g.json
bad export "--min-confidence: '-0.1' is not a number" export --db "$tmp/s.db" --min-confidence -0.1 --format json -o g.json
bad export "--stated-only filters the relations graph" export --db "$tmp/s.db" --graph cooccurrence --stated-only --format json -o g.json
bad export "--min-confidence does not apply to nquads" export --db "$tmp/s.db" --min-confidence 0.5 --format nquads -o g.nq
bad export "--stated-only does not apply to nquads" export --db "$tmp/s.db" --stated-only --format nquads -o g.nq
bad export "--gexf-version: '1.4' is not a choice" export --db "$tmp/s.db" --gexf-version 1.4 --format gexf -o g.gexf
bad export "--window: 'para' is not a choice" export --db "$tmp/s.db" --graph cooccurrence --window para --format json -o g.json
bad export "--predicates filters the relations graph" \
  export --db "$tmp/s.db" --graph cooccurrence --predicates visited --format json -o g.json
bad export "csv writes two files" export --db "$tmp/s.db" --format csv -o -
bad export "--types does not apply to nquads" export --db "$tmp/s.db" --types PERSON --format nquads -o g.nq
bad export "--gexf-version applies to --format gexf only" export --db "$tmp/s.db" --gexf-version 1.3 --format json -o g.json
bad export "--window applies to --graph cooccurrence only" export --db "$tmp/s.db" --window document --format json -o g.json
bad query "--hops: 'x' is not a whole number" query --db "$tmp/s.db" neighbors Tokayev --hops x
bad query "--hops: 99999999999 is out of range" query --db "$tmp/s.db" neighbors Tokayev --hops 99999999999
bad query "--max-hops: 'two' is not a whole number" query --db "$tmp/s.db" path Tokayev Əliyev --max-hops two
bad query "--format: 'josn' is not a choice; did you mean json?" query --db "$tmp/s.db" --format josn entity Bakı
bad query "--type: 'person' is not an entity type; did you mean PERSON?" query --db "$tmp/s.db" neighbors Tokayev --type person
bad query "--predicate: 'visitd' is not a predicate" query --db "$tmp/s.db" triples --predicate visitd
bad query "--since: 'yesterday' is not a date" query --db "$tmp/s.db" triples --since yesterday
bad query "'neighbours' is not a choice; did you mean neighbors?" query --db "$tmp/s.db" neighbours Tokayev
bad query "--hops does not apply to 'entity'" query --db "$tmp/s.db" entity Tokayev --hops 2
bad query "'path' takes two entity names, got 1" query --db "$tmp/s.db" path Tokayev
bad query "no COMMAND given" query --db "$tmp/s.db"
bad query "--timeout: 'soon' is not a number of seconds" query --db "$tmp/s.db" --timeout soon sql "SELECT 1"
bad query "--timeout: 99999 is out of range" query --db "$tmp/s.db" --timeout 99999 sql "SELECT 1"
bad query "--min-confidence: 'x' is not a number" query --db "$tmp/s.db" triples --min-confidence x
bad query "--min-confidence: 2 is out of range" query --db "$tmp/s.db" triples --min-confidence 2
bad query "--min-confidence does not apply to 'entity'" query --db "$tmp/s.db" entity Bakı --min-confidence 0.5
bad query "--stated-only does not apply to 'neighbors'" query --db "$tmp/s.db" neighbors Bakı --stated-only
bad query "--max-rows: -1 is out of range" query --db "$tmp/s.db" --max-rows -1 sql "SELECT 1"
bad query "--timeout does not apply to 'entity'" query --db "$tmp/s.db" --timeout 2 entity Tokayev
bad query "'sql' takes one argument (in quotes if it has spaces), got 2" query --db "$tmp/s.db" sql "SELECT 1" "SELECT 2"
bad merge "out.db is both the output and an input (./out.db)" merge out.db ./out.db
bad stats "--top: -1 is out of range" stats --db "$tmp/s.db" --top -1
bad stats "--format: 'yaml' is not a choice" stats --db "$tmp/s.db" --format yaml
(cd "$tmp/w" && "$bilik" frobnicate 2> "$tmp/err"); [ $? -eq 2 ] || fail "an unknown command does not exit 2"
[ "$(wc -l < "$tmp/err")" -eq 2 ] && grep -q "^try 'bilik --help'$" "$tmp/err" || fail "unknown command message"
# -h is help, not a file: no store appears.
(cd "$tmp/w" && "$bilik" extract -h > /dev/null) || fail "extract -h"
[ -z "$(ls -A "$tmp/w")" ] || fail "extract -h wrote $(ls -A "$tmp/w")"

# --- extract: stdin, counts, warnings -------------------------------------------
printf 'Prezident İlham Əliyev Bakıda çıxış edib.\n' | "$bilik" extract --db "$tmp/w/one.db" - > "$tmp/out" 2> "$tmp/err" \
  || fail "extract - (stdin)"
grep -q "^bilik extract: 1 document read (1 stored, .*store holds 1 document," "$tmp/out" || { cat "$tmp/out"; fail "1 document"; }
"$bilik" merge "$tmp/w/m.db" "$tmp/w/one.db" > "$tmp/out" || fail "merge"
grep -q "^bilik merge: 1 document merged, 0 duplicates folded, 0 unchanged; .* holds 1 document, " "$tmp/out" || { cat "$tmp/out"; fail "merge: 1 document"; }
mkdir "$tmp/empty-folder"
"$bilik" extract --db "$tmp/w/e.db" "$tmp/empty-folder" > /dev/null 2> "$tmp/err" || fail "an empty folder fails the run"
grep -q "^warning: extract: no file to read in .*empty-folder" "$tmp/err" || { cat "$tmp/err"; fail "empty folder warning"; }
: > "$tmp/empty.txt"
: > "$tmp/nothing.jsonl"
"$bilik" extract --db "$tmp/w/e.db" "$tmp/empty.txt" "$tmp/nothing.jsonl" "$samples" > "$tmp/out" 2> "$tmp/err" \
  || { cat "$tmp/err"; fail "an empty document fails the run"; }
grep -q "^warning: .*empty.txt: empty document, skipped$" "$tmp/err" || { cat "$tmp/err"; fail "empty document warning"; }
grep -q "^warning: .*nothing.jsonl: no document in this input$" "$tmp/err" || { cat "$tmp/err"; fail "no-document warning"; }
grep -q "(3 stored, 0 duplicates folded, 0 unchanged, 1 empty, 0 failed)" "$tmp/out" || { cat "$tmp/out"; fail "summary counts"; }
rm -f "$tmp"/w/*

# --- explain: - and --file - read standard input --------------------------------
echo "Prezident İlham Əliyev Tbilisiyə səfər edib." | "$bilik" explain - > "$tmp/out" || fail "explain -"
grep -q '"İlham Əliyev" PERSON' "$tmp/out" || fail "explain - did not read stdin"
echo "Prezident İlham Əliyev Tbilisiyə səfər edib." | "$bilik" explain --file - | cmp -s - "$tmp/out" \
  || fail "explain --file - differs from explain -"

# --- export -o - ------------------------------------------------------------
cd "$tmp/w"
"$bilik" export --db "$tmp/s.db" --format graphml -o - 2> "$tmp/err" \
  | /usr/bin/python3 -c 'import networkx, sys; g = networkx.read_graphml(sys.stdin.buffer); assert g.number_of_edges() > 0' \
  || fail "graphml on stdout does not load in networkx"
grep -q "^bilik export: .* → standard output$" "$tmp/err" || fail "the export summary is not on stderr"
[ -z "$(ls -A "$tmp/w")" ] || fail "export -o - wrote a file: $(ls -A "$tmp/w")"
edges=$(sqlite3 "$tmp/s.db" "SELECT count(*) FROM (SELECT 1 FROM triples WHERE object_id IS NOT NULL GROUP BY subject_id, object_id, predicate)")
"$bilik" export --db "$tmp/s.db" --format json -o - 2> /dev/null > "$tmp/g.json" || fail "json on stdout"
check_json='import json, sys, networkx
doc = json.load(open(sys.argv[1], encoding="utf-8"))
g = networkx.node_link_graph(doc)
assert g.number_of_edges() == int(sys.argv[2]), (networkx.__version__, g.number_of_edges(), sys.argv[2])
assert isinstance(doc["directed"], bool) and all(isinstance(n["mentions"], int) for n in doc["nodes"])
assert all(isinstance(e["weight"], int) for e in doc["links"])'
/usr/bin/python3 -c "$check_json" "$tmp/g.json" "$edges" || fail "Debian's networkx does not read the JSON by default"
if python3 -c "import networkx" 2> /dev/null; then
  python3 -c "$check_json" "$tmp/g.json" "$edges" || fail "$(python3 -c 'import networkx; print(networkx.__version__)') does not read the JSON"
fi
"$bilik" export --db "$tmp/s.db" --format gexf -o - 2> /dev/null > "$tmp/g.gexf"
/usr/bin/python3 -c 'import networkx, sys; assert networkx.read_gexf(sys.argv[1]).number_of_edges() == int(sys.argv[2])' \
  "$tmp/g.gexf" "$edges" || fail "Debian's networkx does not read the default GEXF"
cd "$tmp"

# --- cooccurrence honours the date range (by publication date) -------------------
pairs() {  # distinct entity pairs of the documents published in [since, until]
  sqlite3 "$tmp/s.db" "SELECT count(*) FROM (SELECT DISTINCT a.entity_id, b.entity_id FROM mentions a
    JOIN mentions b ON a.document_id = b.document_id AND a.entity_id < b.entity_id
    JOIN document d ON d.id = a.document_id WHERE d.published >= '$1' AND d.published <= '$2~')"
}
co_edges() {
  "$bilik" export --db "$tmp/s.db" --graph cooccurrence --window document --format json -o - "$@" 2> /dev/null \
    | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["links"]))'
}
all=$(co_edges)
[ "$(co_edges --since 2024-07)" = "$(pairs 2024-07 9999)" ] || fail "cooccurrence --since 2024-07: $(co_edges --since 2024-07) edges, $(pairs 2024-07 9999) pairs"
[ "$(co_edges --since 2024-07)" -lt "$all" ] && [ "$(co_edges --since 2024-07)" -gt 0 ] || fail "cooccurrence --since has no effect"
[ "$(co_edges --until 2023)" = "$(pairs 0000 2023)" ] || fail "cooccurrence --until 2023"
[ "$(co_edges --since 2030)" = 0 ] || fail "cooccurrence --since 2030 kept edges"

# --- names with suffixes after a hyphen or apostrophe ------------------------------
for name in "NATO-nun" "NATO-ya" "NATO’nun"; do
  [ "$("$bilik" query --db "$tmp/n.db" --format tsv entity "$name" | tail -1 | cut -f3)" = "NATO" ] || fail "entity $name"
done
for name in "ABŞ-ın" "ABŞ'ın"; do
  [ "$("$bilik" query --db "$tmp/n.db" --format tsv entity "$name" | tail -1 | cut -f3)" = "Amerika Birləşmiş Ştatları" ] \
    || fail "entity $name"
done
"$bilik" query --db "$tmp/n.db" --format tsv neighbors "ABŞ-ın" > /dev/null 2>&1; [ $? -ne 2 ] || fail "neighbors ABŞ-ın"
"$bilik" query --db "$tmp/n.db" entity "NATO-xyz" 2> "$tmp/err"; [ $? -eq 1 ] || fail "NATO-xyz found"

# --- queries that find nothing say so and exit 1 ------------------------------------
q() { "$bilik" query --db "$tmp/s.db" "$@"; }
nothing() {
  local expect=$1
  shift
  q "$@" > "$tmp/out" 2> "$tmp/err"
  local status=$?
  [ "$status" -eq 1 ] || fail "query $*: exit $status, expected 1"
  grep -qF "$expect" "$tmp/err" || { cat "$tmp/err"; fail "query $*: no '$expect'"; }
  [ ! -s "$tmp/out" ] || fail "query $*: printed a table"
}
# Chosen from the store, so that new rules do not make them find something:
# an entity in no triple, and a predicate of the vocabulary no triple uses.
lone=$(sqlite3 "$tmp/s.db" "SELECT name FROM entities e WHERE NOT EXISTS (SELECT 1 FROM triples t WHERE e.id IN
  (t.subject_id, t.object_id)) AND (SELECT count(*) FROM entities f WHERE f.name = e.name) = 1 ORDER BY name LIMIT 1")
unused=$(/usr/bin/python3 -c 'import json, sqlite3, sys
used = {p for (p,) in sqlite3.connect(sys.argv[2]).execute("SELECT DISTINCT predicate FROM triples")}
print(sorted(set(json.load(open(sys.argv[1]))["predicates"]) - used)[0])' "$here/../../schema/predicates.json" "$tmp/s.db")
[ -n "$lone" ] && [ -n "$unused" ] || fail "no lone entity ($lone) or unused predicate ($unused) in the samples"
nothing "no path between 'İlham Əliyev' and '$lone' within 4 hops" path "İlham Əliyev" "$lone"
nothing "no triple matches" triples --predicate "$unused"
nothing "no triple matches" triples --since 2099
nothing "no neighbour of '$lone'" neighbors "$lone"
nothing "nothing matches the pattern" match "?a $unused ?b"
nothing "no entity is called 'Heç kim'" entity "Heç kim"
q match '?p foo ?x' > /dev/null 2> "$tmp/err"; [ $? -eq 2 ] && grep -q "'foo' is not a predicate" "$tmp/err" || fail "match with an unknown predicate"

# --- neighbors --hops 2 does not list the start (or a nearer entity) again ----------
q --format tsv neighbors "İlham Əliyev" --hops 2 > "$tmp/n2" || fail "neighbors --hops 2"
grep -q "^2	" "$tmp/n2" || fail "no second hop: $(cat "$tmp/n2")"
if awk -F'\t' '$1 == 2 && ($2 == "İlham Əliyev" || $4 == "İlham Əliyev")' "$tmp/n2" | grep -q .; then
  fail "the start entity is listed again at hop 2"
fi
first_hop=$(awk -F'\t' '$1 == 1 { print ($2 == "İlham Əliyev") ? $4 : $2 }' "$tmp/n2" | sort -u)
while read -r near; do
  awk -F'\t' -v n="$near" '$1 == 2 && $5 != "" && (($2 == n && $4 == "İlham Əliyev") || ($4 == n && $2 == "İlham Əliyev"))' "$tmp/n2" \
    | grep -q . && fail "$near listed again at hop 2"
done <<< "$first_hop"

# --- --format on every query; JSON typed ------------------------------------------------
for format in table tsv csv json jsonl; do
  q --format "$format" entity Tokayev > /dev/null || fail "entity --format $format"
  q --format "$format" neighbors "İlham Əliyev" > /dev/null || fail "neighbors --format $format"
  q --format "$format" triples --predicate met_with > /dev/null || fail "triples --format $format"
  q --format "$format" path "İlham Əliyev" Gürcüstan > /dev/null || fail "path --format $format"
  q --format "$format" match '?p met_with ?q' > /dev/null || fail "match --format $format"
  q --format "$format" sql "SELECT count(*) AS n FROM entities" > /dev/null || fail "sql --format $format"
done
q --format json entity Türkiyə > "$tmp/entity.json"
q --format json triples --predicate met_with > "$tmp/triples.json"
q --format jsonl neighbors "İlham Əliyev" --hops 2 > "$tmp/neighbors.jsonl"
q --format json path "İlham Əliyev" Gürcüstan > "$tmp/path.json"
typed_sql="SELECT 7 AS i, 2.5 AS r, NULL AS n, 'x' AS s"
q --format json sql "$typed_sql" > "$tmp/sql.json"
q --format jsonl --timeout 0.5 --max-rows 1 sql "SELECT id, name FROM entities" \
  > "$tmp/sql.jsonl" 2> /dev/null
/usr/bin/python3 - "$tmp" <<'PY' || fail "typed JSON"
import json, sys
tmp = sys.argv[1]
entity = json.load(open(f"{tmp}/entity.json", encoding="utf-8"))[0]
assert isinstance(entity["id"], int) and isinstance(entity["mentions"], int), entity
assert entity["aliases"] is None, entity  # NULL is null, not ""
triple = json.load(open(f"{tmp}/triples.json", encoding="utf-8"))[0]
assert isinstance(triple["start"], int) and isinstance(triple["end"], int), triple
assert triple["role"] is None, triple
assert list(triple)[:3] == ["subject", "predicate", "object"], list(triple)  # column order kept
rows = [json.loads(line) for line in open(f"{tmp}/neighbors.jsonl", encoding="utf-8")]
assert rows and all(isinstance(r["hops"], int) and isinstance(r["documents"], int) for r in rows), rows
path = json.load(open(f"{tmp}/path.json", encoding="utf-8"))
# query sql streams through the same printer: typed cells, JSON Lines.
assert json.load(open(f"{tmp}/sql.json", encoding="utf-8")) == [{"i": 7, "r": 2.5, "n": None, "s": "x"}]
rows = [json.loads(line) for line in open(f"{tmp}/sql.jsonl", encoding="utf-8")]
assert len(rows) == 1 and isinstance(rows[0]["id"], int) and list(rows[0]) == ["id", "name"], rows
assert path and all(isinstance(r["path"], int) and isinstance(r["step"], int) for r in path), path
PY

# --- stats ---------------------------------------------------------------------------
"$bilik" stats --db "$tmp/s.db" > "$tmp/stats" || fail "stats"
grep -qE "^documents   3, published [0-9-]+ to [0-9-]+" "$tmp/stats" || { cat "$tmp/stats"; fail "stats: documents"; }
grep -qE "^  PERSON +[0-9]+$" "$tmp/stats" || fail "stats: entities by type"
grep -qE "^  holds_position +[0-9]+$" "$tmp/stats" || fail "stats: triples by predicate"
grep -q "^most connected" "$tmp/stats" || fail "stats: most connected"
grep -qE "^store       .*s.db, [0-9.]+ MB$" "$tmp/stats" || fail "stats: size"
"$bilik" stats --db "$tmp/s.db" --format json > "$tmp/stats.json" || fail "stats --format json"
/usr/bin/python3 - "$tmp/stats.json" "$tmp/s.db" <<'PY' || fail "stats JSON disagrees with the store"
import json, os, sqlite3, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
db = sqlite3.connect(sys.argv[2])
one = lambda sql: db.execute(sql).fetchone()[0]
assert s["documents"] == one("SELECT count(*) FROM documents"), s
assert s["entities"] == one("SELECT count(*) FROM entities")
assert s["triples"] == one("SELECT count(*) FROM triples")
assert s["first_published"] == one("SELECT min(published) FROM documents")
assert s["entities_by_type"] == dict(db.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
assert s["triples_by_predicate"] == dict(db.execute("SELECT predicate, count(*) FROM triples GROUP BY predicate").fetchall())
assert s["most_connected"] and s["most_connected"][0]["neighbours"] >= s["most_connected"][-1]["neighbours"]
assert s["bytes"] >= os.path.getsize(sys.argv[2]) > 0
PY
echo "usage: ok"
