#!/usr/bin/env bash
# For development: builds the Python module and the command line in build/dev (incremental,
# ccache) and runs pytest against the source tree, without `pip install`. Arguments go to
# pytest. Run scripts/setup.sh once first.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
  -DDXKIT_BUILD_PYTHON=ON -DDXKIT_BUILD_TESTS=OFF -DDXKIT_INSTALL=OFF \
  -Dpybind11_DIR="$(python3 -m pybind11 --cmakedir)" -DPython_EXECUTABLE="$(command -v python3)" >/dev/null
cmake --build build/dev -j "$(nproc 2>/dev/null || echo 2)"
ln -sf "$PWD"/build/dev/bindings/_core*.so python/dxkit/
DXKIT_CLI="$PWD/build/dev/apps/dxkit" PYTHONPATH="$PWD/python" python3 -m pytest -q tests/python "$@"
