#!/usr/bin/env bash
# Exports checked by the programs that read them: GEXF 1.3 against the
# (viz-patched) XSD with xmllint, GEXF 1.2draft (the default), GraphML and
# node-link JSON with networkx's defaults (Debian's python3-networkx; its
# 2.8 reads GEXF only up to 1.2draft), CSV with Python's csv module; counts and attributes as in the
# store, Azerbaijani letters intact.
set -euo pipefail
bilik=$1 samples=$2 shared=$3
xsd=$shared/xsd/gexf/1.3-patched-viz/gexf.xsd
[ -f "$xsd" ] || { echo "SKIP: $xsd is missing"; exit 77; }
command -v xmllint > /dev/null || { echo "SKIP: xmllint is not installed"; exit 77; }
/usr/bin/python3 -c "import networkx" 2> /dev/null || { echo "SKIP: python3-networkx is not installed"; exit 77; }
source "$(dirname "$0")/scratch.sh"
mkdir "$tmp/in"
cp "$samples"/*.txt "$tmp/in/"
[ -f "$shared/seed/tokayev-turkiye-2022.txt" ] && cp "$shared/seed/tokayev-turkiye-2022.txt" "$tmp/in/"
[ -d "$shared/corpora/az-news" ] && cp "$shared"/corpora/az-news/*.txt "$tmp/in/"
"$bilik" extract --quiet --db "$tmp/s.db" "$tmp/in" > /dev/null
cd "$tmp"
"$bilik" export --db s.db --format gexf --gexf-version 1.3 -o g13.gexf > /dev/null
# The default is 1.2draft, what networkx reads by default.
"$bilik" export --db s.db --format gexf -o g12.gexf > /dev/null
"$bilik" export --db s.db --format graphml -o g.graphml > /dev/null
"$bilik" export --db s.db --format json -o g.json > /dev/null
"$bilik" export --db s.db --format csv -o g.csv > /dev/null
"$bilik" export --db s.db --graph cooccurrence --window document --format gexf --gexf-version 1.3 -o co.gexf > /dev/null
"$bilik" export --db s.db --format nquads -o g.nq > /dev/null
"$bilik" export --db s.db --stated-only --format json -o stated.json > /dev/null
"$bilik" export --db s.db --min-confidence 0.85 --format graphml -o confident.graphml > /dev/null
xmllint --noout --schema "$xsd" g13.gexf co.gexf
# 1.2draft: the published XSD rejects every viz:color (its viz schema is not
# wired in, the reason for the patched 1.3 copy); nothing else may fail.
xsd12=$shared/xsd/gexf/1.2draft/gexf.xsd
if [ -f "$xsd12" ]; then
  other=$(xmllint --noout --schema "$xsd12" g12.gexf 2>&1 | grep "error" | grep -v "viz}color': This element is not expected" || true)
  [ -z "$other" ] || { echo "GEXF 1.2draft: $other"; exit 1; }
fi
edges=$(sqlite3 s.db "SELECT count(*) FROM (SELECT 1 FROM triples WHERE object_id IS NOT NULL GROUP BY subject_id, object_id, predicate)")
nodes=$(sqlite3 s.db "SELECT count(*) FROM (SELECT subject_id FROM triples WHERE object_id IS NOT NULL UNION SELECT object_id FROM triples WHERE object_id IS NOT NULL)")
pairs=$(sqlite3 s.db "SELECT count(*) FROM (SELECT DISTINCT a.entity_id, b.entity_id FROM mentions a JOIN mentions b ON a.document_id = b.document_id AND a.entity_id < b.entity_id)")
# Provenance: an edge is inferred when every statement of it has a rule
# infer:<id>; its confidence is the highest of its statements.
inferred=$(sqlite3 s.db "SELECT count(*) FROM (SELECT 1 FROM triples WHERE object_id IS NOT NULL GROUP BY subject_id, object_id, predicate HAVING min(rule LIKE 'infer:%') = 1)")
stated=$(sqlite3 s.db "SELECT count(*) FROM (SELECT 1 FROM triples WHERE object_id IS NOT NULL AND rule NOT LIKE 'infer:%' GROUP BY subject_id, object_id, predicate)")
confident=$(sqlite3 s.db "SELECT count(*) FROM (SELECT 1 FROM triples WHERE object_id IS NOT NULL AND confidence >= 0.85 GROUP BY subject_id, object_id, predicate)")
inferred_triples=$(sqlite3 s.db "SELECT count(*) FROM triples WHERE rule LIKE 'infer:%'")
triples=$(sqlite3 s.db "SELECT count(*) FROM triples")
[ "$inferred" -gt 0 ] || { echo "no inferred edge in the test store"; exit 1; }
/usr/bin/python3 - "$nodes" "$edges" "$pairs" "$inferred" "$stated" "$confident" "$inferred_triples" "$triples" <<'PY'
import csv, json, sys
import networkx as nx
nodes, edges, pairs, inferred, stated, confident, inferred_triples, triples = map(int, sys.argv[1:])
graphs = {
    "gexf 1.2": nx.read_gexf("g12.gexf"),
    "graphml": nx.read_graphml("g.graphml"),
    "json": nx.node_link_graph(json.load(open("g.json", encoding="utf-8"))),
}
for name, g in graphs.items():
    assert g.number_of_nodes() == nodes, (name, g.number_of_nodes(), nodes)
    assert g.number_of_edges() == edges, (name, g.number_of_edges(), edges)
    types = {d.get("type") for _, d in g.nodes(data=True)}
    assert types <= {"PERSON", "STATE", "ORGANIZATION", "TREATY", "LOCATION"}, (name, types)
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "Azərbaycan" in labels or "Qazaxıstan" in labels, (name, sorted(labels)[:5])
    data = [d for _, _, d in g.edges(data=True)]
    assert all(0 < float(d["confidence"]) <= 1 for d in data), name
    assert all(d["rules"] for d in data), name
    assert all(int(d["documents"]) >= 1 for d in data), name
    flags = [d["inferred"] for d in data]
    assert all(isinstance(f, bool) for f in flags), (name, flags[:3])
    assert sum(flags) == inferred, (name, sum(flags), inferred)
    assert all(d["rules"] and all(r.startswith("infer:") for r in (d["rules"] if isinstance(d["rules"], list) else d["rules"].split("|")))
               for d in data if d["inferred"]), name
    assert all(d["first_date"] <= d["last_date"] for d in data if d.get("first_date")), name
    assert any(d.get("first_date") for _, d in g.nodes(data=True)), name
stated_graph = nx.node_link_graph(json.load(open("stated.json", encoding="utf-8")))
assert stated_graph.number_of_edges() == stated, (stated_graph.number_of_edges(), stated)
assert not any(d["inferred"] for _, _, d in stated_graph.edges(data=True))
confident_graph = nx.read_graphml("confident.graphml")
assert confident_graph.number_of_edges() == confident, (confident_graph.number_of_edges(), confident)
assert all(d["confidence"] >= 0.85 for _, _, d in confident_graph.edges(data=True))
with open("g-nodes.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
    assert len(rows) == nodes and {"Id", "Label", "Type", "First Date", "Last Date"} <= set(rows[0])
    assert any("ə" in r["Label"] or "ı" in r["Label"] for r in rows)
with open("g-edges.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
    assert len(rows) == edges and {"Source", "Target", "Type", "Kind", "Label", "Weight", "Timeset", "Confidence",
                                   "Rules", "Inferred", "Documents", "First Date", "Last Date"} <= set(rows[0])
    assert sum(r["Inferred"] == "true" for r in rows) == inferred
try:
    import igraph
    ig = igraph.Graph.Read_GraphML("g.graphml")
    assert ig.vcount() == nodes and ig.ecount() == edges, ("igraph", ig.vcount(), ig.ecount())
    assert "type" in ig.vs.attributes() and "kind" in ig.es.attributes()
    assert {"confidence", "rules", "inferred", "documents", "first_date", "last_date"} <= set(ig.es.attributes())
    assert sum(bool(x) for x in ig.es["inferred"]) == inferred, ("igraph inferred", sum(ig.es["inferred"]), inferred)
    assert "first_date" in ig.vs.attributes()
except ImportError:
    print("python3-igraph missing: GraphML checked with networkx only")
try:
    import rdflib
    quads = rdflib.ConjunctiveGraph()
    quads.parse("g.nq", format="nquads")
    named = [c for c in quads.contexts() if str(c.identifier).startswith("urn:bilik:document:")]
    assert named, "no document graphs"
    labels = {str(o) for o in quads.objects(None, rdflib.RDFS.label)}
    assert "Azərbaycan" in labels or "Qazaxıstan" in labels
    statements = set(quads.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    assert len(statements) == triples, (len(statements), triples)
    bilik = rdflib.Namespace("urn:bilik:")
    flagged = [s for s in statements if quads.value(s, bilik.inferred).toPython() is True]
    assert len(flagged) == inferred_triples, (len(flagged), inferred_triples)
    assert all(0 < quads.value(s, bilik.confidence).toPython() <= 1 for s in statements)
except ImportError:
    print("python3-rdflib missing: N-Quads not checked")
print(f"exports: {nodes} nodes, {edges} edges ({inferred} inferred, {stated} with a stated statement, "
      f"{confident} at confidence >= 0.85) in every format; co-occurrence pairs {pairs}")
PY
grep -c "<edge " co.gexf | { read -r n; [ "$n" = "$pairs" ] || { echo "cooccurrence edges $n, pairs $pairs"; exit 1; }; }
