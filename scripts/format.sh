#!/usr/bin/env bash
# clang-format (the root .clang-format) over every C++ file git tracks. `--check` changes
# nothing and fails on any difference (the test command runs it); no argument rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
  echo "clang-format: ${#files[@]} files formatted as .clang-format says"
else
  clang-format -i "${files[@]}"
fi
