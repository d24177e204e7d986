# Sourced by the benches: replicate_corpus SIZE_MB DIR copies
# ../shared/corpora/az-news into DIR until it holds SIZE_MB, each copy a
# distinct document (its own name and a numbered last line), and sets
# `rounds` to the number of copies of each article.
replicate_corpus() {
  local size_mb=$1 dir=$2 corpora=../shared/corpora total=0 per_round=0 f
  [ -d "$corpora/az-news" ] || { echo "no $corpora/az-news"; exit 1; }
  mkdir -p "$dir"
  rounds=0
  while [ "$total" -lt $((size_mb * 1000000)) ]; do
    rounds=$((rounds + 1))
    for f in "$corpora"/az-news/*.txt; do
      { cat "$f"; printf '\nNüsxə %d.\n' "$rounds"; } > "$dir/$(basename "$f" .txt)-$rounds.txt"
    done
    [ "$rounds" = 1 ] && per_round=$(du -sb "$dir" | cut -f1)
    total=$((per_round * rounds))
  done
}
