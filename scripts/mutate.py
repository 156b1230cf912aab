#!/usr/bin/env python3
"""Mutation pass over the core: do the tests notice a wrong answer?

Applies single-line mutations to the files of ``src/`` that decide answers (target scoring and
evaluation, money, budget, index normalise/aggregate, DTI, plan deadline/due/progress/tally,
document number formats), one at a time:

* comparisons flipped: ``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``;
* bounds +-1: an integer literal ``n`` becomes ``n + 1`` or ``n - 1``;
* arithmetic: ``+`` <-> ``-``, ``*`` <-> ``/``;
* logic: ``&&`` <-> ``||``;
* ``return true;`` <-> ``return false;``.

The mutants are chosen deterministically (``--seed``) among every site of those files. For each:
the file is changed, ``dxkit_tests`` is rebuilt incrementally in its own build directory
(``build/mutate``, ccache), ``ctest`` runs with a timeout; a mutant that survives is also built
into ``_core`` (``build/mutate-py``) and pytest runs against it. The file is restored always
(try/finally), and ``git diff`` of the mutated files must be clean at the end.

A mutant whose object file, once its debug information is stripped, is byte for byte the
unmutated file's is reported ``equivalent`` and not run: the compiler proved it cannot change any
answer (trivial compiler equivalence, TCE; the mutated line may only have changed a column
number in the debug information). Equivalent mutants and build failures are not counted in the
score.

Output: one line per mutant (killed / survived / equivalent / build-failed), the score and the
diff of each survivor; ``--json`` writes them to a file as well.

Usage: python3 scripts/mutate.py [-n 80] [--seed 12] [--json build/mutate/result.json]
       python3 scripts/mutate.py --rejudge build/mutate/result.json   (its survivors again)

``--files F [F ...]`` restricts the sites to some of the files; ``--all`` takes every site of
them instead of a sample; ``--quick`` judges in C++ only and runs the test binary once instead
of ``ctest`` (seconds a mutant: for widening the tests of one file, not for the score).

``--rejudge`` takes the survivors of an earlier pass (its ``--json``) and judges them again on
the current tree, found by file and line text (lines may have moved): after new tests, it
shows which survivors they kill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The files that decide the answers a user reads.
FILES = [
    "src/targets/scoring.cpp",
    "src/targets/evaluate.cpp",
    "src/targets/result.cpp",
    "src/budget/money.cpp",
    "src/budget/rollup.cpp",
    "src/budget/check.cpp",
    "src/index/normalise.cpp",
    "src/index/aggregate.cpp",
    "src/index/kernels.cpp",
    "src/dti/points.cpp",
    "src/dti/results.cpp",
    "src/plan/deadline.cpp",
    "src/plan/due.cpp",
    "src/plan/progress.cpp",
    "src/plan/tally.cpp",
    "src/text/number.cpp",
    "src/document/xlsx.cpp",
]

# (pattern, replacement) pairs; each match of a pattern on a line is one site.
OPERATORS = [
    (r"(?<![<>=!&|+\-*/])<=(?!=)", "<"),
    (r"(?<![<>=!&|+\-*/])>=(?!=)", ">"),
    (r"(?<![<>=!&|+\-*/ ])(?<=\s)<(?=\s)", "<="),
    (r"(?<=\s)>(?=\s)", ">="),
    (r"(?<=\s)==(?=\s)", "!="),
    (r"(?<=\s)!=(?=\s)", "=="),
    (r"(?<=\s)\+(?=\s)", "-"),
    (r"(?<=\s)-(?=\s)", "+"),
    (r"(?<=\s)\*(?=\s)", "/"),
    (r"(?<=\s)/(?=\s)", "*"),
    (r"(?<=\s)&&(?=\s)", "||"),
    (r"(?<=\s)\|\|(?=\s)", "&&"),
    (r"\breturn true;", "return false;"),
    (r"\breturn false;", "return true;"),
    (r"(?<![\w.\[])(\d+)(?![\w.'])", "+1"),
    (r"(?<![\w.\[])(\d+)(?![\w.'])", "-1"),
]

SKIP = re.compile(r"^\s*(//|#|\*|/\*)|static_assert|\boperator\b|template\s*<|std::array<|<<")


@dataclass
class Mutant:
    file: str
    line: int  # 1-based
    before: str
    after: str
    outcome: str = ""
    seconds: float = 0.0


def code_part(line: str) -> str:
    """The line without its trailing comment and with string literals blanked (same length)."""
    out = re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: '"' + " " * (len(m.group(0)) - 2) + '"', line)
    out = re.sub(r"'(?:[^'\\]|\\.)'", lambda m: " " * len(m.group(0)), out)
    cut = out.find("//")
    return out if cut < 0 else out[:cut] + " " * (len(out) - cut)


def sites(rel: str) -> list[Mutant]:
    lines = (ROOT / rel).read_text(encoding="utf-8").split("\n")
    found: list[Mutant] = []
    for i, line in enumerate(lines):
        if SKIP.search(line) or "include" in line:
            continue
        code = code_part(line)
        for pattern, repl in OPERATORS:
            for m in re.finditer(pattern, code):
                if repl in ("+1", "-1"):
                    value = int(m.group(1))
                    if value > 1_000_000:
                        continue
                    new = str(value + 1 if repl == "+1" else max(value - 1, 0))
                    if new == m.group(1):
                        continue
                elif repl in ("+", "-") and '"' in line:
                    continue  # string concatenation: the mutant would not build
                else:
                    new = repl
                after = line[: m.start()] + new + line[m.end() :]
                found.append(Mutant(rel, i + 1, line, after))
    return found


def object_of(build: Path, rel: str) -> Path:
    """The object file of a source file of the library in a build directory."""
    return build / "CMakeFiles" / "dxkit.dir" / (rel + ".o")


def stripped(obj: Path, out: Path) -> bytes | None:
    """The object without its debug sections (None if objcopy cannot make it)."""
    if not obj.exists() or not shutil.which("objcopy"):
        return None
    if subprocess.run(["objcopy", "--strip-debug", str(obj), str(out)],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False).returncode:
        return None
    return out.read_bytes()


def run(cmd: list[str], cwd: Path, timeout: float, env: dict | None = None) -> int:
    try:
        return subprocess.run(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=timeout, env=env, check=False,
        ).returncode
    except subprocess.TimeoutExpired:
        return -1


def configure(build: Path, python: bool) -> None:
    flags = [
        "cmake", "-S", str(ROOT), "-B", str(build), "-G", "Ninja",
        "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DDXKIT_INSTALL=OFF",
    ]
    # The build types of the preset `default` and of scripts/dev.sh: ccache serves the
    # unchanged files from the other builds.
    if python:
        import pybind11  # noqa: PLC0415 (only the Python side needs it)

        flags += [
            "-DCMAKE_BUILD_TYPE=Release",
            "-DDXKIT_BUILD_PYTHON=ON", "-DDXKIT_BUILD_TESTS=OFF",
            f"-Dpybind11_DIR={pybind11.get_cmake_dir()}", f"-DPython_EXECUTABLE={sys.executable}",
        ]
    else:
        flags += ["-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DDXKIT_BUILD_TESTS=ON"]
    # Each mutant relinks the test binary: gold links it several times faster than bfd (the
    # link flags do not enter ccache's key, so objects still come from the other builds).
    if shutil.which("ld.gold"):
        flags += ["-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=gold",
                  "-DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=gold"]
    subprocess.run(flags, check=True, stdout=subprocess.DEVNULL)


def python_tree(build: Path) -> Path:
    """A copy of python/dxkit whose _core is the mutant build's (the source tree stays as is)."""
    tree = build / "pkg"
    if tree.exists():
        shutil.rmtree(tree)
    skip = shutil.ignore_patterns("_core*.so", "__pycache__")
    shutil.copytree(ROOT / "python", tree, ignore=skip)
    for so in (build / "bindings").glob("_core*.so"):
        (tree / "dxkit" / so.name).symlink_to(so)
    return tree


