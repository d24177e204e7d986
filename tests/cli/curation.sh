#!/usr/bin/env bash
# Curation (issue 12): a curation file's merge, split, rename, retype, alias,
# drop and drop-triple show in the store's views and in every export, and
# survive a re-run and a merge; bad lines and bad arguments change nothing.
set -uo pipefail
bilik=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/scratch.sh"
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$1" "$2"; }

cd "$tmp" || exit 1
cat > a.txt <<'EOF'
Özbəkistan Prezidenti Şavkat Mirziyoyev Bakıya səfər edib. Şavkat Mirziyoyev Prezident İlham Əliyevlə görüşüb. Azərbaycan Müdafiə Nazirliyi bu barədə məlumat yayıb.
EOF
cat > b.txt <<'EOF'
Prezident Şövkət Mirziyoyev Daşkənddə Qazaxıstan Prezidenti Qasım-Jomart Tokayevi qəbul edib. Şövkət Mirziyoyev Tokayevlə iqtisadi əməkdaşlığı müzakirə edib.
EOF
cat > c.txt <<'EOF'
Baş nazirin müavini Əli Həsənov Gəncədə yeni xəstəxananın açılışında iştirak edib. Qarabağ Dövlət Universiteti yeni tələbələr qəbul edib.
EOF
# Another man of the same full name.
cat > d.txt <<'EOF'
Prezidentin ictimai-siyasi məsələlər üzrə köməkçisi Əli Həsənov Bakıda jurnalistlərlə görüşüb. Əli Həsənov mətbuat azadlığından danışıb.
EOF
"$bilik" extract --quiet --db s.db a.txt b.txt c.txt d.txt > /dev/null || fail "extract"
"$bilik" extract --quiet --db plain.db a.txt b.txt c.txt d.txt > /dev/null || fail "extract plain"
# What the extractor gets wrong here, and curation fixes.
[ "$(q s.db "SELECT count(*) FROM entities WHERE name IN ('Şavkat Mirziyoyev', 'Şövkət Mirziyoyev')")" = 2 ] ||
  fail "the two spellings are not two entities before curation"
[ "$(q s.db "SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id
             WHERE e.name = 'Əli Həsənov'")" = 2 ] ||
  fail "the two men called Əli Həsənov (c.txt, d.txt) are not one entity (the split below has nothing to do)"

# --- bilik curate writes validated lines and applies them at once ----------------
curate() { "$bilik" curate --db s.db "$@" > out 2> err || { cat err; fail "curate $*"; }; }
curate merge "Şavkat Mirziyoyev" "ŞÖVKƏT MİRZİYOYEV"
grep -qF 's.db.curation:1: merge "Şavkat Mirziyoyev" "ŞÖVKƏT MİRZİYOYEV"' out || { cat out; fail "curate merge output"; }
curate rename "Qasım-Jomart Tokayev" "Kasım-Jomart Tokayev"
curate retype "ORGANIZATION:Qarabağ Dövlət Universiteti" LOCATION
curate drop Daşkənd
curate drop-triple "Şavkat Mirziyoyev" met_with "İlham Əliyev"
curate split "Əli Həsənov" in d.txt as "Əli Həsənov (köməkçi)"
curate alias Özbəkistan "Özbəkistan Respublikası"
curate drop "Heç Kim"
grep -qF "warning: s.db.curation:8: no entity in the store is called 'Heç Kim' (it may appear after a later run)" err ||
  { cat err; fail "no warning for a name the store lacks"; }
[ "$(wc -l < s.db.curation)" = 8 ] || fail "the curation file does not hold 8 lines"
curate merge "Şavkat Mirziyoyev" "ŞÖVKƏT MİRZİYOYEV"
grep -qF "already holds this line (s.db.curation:1)" out || fail "a line written twice is added twice"

