#!/usr/bin/env bash
# Sets everything up, then runs every test: the C++ suite (GoogleTest via ctest, including
# the consumers of the installed library: find_package and pkg-config, static and shared, and
# the exports check), the same suite under AddressSanitizer + UBSan, ruff, pytest, and the
# wheel installed alone into a fresh venv.
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

# The vector kernels as clang builds them outside the sanitizers (the fuzz build below uses
# clang with them): a C++ service may build the library with clang (src/simd.hpp).
if command -v clang++-14 >/dev/null 2>&1 || command -v clang++ >/dev/null 2>&1; then
  clang=$(command -v clang++-14 || command -v clang++)
  for f in src/index/kernels.cpp src/targets/numeric_columns.cpp; do
    "$clang" -std=c++20 -O2 -Werror -c -Iinclude -Isrc -Ibuild/default/generated/include \
      "$f" -o /dev/null
  done
fi

# Fuzzing smoke test: every libFuzzer harness of tests/fuzz for 3 s (docs/reliability.md).
bash scripts/fuzz.sh 3
python3 -m ruff check python tests/python benchmarks scripts
python3 -m pytest -q tests/python
# The self-contained wheel (issue 15): pip builds it in build/<wheel tag>, the tree setup.sh's
# `pip install .` left (ccache), auditwheel and scripts/wheel_bundle.py carry its libraries,
# and it is installed alone into a fresh venv where the examples run (scripts/wheel.sh).
bash scripts/wheel.sh --test
# The oldest Python pyproject.toml claims (requires-python >= 3.10: zip(strict=True)), when this
# machine has one that runs (a pyenv shim counts only if its version is installed).
py_oldest=""
if python3.10 --version >/dev/null 2>&1; then
  py_oldest=$(command -v python3.10)
elif command -v pyenv >/dev/null 2>&1; then
  for candidate in "$(pyenv root)"/versions/3.10*/bin/python3.10; do
    [ -x "$candidate" ] && py_oldest="$candidate"
  done
fi
if [ -n "$py_oldest" ]; then
  echo "the Python tests again on $("$py_oldest" --version 2>&1), the oldest requires-python claims"
  "$py_oldest" -m pip install -q --disable-pip-version-check "pybind11>=2.12" numpy pandas pytest \
    "matplotlib>=3.9" "tqdm>=4.60" python-docx openpyxl "jsonschema>=4.18"
  cmake -S . -B build/py310 -G Ninja -DCMAKE_BUILD_TYPE=Release -DDXKIT_BUILD_PYTHON=ON \
    -DDXKIT_BUILD_TESTS=OFF -DDXKIT_INSTALL=OFF -DPython_EXECUTABLE="$py_oldest" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -Dpybind11_DIR="$("$py_oldest" -m pybind11 --cmakedir)" >/dev/null
  cmake --build build/py310 -j "$jobs"
  # A copy of the source package with the 3.10 module beside it: python/dxkit keeps the 3.11 one.
  rm -rf build/py310/python && mkdir -p build/py310/python && cp -r python/dxkit build/py310/python/
  rm -f build/py310/python/dxkit/_core*.so
  cp build/py310/bindings/_core*.so build/py310/python/dxkit/
  DXKIT_CLI="$PWD/build/py310/apps/dxkit" PYTHONPATH="$PWD/build/py310/python" \
    "$py_oldest" -m pytest -q tests/python
else
  echo "python3.10 (the oldest claimed by requires-python) is not on this machine: its run is skipped"
fi
