"""The CSV path of issue 14 (point 2): ``dxkit.evaluate("5M.csv")`` in under 10 s and 2 GB.

    PYTHONPATH=python python3 benchmarks/csv_path.py [--rows 5000000] [--dir /tmp] [--repeat 2]

The file is ``peers.make_text(rows)`` (the text comparison's data: 41 target forms, 9,106
distinct results, 2 % no data, a distinct code a row) written by pandas' ``to_csv``, made once
in ``--dir``. Each round is a fresh process under ``/usr/bin/time -v`` (wall clock, user and
system CPU, peak RSS of the whole process, Python and the import included); the load average
is printed beside it, since on a shared machine the wall clock is mostly the others' work.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import peers

CALL = "import sys, dxkit; r = dxkit.evaluate(sys.argv[1]); print(len(r), r.counts)"


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--dir", default="/tmp")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    path = Path(args.dir) / f"{args.rows // 1_000_000}M.csv" if args.rows % 1_000_000 == 0 \
        else Path(args.dir) / f"{args.rows}.csv"
    if not path.exists():
        peers.make_text(args.rows).to_csv(path, index=False)
    print(f"{path}: {args.rows:,} rows, {path.stat().st_size / 1e6:.0f} MB")
    for _ in range(args.repeat):
        before = _load()
        run = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-c", CALL, str(path)],
                             capture_output=True, text=True, env=os.environ, check=True)

        def field(name, err=run.stderr):
            return re.search(rf"{name}.*: (\S+)", err).group(1)

        print(f"wall {field('Elapsed')}, user {field('User time')} s, "
              f"system {field('System time')} s, "
              f"peak RSS {int(field('Maximum resident set size')) / 1024**2:.2f} GiB; "
              f"load average {before} -> {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