# The store's views show every fix.
check_views() {
  local db=$1
  [ "$(q "$db" "SELECT count(*) FROM entities WHERE name LIKE 'Ş%Mirziyoyev'")" = 1 ] || fail "$db: merge"
  [ "$(q "$db" "SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id
                WHERE e.name = 'Şavkat Mirziyoyev'")" = 2 ] || fail "$db: the merged entity lacks b.txt's mentions"
  [ "$(q "$db" "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id
                WHERE e.name = 'Şavkat Mirziyoyev' AND a.alias = 'Şövkət Mirziyoyev'")" = 1 ] || fail "$db: merge alias"
  [ "$(q "$db" "SELECT count(*) FROM entities WHERE name = 'Kasım-Jomart Tokayev'")" = 1 ] || fail "$db: rename"
  [ "$(q "$db" "SELECT count(*) FROM entities WHERE name LIKE 'Qasım%'")" = 0 ] || fail "$db: the old name stays"
  [ "$(q "$db" "SELECT type FROM entities WHERE name = 'Qarabağ Dövlət Universiteti'")" = LOCATION ] || fail "$db: retype"
  [ "$(q "$db" "SELECT count(*) FROM entities WHERE name = 'Daşkənd'")" = 0 ] || fail "$db: drop"
  [ "$(q "$db" "SELECT count(*) FROM triples t JOIN entities s ON s.id = t.subject_id JOIN entities o ON o.id = t.object_id
                WHERE s.name = 'Şavkat Mirziyoyev' AND o.name = 'İlham Əliyev'")" = 0 ] || fail "$db: drop-triple"
  [ "$(q "$db" "SELECT count(*) FROM triples t JOIN entities s ON s.id = t.subject_id
                WHERE s.name = 'Şavkat Mirziyoyev' AND predicate = 'met_with'")" -ge 1 ] || fail "$db: drop-triple took too much"
  [ "$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
                WHERE e.name = 'Əli Həsənov (köməkçi)' AND e.type = 'PERSON' AND d.uri LIKE '%/d.txt'")" = 2 ] || fail "$db: split"
  [ "$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
                WHERE e.name = 'Əli Həsənov' AND d.uri LIKE '%/d.txt'")" = 0 ] || fail "$db: split left a mention"
  [ "$(q "$db" "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
                WHERE e.name = 'Əli Həsənov' AND d.uri LIKE '%/c.txt'")" = 1 ] || fail "$db: split took c.txt's mention"
  [ "$(q "$db" "SELECT count(*) FROM aliases WHERE alias = 'Özbəkistan Respublikası'")" = 1 ] || fail "$db: alias"
  [ "$(q "$db" "SELECT count(*) FROM curations")" = 8 ] || fail "$db: the store does not keep the 8 lines"
  [ "$(q "$db" "SELECT count(*) FROM entity_curations WHERE source LIKE '%.curation:1' AND statement LIKE 'merge%'")" = 1 ] || fail "$db: provenance"
}
check_views s.db

# --- every export shows it: from the curated store, and from the plain store
# with --curation (which never writes that store) --------------------------------
plain_sum=$(md5sum < plain.db)
check_exports() {
  local label=$1
  shift
  for format in gexf graphml json nquads csv; do
    "$bilik" export "$@" --format "$format" -o "$label.$format" > /dev/null 2> err || { cat err; fail "$label: export $format"; }
  done
  for f in "$label.gexf" "$label.graphml" "$label.json" "$label.nquads" "$label-nodes.csv"; do
    grep -q "Şövkət Mirziyoyev" "$f" || fail "$f: the merged name is not an alias"
    [ "$(grep -o 'Şavkat Mirziyoyev' "$f" | wc -l)" -ge 1 ] || fail "$f: no merged entity"
    grep -q "Kasım-Jomart Tokayev" "$f" || fail "$f: rename"
    ! grep -q "Daşkənd" "$f" || fail "$f: drop"
    grep -q "Özbəkistan Respublikası" "$f" || fail "$f: alias"
  done
  # The retyped entity has no relation: the cooccurrence graph shows it.
  for format in gexf graphml json csv; do
    "$bilik" export "$@" --graph cooccurrence --window document --format "$format" -o "$label-co.$format" > /dev/null 2> err ||
      { cat err; fail "$label: export cooccurrence $format"; }
  done
  grep -q 'Qarabağ Dövlət Universiteti,LOCATION' "$label-co-nodes.csv" || fail "$label: retype in csv"
  grep -q '<urn:bilik:entity:LOCATION:qaraba%C4%9F%20d%C3%B6vl%C9%99t%20universiteti> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:bilik:type:LOCATION>' \
    "$label.nquads" || fail "$label: retype in nquads"
  python3 - "$label-co" <<'EOF' || fail "$label: retype in gexf, graphml or json"
import json, re, sys
base = sys.argv[1]
for ext in ("gexf", "graphml"):
    nodes = re.findall(r"<node\b.*?</node>", open(f"{base}.{ext}", encoding="utf-8").read(), re.S)
    found = [n for n in nodes if "Qarabağ Dövlət Universiteti" in n]
    assert len(found) == 1 and "LOCATION" in found[0] and "ORGANIZATION" not in found[0], (ext, found)
nodes = [n for n in json.load(open(f"{base}.json"))["nodes"] if n["label"] == "Qarabağ Dövlət Universiteti"]
assert len(nodes) == 1 and nodes[0]["type"] == "LOCATION", nodes
EOF
  python3 - "$label.json" <<'EOF' || fail "$label: json"
import json, sys
g = json.load(open(sys.argv[1]))
names = {n["id"]: n["label"] for n in g["nodes"]}
assert sum(1 for n in g["nodes"] if "Mirziyoyev" in n["label"]) == 1, g["nodes"]
assert "Qasım-Jomart Tokayev" not in names.values(), names
edges = {(names[e["source"]], names[e["target"]]) for e in g["links"]}
assert ("Şavkat Mirziyoyev", "İlham Əliyev") not in edges, edges
assert ("Şavkat Mirziyoyev", "Kasım-Jomart Tokayev") in edges, edges
EOF
}
check_exports curated --db s.db
check_exports copied --db plain.db --curation s.db.curation
[ "$(md5sum < plain.db)" = "$plain_sum" ] || fail "export --curation changed the store"
[ "$(q plain.db "SELECT count(*) FROM entities WHERE name = 'Daşkənd'")" = 1 ] || fail "export --curation wrote the store"

