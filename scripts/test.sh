#!/usr/bin/env bash
# Sets everything up, then runs every test: the C++ suite (GoogleTest via ctest, including
# the find_package consumer), the same suite under AddressSanitizer + UBSan, ruff and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/format.sh --check

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset default >/dev/null
cmake --build --preset default -j "$jobs"
ctest --preset default -j "$jobs"

if [ "${DXKIT_SKIP_SANITIZERS:-0}" != "1" ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j "$jobs"
fi

# Fuzzing smoke test: every libFuzzer harness of tests/fuzz for 3 s (docs/reliability.md).
bash scripts/fuzz.sh 3
python3 -m ruff check python tests/python benchmarks scripts
python3 -m pytest -q tests/python
