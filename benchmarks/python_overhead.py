"""What Python adds to uncertainty and sensitivity analysis (issue 14: at most 20 % of the C++
time). COINr's vignette on ASEM (pillar weights ±25 %, min-max or z-score, arithmetic or
geometric, imputation on or off): 1000 replicates, and a 600-run sensitivity analysis.

    PYTHONPATH=python python3 benchmarks/python_overhead.py [--repeat 15]

"C++" is the extension's call alone (the engine; what it hands back is arrays, no Python object
per replicate); "from Python" is the public call, ``IndexResult.uncertainty(...).summary`` and
``IndexResult.sensitivity(...)``, which adds the argument checks and the DataFrames. The ranks
and replicates frames of an ``Uncertainty`` are built on first use and timed apart. Interleaved
rounds, best of each (the ratio is what to read on a shared machine).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import dxkit
from dxkit import _core
from dxkit.index import _assumptions

ASEM = Path(__file__).resolve().parents[1] / "tests" / "data" / "coinr-asem"
NOISE, NORMS, AGGS = {2: 0.25}, ["zscore(mean=100,sd=10)"], ["geometric"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          normalise="minmax(lo=1,hi=100)")
    a = _assumptions(NOISE, NORMS, AGGS, True, False, None)
    options = dict(weight_noise=NOISE, normalisations=NORMS, aggregations=AGGS, imputation=True,
                   threads=2, progress=False)

    def core(n, sensitivity):
        return _core.index.run_uncertainty(r._units, r._source_framework, r._settings, *a, n, 1,
                                           2, sensitivity, 1000 if sensitivity else 0, None)

    def frames():
        u = r.uncertainty(1000, seed=1, **options)
        return u.summary, u.ranks, u.replicates

    ways = {
        "uncertainty, C++": lambda: core(1000, False),
        "uncertainty, from Python (summary)": lambda: r.uncertainty(1000, seed=1,
                                                                    **options).summary,
        "uncertainty, from Python (summary, ranks and replicates frames)": frames,
        "sensitivity, C++": lambda: core(100, True),
        "sensitivity, from Python": lambda: r.sensitivity(100, seed=1, **options),
    }
    best = dict.fromkeys(ways, float("inf"))
    for _ in range(args.repeat):
        for name, fn in ways.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    print("| call | best | Python adds |")
    print("|---|---:|---:|")
    for name, t in best.items():
        base = best[name.split(",")[0] + ", C++"]
        extra = "—" if name.endswith("C++") else f"{(t / base - 1) * 100:.0f} %"
        print(f"| {name} | {t * 1e3:.2f} ms | {extra} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
