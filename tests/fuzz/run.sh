#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each on its seed corpus for
# BILIK_FUZZ_SECONDS (default 60). Skipped where clang is missing.
set -euo pipefail
src=$1 build=$2
seconds=${BILIK_FUZZ_SECONDS:-60}
command -v clang++ > /dev/null || { echo "SKIP: clang++ is not installed"; exit 77; }
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -DBILIK_FUZZ=ON -DBILIK_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_text fuzz_extract fuzz_readers fuzz_rules fuzz_match > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in text extract readers rules match; do
  mkdir -p "$work/$target"
  cp "$src/tests/fuzz/corpus/$target"/* "$work/$target/"
  # New inputs go to the scratch copy; crashes stop the run and fail the test.
  (cd "$work" && "$build/tests/fuzz/fuzz_$target" -seed=1 -max_total_time="$seconds" -max_len=8192 -timeout=20 \
     -rss_limit_mb=2048 "$work/$target" 2>&1 | grep -E "^Done|ERROR|SUMMARY" || true)
  [ -z "$(ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* "$work"/oom-* 2> /dev/null)" ] ||
    { echo "fuzz_$target found a failing input:"; ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* "$work"/oom-* 2>/dev/null; exit 1; }
done
echo "fuzzing: no crashes, leaks or hangs in ${seconds}s per target"