def judge(m: Mutant, args, cpp: Path, py: Path, originals: dict[str, bytes | None]) -> str:
    jobs = str(args.jobs)
    if run(["cmake", "--build", str(cpp), "-j", jobs, "--target", "dxkit_tests"], ROOT, 1200):
        return "build-failed"
    before = originals.get(m.file)
    if before is not None and stripped(object_of(cpp, m.file), cpp / "mutant.o") == before:
        return "equivalent"
    if args.quick:
        binary = cpp / "tests" / "cpp" / "dxkit_tests"
        code = run([str(binary), "--gtest_brief=1"], ROOT, args.timeout * 5)
        return "survived" if code == 0 else "killed"
    if run(["ctest", "--test-dir", str(cpp), "-j", jobs, "--stop-on-failure", "--timeout",
            str(args.timeout)], ROOT, args.timeout * 20) != 0:
        return "killed"
    if args.no_python:
        return "survived"
    if run(["cmake", "--build", str(py), "-j", jobs], ROOT, 1200):
        return "build-failed"
    tree = python_tree(py)
    env = dict(os.environ, PYTHONPATH=str(tree), DXKIT_CLI=str(py / "apps" / "dxkit"))
    code = run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                "tests/python"], ROOT, args.timeout * 10, env)
    return "survived" if code == 0 else "killed"


