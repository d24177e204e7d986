#!/usr/bin/env bash
# Builds a store of at least a million triples from real extractions (the
# corpora's store, its entities and triples replicated with renamed entities
# and a bridge between replicas) and times neighbors, path and export.
#
#   bash bench/graph_bench.sh [MIN_TRIPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
min=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/bilik extract --quiet --db "$work/g.db" ../shared/corpora/az-news ../shared/corpora/ntrex-az > /dev/null
base=$(sqlite3 "$work/g.db" "SELECT count(*) FROM triple WHERE object_id IS NOT NULL")
copies=$(( (min + base - 1) / base ))
echo "real extraction: $base triples; replicating $copies times"
sqlite3 "$work/g.db" <<SQL
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
CREATE TEMP TABLE k(n INTEGER PRIMARY KEY);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $copies - 1) INSERT INTO k SELECT n FROM c;
CREATE TEMP TABLE span AS SELECT max(id) AS m FROM entity;
INSERT INTO entity(id, type, name, known)
  SELECT e.id + k.n * s.m, e.type, e.name || ' #' || k.n, e.known FROM entity e, k, span s;
INSERT INTO entity_key(key, type, entity_id)
  SELECT ek.key || ' #' || k.n, ek.type, ek.entity_id + k.n * s.m FROM entity_key ek, k, span s;
INSERT INTO triple(document_id, subject_id, predicate, object_id, object_literal, start, "end", rule, confidence, date)
  SELECT t.document_id, t.subject_id + k.n * s.m, t.predicate, t.object_id + k.n * s.m, NULL, t.start, t."end",
         t.rule, t.confidence, t.date
  FROM triple t, k, span s WHERE t.object_id IS NOT NULL;
-- a bridge: each replica's most connected entity cooperates with the next replica's
INSERT INTO triple(document_id, subject_id, predicate, object_id, start, "end", rule)
  SELECT (SELECT min(id) FROM document), h.id + k.n * s.m, 'cooperates_with', h.id + (k.n + 1) * s.m, 0, 0, 'bench'
  FROM k, span s, (SELECT subject_id AS id FROM triple GROUP BY subject_id ORDER BY count(*) DESC LIMIT 1) h
  WHERE k.n < $copies - 1;
SQL
build/bench/graph_bench "$work/g.db"