# --- a re-run: b.txt changes and is extracted again; Daşkənd comes back in
# the text, and stays dropped; Şövkət joins the survivor -------------------------
echo "Sonra Şövkət Mirziyoyev Daşkənddə jurnalistlərlə görüşüb." >> b.txt
"$bilik" extract --quiet --db s.db a.txt b.txt c.txt d.txt > /dev/null || fail "re-run"
[ "$(q s.db "SELECT documents_stored FROM runs ORDER BY id DESC LIMIT 1")" = 1 ] || fail "the re-run stored no document"
check_views s.db
# ... and with the file beside the store found by default (STORE.curation).
cp s.db.curation plain.db.curation
"$bilik" extract --quiet --db plain.db a.txt b.txt c.txt d.txt > /dev/null || fail "extract with STORE.curation"
check_views plain.db

# --- a merge carries the lines and applies them -------------------------------------
"$bilik" extract --quiet --db shard0.db a.txt c.txt > /dev/null || fail "shard 0"
"$bilik" extract --quiet --db shard1.db b.txt d.txt > /dev/null || fail "shard 1"
"$bilik" merge --quiet --curation s.db.curation merged.db shard0.db shard1.db > /dev/null 2> err || { cat err; fail "merge --curation"; }
check_views merged.db
"$bilik" merge --quiet again.db merged.db > /dev/null 2> err || { cat err; fail "merge of a curated store"; }
check_views again.db
grep -q "Daşkənd" err && fail "a merged store warns about a name its lines dropped"

# --- curate list shows each line and the rows it changed ---------------------------
"$bilik" curate list --db s.db > list || fail "curate list"
[ "$(wc -l < list)" = 9 ] || { cat list; fail "curate list: not a header and 8 lines"; }
grep -qE '^s\.db\.curation:1 +[1-9][0-9]* +1  merge "Şavkat Mirziyoyev" "ŞÖVKƏT MİRZİYOYEV"$' list || { cat list; fail "curate list: merge"; }

# --- explain shows what the file does to the text's entities -------------------------
"$bilik" explain --curation s.db.curation "Şövkət Mirziyoyev Bakıya gəlib." > out || fail "explain --curation"
grep -qF 'curation s.db.curation:1: merged into "Şavkat Mirziyoyev"' out || { cat out; fail "explain: merge"; }

# --- a bad line: FILE:LINE:COLUMN, exit 2, nothing applied ---------------------------
sum=$(md5sum < s.db)
printf 'rename "Kasım-Jomart Tokayev" "Tokayev"\nretype "Bakı" CITY\n' > bad.curation
"$bilik" extract --db s.db --curation bad.curation a.txt > out 2> err
[ $? = 2 ] || fail "a bad curation line does not exit 2"
grep -qF "error: bad.curation:2:15: 'CITY' is not an entity type" err || { cat err; fail "bad line message"; }
[ "$(md5sum < s.db)" = "$sum" ] || fail "a bad curation file changed the store"
[ "$(q s.db "SELECT count(*) FROM entities WHERE name = 'Tokayev'")" = 0 ] || fail "a bad file's good line was applied"
"$bilik" export --db s.db --curation missing.curation --format json -o x.json 2> err
[ $? = 2 ] && grep -qF "missing.curation: cannot open the curation file" err && [ ! -e x.json ] || fail "missing --curation"

"$bilik" curate --db missing.db drop Bakı > out 2> err
[ $? = 2 ] && grep -qF "missing.db: no such store" err && [ ! -e missing.db ] && [ ! -e missing.db.curation ] ||
  fail "curate --db with a missing store"

# --- bad arguments: exit 2, two lines, no stdout, no file written --------------------
mkdir w
bad() {
  local expect=$1
  shift
  (cd w && "$bilik" curate "$@" > ../out 2> ../err)
  local status=$?
  [ "$status" = 2 ] || fail "curate $*: exit $status"
  [ "$(wc -l < err)" = 2 ] || { cat err; fail "curate $*: stderr is not two lines"; }
  head -1 err | grep -qF -- "$expect" || { cat err; fail "curate $*: no '$expect'"; }
  [ "$(tail -1 err)" = "try 'bilik curate --help'" ] || fail "curate $*: no help pointer"
  [ ! -s out ] || fail "curate $*: wrote to stdout"
  [ -z "$(ls -A w)" ] || fail "curate $*: wrote a file"
}
bad "no statement given" 
bad "'mege' is not a curation verb" mege A B
bad "did you mean merge?" mege A B
bad "merge needs a second entity" merge "Şavkat Mirziyoyev"
bad "'location' is not an entity type" retype Qarabağ location
bad "'PERSN' is not an entity type" drop PERSN:Tokayev
bad "'visits' is not a predicate" drop-triple Tokayev visits Ankara
bad "unknown option --dbb" --dbb x.db drop Bakı
bad "unexpected argument 'x'" list x
exit 0
