"""Budget roll-ups at scale: dxkit against DuckDB (and pandas) on integer keys and on
categorical keys separately, at 10 M and 100 M line items, time and peak memory above the data.

    python benchmarks/compare_budget_scale.py [--rows 10000000 100000000] [--repeat 3]

Each (rows, way, keys) runs in a fresh process (so that one way's memory does not hide
another's): the frame is built (benchmarks/peers.py's make_budget: 80 agencies x 5 sources,
int64 đồng), the way runs once to warm up, then `--repeat` times; the best time is kept and the
peak resident memory of the last call above the memory before it (Linux: the peak is reset
through /proc/self/clear_refs first). Before timing, every way's sums are asserted equal to
dxkit's (exact to the đồng). Prints a markdown table (docs/benchmarks.md, "Budget roll-up at
10 M and 100 M items").
"""

import argparse
import gc
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = {"integer": ["agency_id", "source_id"], "categorical": ["agency", "source"]}


def _status_bytes(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field + ":"))


def one(rows: int, way: str, keys: str, repeat: int) -> None:
    sys.path.insert(0, str(HERE))
    import peers

    fns = {"dxkit": peers.dxkit_rollup, "duckdb": peers.duckdb_rollup,
           "pandas": peers.pandas_rollup}
    df = peers.make_budget(rows)
    by = KEYS[keys]
    reference = peers.dxkit_rollup(df, by)
    out = fns[way](df, by)
    peers._check_sums([reference], [out], way)  # exact, before anything is timed
    del out, reference
    best, peak = float("inf"), 0
    for _ in range(repeat):
        gc.collect()
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM, the peak resident set
        before = _status_bytes("VmRSS")
        t0 = time.perf_counter()
        out = fns[way](df, by)
        best = min(best, time.perf_counter() - t0)
        peak = _status_bytes("VmHWM") - before
        del out
    print(best, peak)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000_000, 100_000_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ways", nargs="+", default=["dxkit", "duckdb"])
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(int(args.one[0]), args.one[1], args.one[2], args.repeat)
        return 0
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| items | keys | " + " | ".join(args.ways) + " | dxkit is |")
    print("|---:|---|" + "---:|" * len(args.ways) + "---|")
    for rows in args.rows:
        for keys in KEYS:
            cells, times = [], {}
            for way in args.ways:
                out = subprocess.run([sys.executable, __file__, "--one", str(rows), way, keys,
                                      "--repeat", str(args.repeat)],
                                     capture_output=True, text=True, check=True).stdout.split()
                seconds, peak = float(out[0]), float(out[1])
                times[way] = seconds
                cells.append(f"{seconds * 1000:,.0f} ms, {peak / 2**20:,.0f} MiB")
            others = [times[w] for w in args.ways if w != "dxkit"]
            ratio = f"**{min(others) / times['dxkit']:.1f}×** the best peer" if others else ""
            print(f"| {rows:,} | {keys} | " + " | ".join(cells) + f" | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
