"""Uncertainty and sensitivity analysis of an index's ranks (``IndexResult.uncertainty`` and
``IndexResult.sensitivity``): the C++ engine runs the replicates on every core; the results
come back as DataFrames."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np

from dxkit import _core


class _Bar:
    """A progress bar on stderr for long runs (no dependency)."""

    def __init__(self, label: str, min_runs: int = 0):
        self.label = label
        self.min_runs = min_runs  # shown only for runs at least this long
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_runs:
            return
        pct = 100 * done // max(total, 1)
        if pct == self.shown:
            return
        self.shown = pct
        filled = pct * 30 // 100
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                         f"{pct:3d}% {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _progress(progress, label: str):
    """A callable(done, total) for the engine: the caller's, a bar (True), a bar for runs of
    20,000 or more (None, the default; the engine reports the total), or nothing (False)."""
    if callable(progress):
        return progress
    if progress is True:
        return _Bar(label)
    if progress is None:
        return _Bar(label, min_runs=20_000)
    return None


@dataclass
class Uncertainty:
    """Monte Carlo results: ``summary`` per unit (nominal rank, mean, median, 5th and 95th
    percentile over the replicates), ``ranks`` (replicates × units, nullable Int32) and
    ``replicates`` (each replicate's choices and weights)."""

    summary: object
    ranks: object
    replicates: object
    column: str


def _assumptions(weight_noise, normalisations, aggregations, imputation, treatment, leave_out):
    return ({int(k): float(v) for k, v in (weight_noise or {}).items()},
            [str(s) for s in (normalisations or [])], [str(s) for s in (aggregations or [])],
            bool(imputation), bool(treatment), [str(s) for s in (leave_out or [])])


def run_uncertainty(result, n, seed, threads, progress, *assumptions) -> Uncertainty:
    import pandas as pd

    a = _assumptions(*assumptions)
    units, column, nominal, mean, median, p5, p95, reps, ranks = _core.run_uncertainty(
        result._units, result._source_framework, result._settings, *a, int(n), int(seed),
        int(threads), False, 0, _progress(progress, "uncertainty"))
    index = pd.Index(units, name="uCode")
    nominal = np.asarray(nominal, dtype=np.int32)
    summary = pd.DataFrame({"nominal": pd.arrays.IntegerArray(nominal, nominal == 0),
                            "mean": mean, "median": median, "p5": p5, "p95": p95}, index=index)
    missing = ranks == 0
    frame = pd.DataFrame({u: pd.arrays.IntegerArray(ranks[:, k], missing[:, k])
                          for k, u in enumerate(units)})
    frame.index.name = "replicate"
    codes = result._framework.codes
    norms, aggs = ["nominal", *a[1]], ["nominal", *a[2]]
    rows = []
    for norm, agg, imputed, treated, left_out, weights in reps:
        row = {"normalisation": norms[norm], "aggregation": aggs[agg], "imputed": imputed,
               "treated": treated, "left_out": left_out or None}
        row.update({f"w.{c}": w for c, w in zip(codes, weights, strict=True) if not np.isnan(w)})
        rows.append(row)
    replicates = pd.DataFrame(rows)
    replicates.index.name = "replicate"
    return Uncertainty(summary.sort_values("nominal"), frame, replicates, column)


def run_sensitivity(result, n, seed, threads, bootstrap, progress, *assumptions):
    import pandas as pd

    a = _assumptions(*assumptions)
    rows, runs, variance, output = _core.run_uncertainty(
        result._units, result._source_framework, result._settings, *a, int(n), int(seed),
        int(threads), True, int(bootstrap), _progress(progress, "sensitivity"))
    frame = pd.DataFrame(rows, columns=["parameter", "first", "first_lo", "first_hi", "total",
                                        "total_lo", "total_hi"]).set_index("parameter")
    frame.attrs.update(runs=runs, variance=variance, output=np.asarray(output))
    return frame
