"""The index from Python at 100, 10,000 and 100,000 units × 200 indicators: the lean numpy
peer, dxkit keeping the aggregates alone (compare.py's row) and dxkit keeping the normalised
indicators too, interleaved in one process, after checking that the answers agree.

    PYTHONPATH=python python3 benchmarks/compare_index_lean.py
    OPENBLAS_NUM_THREADS=1 PYTHONPATH=python python3 benchmarks/compare_index_lean.py

(docs/benchmarks.md, "Session 17": numpy's idle BLAS threads spin on the core dxkit's second
thread needs; the second command shows dxkit without them.)"""

import numpy as np
import peers
from compare import time_interleaved

import dxkit

LEAN = dict(denominate=False, impute="none", screen=0, treat=False, keep_data_sets=False)


def with_indicators(args):
    r = dxkit.build_index(*args, **LEAN)
    return r.data("aggregated")["Index"].to_numpy(), r.ranks(["Index"])["Index"].to_numpy()


WAYS = {"numpy": peers.numpy_index, "dxkit, aggregates alone": peers.dxkit_index,
        "dxkit, with the indicators": with_indicators}


def main():
    for units, repeats in ((100, 41), (10_000, 21), (100_000, 7)):
        args = peers.make_index(units)
        reference = peers.numpy_index(args)
        for name, way in WAYS.items():
            if name != "numpy":
                peers._check_index(reference, way(args), name)
        times = time_interleaved(WAYS, args, repeats)
        best = {name: min(t) for name, t in times.items()}
        ratio = best["numpy"] / best["dxkit, aggregates alone"]
        print(f"{units:>7} units: " + "; ".join(
            f"{name} {best[name] * 1e3:.2f} ms (median {np.median(times[name]) * 1e3:.2f})"
            for name in WAYS) + f"; numpy / dxkit {ratio:.1f}x")


if __name__ == "__main__":
    main()
