#!/usr/bin/env bash
# Instructions per byte of extraction without the store, per stage, counted
# by callgrind (exact and repeatable, unlike time on a shared machine): one
# warm-up pass over the inputs, then one counted pass. The total is the
# stages' sum.
#
#   bash bench/extract_instructions.sh [INPUT...]   # default: ../shared az-news and seed
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(../shared/corpora/az-news ../shared/seed)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
summary=$(valgrind --tool=callgrind --callgrind-out-file="$out" build/bench/extract_stages --warmup "${inputs[@]}" 2>/dev/null)
bytes=$(awk '/documents,/ { print $3 * 1e6 }' <<< "$summary")
echo "$summary" | head -1
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
  awk -v bytes="$bytes" '
    function stage(name, pattern) { if ($0 ~ pattern && !(name in seen)) { gsub(",", "", $1); seen[name] = $1 } }
    { stage("fold+segment", ":bilik::analyze\\(");
      stage("candidates", ":bilik::find_candidates\\(");
      stage("resolve_overlaps", ":bilik::resolve_overlaps\\(");
      stage("add_document_names", ":bilik::add_document_names\\(");
      stage("coreference", ":bilik::resolve_entities\\(");
      stage("dates", ":bilik::find_dates\\(");
      stage("figures", ":bilik::find_figures\\(");
      stage("relations", ":bilik::find_relations\\(") }
    END {
      n = split("fold+segment candidates resolve_overlaps add_document_names coreference dates figures relations total", order, " ")
      for (i = 1; i < n; ++i) seen["total"] += seen[order[i]]
      for (i = 1; i <= n; ++i) printf "%-20s %10.1f instructions/byte\n", order[i], seen[order[i]] / bytes
    }'
