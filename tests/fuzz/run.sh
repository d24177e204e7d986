#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and fuzzes each one. Skipped where clang is
# missing.
#
#   run.sh SRC BUILD            each target for BILIK_FUZZ_SECONDS (default 60)
#                               on a scratch copy of its seed corpus (ctest's
#                               fuzz_short, which CI runs)
#   run.sh SRC BUILD --long     each target until BILIK_FUZZ_RUNS executions
#                               (default 10,000,000); the corpus grows in
#                               BUILD/fuzz-corpus/TARGET, so a second run goes
#                               on from the first; logs in BUILD/fuzz-logs
#
# BILIK_FUZZ_TARGETS="readers rules" picks targets (default: all six);
# BILIK_BUILD_JOBS sets the build's parallelism (default: all cores). Each
# target ends with a line giving its executions, seconds and coverage (cov:
# edges, ft: features, corp: corpus size); a crash, leak, timeout or
# out-of-memory input fails the run and is kept beside the logs.
set -euo pipefail
src=$(realpath "$1") build=$(realpath -m "$2")
long=false
[ "${3:-}" = --long ] && long=true
seconds=${BILIK_FUZZ_SECONDS:-60}
runs=${BILIK_FUZZ_RUNS:-10000000}
targets=${BILIK_FUZZ_TARGETS:-text extract readers rules match sql}
command -v clang++ > /dev/null || { echo "SKIP: clang++ is not installed"; exit 77; }
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -DBILIK_FUZZ=ON -DBILIK_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" -j"${BILIK_BUILD_JOBS:-$(nproc)}" --target $(printf 'fuzz_%s ' $targets) > /dev/null
if $long; then
  work="$build/fuzz-logs"
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
for target in $targets; do
  if $long; then
    corpus="$build/fuzz-corpus/$target"
    limit=(-runs="$runs")
  else
    corpus="$work/$target"
    limit=(-max_total_time="$seconds")
  fi
  mkdir -p "$corpus"
  cp -n "$src/tests/fuzz/corpus/$target"/* "$corpus/"
  log="$work/$target.log"
  # New inputs go to the corpus folder; a failing input stops the run.
  (cd "$work" && "$build/tests/fuzz/fuzz_$target" -seed=1 "${limit[@]}" -max_len=8192 -timeout=20 \
     -rss_limit_mb=2048 -print_final_stats=1 "$corpus" > "$log" 2>&1) || true
  failing=$(ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* "$work"/oom-* 2> /dev/null || true)
  if [ -n "$failing" ]; then
    grep -E "ERROR|SUMMARY" "$log" | head -5
    echo "fuzz_$target found a failing input:"
    echo "$failing"
    exit 1
  fi
  done_line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$log" | tail -1)
  executions=$(grep -oE "^Done [0-9]+ runs in [0-9]+ second" "$log" | tail -1)
  echo "fuzz_$target: ${executions:-no summary (see $log)}; ${done_line#*DONE   }"
done
if $long; then
  echo "fuzzing: no crashes, leaks or hangs in $runs executions per target"
else
  echo "fuzzing: no crashes, leaks or hangs in ${seconds}s per target"
fi
