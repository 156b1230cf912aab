"""Throughput of dxkit.dask per worker: rows scored and line items rolled up per second.

    python benchmarks/dask_scaling.py [--workers 1 2] [--text-rows 250000] [--items 2500000]
                                      [--partitions 2] [--repeat 3] [--scheduler tcp://...]
                                      [--sensitivity N] [--sensitivity-blocks B] [--no-frames]

Each worker holds ``--partitions`` partitions of ``--text-rows`` results rows (the Vietnamese
text of benchmarks/peers.py: "95% trở lên", "98,25%", "tối đa 5 ngày") and of ``--items``
line items (int64 đồng, categorical and integer keys), made ON the workers (dd.from_map) and
persisted before anything is timed, as partitions read where they sit would be. Timed, the
minimum of ``--repeat`` runs:

- ``evaluate``: ``dxkit.dask.evaluate(ddf).persist()`` and wait (the result frames stay on the
  workers);
- ``counts``: ``dxkit.dask.counts(ddf)`` (scored and tallied on the workers, counts gathered);
- ``rollup``: ``dxkit.dask.rollup(items, by)`` by categorical keys (agency, source) and by
  integer keys (agency_id, source_id), the partial sums gathered and combined.

- ``sensitivity`` (``--sensitivity N``, N > 0): ``dxkit.dask.sensitivity`` of the COINr ASEM
  index (weights noise, an alternative aggregation, imputation, two elements to leave out:
  k = 4, N (k + 2) runs), ``--sensitivity-blocks`` blocks (default 2 per worker), against
  ``IndexResult.sensitivity(threads=1)`` in this process; rows are runs.

Before the timings each answer is checked once against dxkit on one process (counts equal,
roll-up frame equal, the sensitivity result bit-identical). ``--no-frames`` times the
sensitivity analysis only. Also printed: the same work by dxkit on one pandas frame in this process
(one core), for the overhead of the partitioning. ``--scheduler`` points at a running cluster
instead of a LocalCluster (its workers must import dxkit and numpy; the per-worker figure
divides by its worker count).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# Local workers are new processes: they import benchmarks/peers.py (the data) from here.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in [HERE, os.path.join(HERE, "..", "python"), os.environ.get("PYTHONPATH")] if p)
sys.path.insert(0, HERE)

import dask  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import distributed  # noqa: E402
import pandas as pd  # noqa: E402
import peers  # noqa: E402

import dxkit  # noqa: E402
import dxkit.dask as dk  # noqa: E402


def _text_part(k: int, rows: int):
    df = peers.make_text(rows, seed=1000 + k)
    df["code"] = f"P{k}-" + df["code"]  # codes unique over the whole frame
    return df


def _items_part(k: int, rows: int):
    return peers.make_budget(rows, seed=2000 + k)


def _times(fn, repeat: int) -> tuple[float, float]:
    """(min, median) seconds of ``repeat`` calls. Between calls, outside the timing, a pause
    lets the scheduler release the previous call's results (the same task keys would
    otherwise be answered from memory)."""
    times = []
    for _ in range(repeat):
        time.sleep(0.3)
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


ASEM = os.path.join(HERE, "..", "tests", "data", "coinr-asem")
SENS_OPTIONS = {"preset": "coinr_asem", "normalise": "minmax(lo=1,hi=100)"}
SENS_ASSUMPTIONS = {"weight_noise": {2: 0.25}, "aggregations": ["geometric"],
                    "imputation": True, "leave_out": ["Physical", "Environ"]}  # k = 4


def _asem():
    return (pd.read_csv(os.path.join(ASEM, "ASEM_iData.csv")),
            pd.read_csv(os.path.join(ASEM, "ASEM_iMeta.csv")))


def _one_sensitivity(args):
    data, meta = _asem()
    return dxkit.build_index(data, meta, **SENS_OPTIONS).sensitivity(
        args.sensitivity, seed=5, threads=1, progress=False, **SENS_ASSUMPTIONS)


def run_sensitivity(workers: int, args) -> list[tuple[str, int, tuple[float, float]]]:
    import numpy as np

    data, meta = _asem()
    blocks = args.sensitivity_blocks or 2 * workers

    def spread():
        return dk.sensitivity(data, meta, args.sensitivity, seed=5, blocks=blocks,
                              index_options=SENS_OPTIONS, **SENS_ASSUMPTIONS)

    one, got = _one_sensitivity(args), spread()  # checked once, before any timing
    pd.testing.assert_frame_equal(got, one, check_exact=True)
    assert np.array_equal(got.attrs["output"], one.attrs["output"])
    return [(f"sensitivity, {blocks} blocks", one.attrs["runs"], _times(spread, args.repeat))]


def run(client, workers: int, args) -> list[tuple[str, int, tuple[float, float]]]:
    out = run_sensitivity(workers, args) if args.sensitivity else []
    if args.no_frames:
        return out
    return run_frames(client, workers, args) + out


def run_frames(client, workers: int, args) -> list[tuple[str, int, tuple[float, float]]]:
    parts = workers * args.partitions
    text = dd.from_map(_text_part, range(parts), rows=args.text_rows).persist()
    items = dd.from_map(_items_part, range(parts), rows=args.items).persist()
    distributed.wait([text, items])
    n_text, n_items = parts * args.text_rows, parts * args.items
    # Checked once, against one process, before any timing.
    whole_text = text.compute()
    assert dk.counts(text) == dxkit.evaluate(whole_text).counts
    del whole_text
    whole_items = items.compute()
    for by in (["agency", "source"], ["agency_id", "source_id"]):
        pd.testing.assert_frame_equal(dk.rollup(items, by), dxkit.budget.rollup(whole_items, by))
    del whole_items

    def evaluate():
        out = dk.evaluate(text).persist()
        distributed.wait(out)
        del out

    out = [("evaluate", n_text, _times(evaluate, args.repeat)),
           ("counts", n_text, _times(lambda: dk.counts(text), args.repeat))]
    for name, by in (("rollup, categorical keys", ["agency", "source"]),
                     ("rollup, integer keys", ["agency_id", "source_id"])):
        out.append((name, n_items, _times(lambda by=by: dk.rollup(items, by), args.repeat)))
    client.cancel([text, items])
    return out


def one_process(args) -> list[tuple[str, int, tuple[float, float]]]:
    """The same work per partition by dxkit on one pandas frame, here (one core)."""
    out = []
    if args.sensitivity:
        runs = args.sensitivity * 6
        out.append(("sensitivity", runs, _times(lambda: _one_sensitivity(args), args.repeat)))
    if args.no_frames:
        return out
    text = peers.make_text(args.text_rows * args.partitions, seed=1000)
    items = peers.make_budget(args.items * args.partitions, seed=2000)
    return [
        *out,
        ("evaluate", len(text), _times(lambda: dxkit.evaluate(text).to_frame(), args.repeat)),
        ("counts", len(text), _times(lambda: dxkit.evaluate(text).counts, args.repeat)),
        ("rollup, categorical keys", len(items),
         _times(lambda: dxkit.budget.rollup(items, ["agency", "source"]), args.repeat)),
        ("rollup, integer keys", len(items),
         _times(lambda: dxkit.budget.rollup(items, ["agency_id", "source_id"]), args.repeat)),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--text-rows", type=int, default=250_000, help="rows per partition")
    ap.add_argument("--items", type=int, default=2_500_000, help="line items per partition")
    ap.add_argument("--partitions", type=int, default=2, help="partitions per worker")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    ap.add_argument("--sensitivity", type=int, default=0, metavar="N",
                    help="also time a sensitivity analysis of N (k + 2) runs on ASEM (k = 4)")
    ap.add_argument("--sensitivity-blocks", type=int, default=0, metavar="B",
                    help="blocks of the sensitivity runs (default: 2 per worker)")
    ap.add_argument("--no-frames", action="store_true",
                    help="skip scoring and roll-ups (time the sensitivity analysis only)")
    args = ap.parse_args()

    load = os.getloadavg()
    print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: "
          f"{os.cpu_count()} cores, load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"dxkit {dxkit.__version__}, dask {dask.__version__}, pandas {pd.__version__}")
    if not args.no_frames:
        print(f"{args.partitions} partitions per worker of {args.text_rows:,} results rows and "
              f"{args.items:,} line items; min of {args.repeat}")
    if args.sensitivity:
        print(f"sensitivity: COINr ASEM, N = {args.sensitivity:,}, k = 4, "
              f"{args.sensitivity * 6:,} runs, one process on 1 thread; min of {args.repeat}")
    print()
    print("| work | workers | rows | seconds, min (median) | rows/s per worker (min time) |")
    print("|---|---:|---:|---:|---:|")

    def line(name, workers, rows, times):
        lo, mid = times
        per = rows / lo / (1 if workers == "one process, no dask" else workers)
        print(f"| {name} | {workers} | {rows:,} | {lo:.3f} ({mid:.3f}) | {per:,.0f} |")

    for name, rows, times in one_process(args):
        line(name, "one process, no dask", rows, times)
    if args.scheduler:
        with distributed.Client(args.scheduler) as client, dask.config.set(scheduler=client):
            workers = len(client.scheduler_info()["workers"])
            for name, rows, times in run(client, workers, args):
                line(name, workers, rows, times)
        return
    for workers in args.workers:
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=40) as cluster, \
                distributed.Client(cluster) as client, dask.config.set(scheduler=client):
            for name, rows, times in run(client, workers, args):
                line(name, workers, rows, times)


if __name__ == "__main__":
    main()