def rejudged(path: Path, pool: list[Mutant]) -> list[Mutant]:
    """The survivors recorded in an earlier --json, at their lines in the current tree."""
    out = []
    for old in json.loads(path.read_text(encoding="utf-8"))["mutants"]:
        if old["outcome"] != "survived":
            continue
        same = [m for m in pool if m.file == old["file"] and m.before == old["before"]
                and m.after == old["after"]]
        if not same:
            print(f"gone: {old['file']}:{old['line']}: {old['after'].strip()}", flush=True)
            continue
        out.append(min(same, key=lambda m: abs(m.line - old["line"])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=80, help="number of mutants (default 80)")
    ap.add_argument("--seed", type=int, default=12, help="seed of the choice (default 12)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per test (default 120)")
    ap.add_argument("--no-python", action="store_true", help="skip pytest on survivors")
    ap.add_argument("--list", action="store_true", help="print the chosen mutants and stop")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--rejudge", type=Path, help="judge again the survivors of this --json")
    ap.add_argument("--files", nargs="+", metavar="F", help="only these of the files")
    ap.add_argument("--all", action="store_true", help="every site of the files, no sample")
    ap.add_argument("--quick", action="store_true",
                    help="C++ only, the test binary run once (not for the score)")
    args = ap.parse_args()
    if args.quick:
        args.no_python = True
    files = FILES
    if args.files:
        unknown = sorted(set(args.files) - set(FILES))
        if unknown:
            ap.error(f"not among the mutated files: {', '.join(unknown)}")
        files = [f for f in FILES if f in args.files]

    pool = [m for rel in files for m in sites(rel)]
    if args.rejudge:
        chosen = rejudged(args.rejudge, pool)
    elif args.all:
        chosen = pool
    else:
        chosen = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    # Kept in the random order: a pass stopped early is still a fair sample.
    print(f"{len(pool)} sites in {len(files)} files; {len(chosen)} mutants (seed {args.seed})",
          flush=True)
    if args.list:
        for m in chosen:
            print(f"{m.file}:{m.line}: {m.after.strip()}")
        return 0

    cpp, py = ROOT / "build" / "mutate", ROOT / "build" / "mutate-py"
    configure(cpp, python=False)
    if not args.no_python:
        configure(py, python=True)
    # The unmutated tree is built first, without a time limit: a cold build directory on a
    # busy machine takes longer than one mutant's limit, and would count the first mutants as
    # build failures. The unmutated suite must pass, or no mutant can be judged.
    print("building the unmutated tree ...", flush=True)
    jobs = str(args.jobs)
    subprocess.run(["cmake", "--build", str(cpp), "-j", jobs, "--target", "dxkit_tests"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if not args.no_python:
        subprocess.run(["cmake", "--build", str(py), "-j", jobs], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    if run(["ctest", "--test-dir", str(cpp), "-j", jobs, "--timeout", str(args.timeout)], ROOT,
           args.timeout * 20) != 0:
        print("the unmutated C++ suite fails: fix it first", file=sys.stderr)
        return 2
    # Each file's unmutated object without its debug sections, for the equivalence test.
    originals = {rel: stripped(object_of(cpp, rel), cpp / "original.o")
                 for rel in {m.file for m in chosen}}
    for m in chosen:
        path = ROOT / m.file
        original = path.read_text(encoding="utf-8")
        lines = original.split("\n")
        assert lines[m.line - 1] == m.before, f"{m.file}:{m.line} changed under the pass"
        start = time.monotonic()
        try:
            lines[m.line - 1] = m.after
            path.write_text("\n".join(lines), encoding="utf-8")
            m.outcome = judge(m, args, cpp, py, originals)
        finally:
            path.write_text(original, encoding="utf-8")
        m.seconds = round(time.monotonic() - start, 1)
        print(f"{m.outcome:12} {m.file}:{m.line}: {m.after.strip()}  ({m.seconds} s)", flush=True)

    # The restored sources rebuilt: the build directory must not keep a mutant's objects.
    subprocess.run(["cmake", "--build", str(cpp), "-j", jobs, "--target", "dxkit_tests"],
                   cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    dirty = subprocess.run(["git", "diff", "--stat", "--", *FILES], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    if dirty:
        print("the sources were not restored:\n" + dirty, file=sys.stderr)
        return 2
    killed = sum(m.outcome == "killed" for m in chosen)
    survived = [m for m in chosen if m.outcome == "survived"]
    failed = sum(m.outcome == "build-failed" for m in chosen)
    equivalent = sum(m.outcome == "equivalent" for m in chosen)
    counted = killed + len(survived)
    score = 100.0 * killed / counted if counted else 0.0
    print(f"\nkilled {killed}, survived {len(survived)}, equivalent {equivalent} and "
          f"build-failed {failed} (not counted): {score:.1f} % killed")
    for m in survived:
        print(f"\n--- {m.file}:{m.line}\n-{m.before}\n+{m.after}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"seed": args.seed, "killed": killed,
                                         "survived": len(survived), "equivalent": equivalent,
                                         "build_failed": failed,
                                         "score": score, "mutants": [asdict(m) for m in chosen]},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
