#!/usr/bin/env bash
# Builds tests/tsan/driver.cpp and dxkit with ThreadSanitizer (gcc, -fsanitize=thread, in
# build/tsan) and runs it: the public C++ API from 8 threads on shared inputs, each answer
# compared with the single-threaded one. Fails on any data race or differing answer.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S tests/tsan -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" >/dev/null
nice cmake --build build/tsan -j "$(nproc 2>/dev/null || echo 2)" --target tsan_driver >/dev/null
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/tsan_driver
