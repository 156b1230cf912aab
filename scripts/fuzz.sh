#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (preset `fuzz`: clang++-14, ASan + UBSan) and
# runs each for SECONDS (default 10), one after the other, at low priority. The checked-in
# corpus (tests/fuzz/corpus/<harness>) and the regressions seed a working corpus in
# build/fuzz/corpus/<harness>, which grows from run to run; the dictionary is tests/fuzz/dxkit.dict.
# A crash stops the script with its input in build/fuzz/artifacts/<harness>/: minimise it
# (fuzz_<harness> -minimize_crash=1 <file>), fix the cause, and check the input in under
# tests/fuzz/regressions/<harness>/, where dxkit_tests replays it.
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (a summary line per harness goes to stdout)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
export CMAKE_PREFIX_PATH="${CMAKE_PREFIX_PATH:-$(python3 -m pybind11 --cmakedir 2>/dev/null || true)}"
cmake --preset fuzz >/dev/null
build_log=build/fuzz/build.log
mkdir -p build/fuzz
if ! nice cmake --build --preset fuzz -j "$(nproc 2>/dev/null || echo 2)" --target dxkit_fuzz \
  >"$build_log" 2>&1; then
  grep -E -A3 'error|FAILED' "$build_log" | head -40 >&2 || tail -40 "$build_log" >&2
  echo "fuzz: the harnesses did not build (whole log: $build_log)" >&2
  exit 1
fi

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in tests/fuzz/*_fuzz.cpp; do
    b=$(basename "$f")
    harnesses+=("${b%_fuzz.cpp}")
  done
fi

status=0
for h in "${harnesses[@]}"; do
  work="build/fuzz/corpus/$h"
  art="build/fuzz/artifacts/$h"
  mkdir -p "$work" "$art" "tests/fuzz/regressions/$h"
  log="build/fuzz/$h.log"
  # Whole .docx/.xlsx files of the corpus are up to 60 KB; other inputs are cut at 8 KB.
  case "$h" in docx | xlsx | document_text) max_len=65536 ;; *) max_len=8192 ;; esac
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice build/fuzz/tests/fuzz/fuzz_"$h" "$work" "tests/fuzz/corpus/$h" "tests/fuzz/regressions/$h" \
    -dict=tests/fuzz/dxkit.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -artifact_prefix="$art/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz_$h: ok, $runs runs, $cov"
  else
    status=1
    echo "fuzz_$h: FAILED, see $log and $art/"
    grep -m3 -E 'ERROR|runtime error|terminate|Test unit written' "$log" || true
  fi
done
exit $status
