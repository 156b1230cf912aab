"""``dxkit.build_index``: a composite index from COINr-style iData / iMeta, run by the core.

iMeta is small and crosses as text; iData's numbers are read by the core where they are (the
DataFrame's own float64 block, not copied); each data set of the run comes back as a DataFrame
built on a numpy view of the C++ memory.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from dxkit import _core, _display
from dxkit._lazy import frames as _frames
from dxkit._progress import callback as _progress
from dxkit._progress import threads as _threads
from dxkit.report import Reportable


class IndexResult(Reportable):
    """Every data set of a pipeline run (COINr's dsets), the ranks and the treatment log."""

    def __init__(self, core, framework, units=None, settings=(), source=None):
        self._core = core
        self._source_framework = framework
        self._framework = core.framework()  # weights of the chosen set applied
        self._units = units
        self._settings = list(settings)
        self._parts: dict = {}  # data set -> (uCode index, uName, columns), built once
        # (uCode, uName) of the DataFrame the index was built from, reused for the data sets
        # that have exactly its units: not a panel, and nobody screened out (or before screening).
        self._source = source
        self.screened_out: list[str] = list(core.screened_out)
        #: the Time built, for panel data (None otherwise)
        self.time = core.time

    def data(self, name: str = "aggregated"):
        """One data set as a DataFrame indexed by uCode: denominated, imputed, screened,
        treated, normalised or aggregated (indicators, then aggregates level by level).
        Missing values are NaN."""
        index, names, columns = self._frame_parts(name)
        values = self._core.values(name)
        # The frame's float block is the core's memory (no copy); uName is a column of its own.
        frame = _frames.frame(values, index=index, columns=columns, copy=False)
        frame.insert(0, "uName", names)
        return frame

    def _frame_parts(self, name: str):
        if name not in self._parts:
            same_units = (self._source is not None and self.time is None
                          and (not self.screened_out or name in ("denominated", "imputed")))
            if same_units:
                codes, names = self._source
                index = _frames.labels(codes, "uCode")
                columns = self._core.columns(name)
                names = _frames.empty_texts(len(index)) if names is None else names
            else:
                units, names, columns, _ = self._core.data(name)
                index = _frames.labels(units, "uCode")
            self._parts[name] = (index, names, _frames.labels(columns))
        return self._parts[name]

    def ranks(self, columns: list[str] | None = None):
        """Ranks of every column of the aggregated data set: 1 = highest, ties share the
        lowest rank (1, 2, 2, 4), <NA> for missing values (int32 columns when nothing is
        missing, nullable Int32 otherwise). ``columns`` ranks only those (e.g. ["Index"])."""
        index, names, all_columns = self._frame_parts("aggregated")
        whole = self._core.ranks(None if columns is None else list(columns))  # 0 = missing
        columns = all_columns if columns is None else list(columns)
        missing = whole == 0
        if not missing.any():  # one int32 block, no copy per column
            frame = _frames.frame(whole, index=index, columns=columns, copy=False)
        else:
            frame = _frames.frame({c: _frames.masked_int(whole[:, k], missing[:, k])
                                  for k, c in enumerate(columns)}, index=index)
        frame.insert(0, "uName", names)
        return frame

    def treatment(self):
        """Per indicator: skew and kurtosis before and after, points winsorised, log used."""
        return _frames.frame(self._core.treatment())

    def describe(self, name: str = "screened"):
        """Statistics of every column of a data set: n, missing, mean, sd, min, max, median,
        skew, kurtosis and the outlier flag (fails COINr's |skew| < 2 or kurtosis < 3.5)."""
        return _frames.frame(_core.index.describe_data(self._core, name))

    def availability(self):
        """Share of non-missing values per unit and per indicator, after denomination and
        before imputation."""
        by_unit, by_column = _core.index.availability(self._core)
        units, _, columns, _ = self._core.data("denominated")
        return (_frames.series(by_unit, index=_frames.labels(units, "uCode"), name="availability"),
                _frames.series(by_column, index=_frames.labels(columns, "iCode"),
                               name="availability"))

    def correlation_flags(self, weak: float = 0.2):
        """Indicator–parent and sibling correlations that are weak (|r| < weak) or negative."""
        rows = _core.index.correlation_flags(self._core, self._framework, weak)
        return _frames.frame(rows, columns=["a", "b", "r", "flag"])

    def cronbach_alpha(self, aggregate: str):
        """Cronbach's alpha of an aggregate's children (None when undefined)."""
        return _core.index.cronbach_alpha(self._core, self._framework, aggregate)

    def strengths(self, unit: str, n: int = 5):
        """A unit's n best- and worst-ranked indicators, as two lists of (code, rank)."""
        return _core.index.strengths(self._core, self._framework, unit, n)

    def compare(self, other: IndexResult, column: str = "Index"):
        """This result against another (year on year, method against method): scores, ranks
        and rank change (positive = moved up) per unit; units in only one are kept."""
        rows = _core.index.compare_results(self._core, other._core, column)
        frame = _frames.frame(rows, columns=["uCode", "score_before", "score_after",
                                            "rank_before", "rank_after", "rank_change"])
        for c in ("rank_before", "rank_after", "rank_change"):
            frame[c] = frame[c].astype("Int64")
        return frame

    def effective_weights(self):
        return _frames.series(self._framework.effective_weights(), name="effective_weight")

    def screening(self):
        """Units removed by screening: availability, share of non-zero values and the reason
        (availability, zeros or forced)."""
        return _frames.frame(self._core.screening(),
                            columns=["uCode", "availability", "nonzero", "reason"])

    def notes(self) -> list[tuple[str, str]]:
        """(code, message) of each step that changed a number, in the order they ran
        (index.panel_imputed, index.denominated, index.imputed, index.screened,
        index.treated; none when the run only normalised and aggregated), and of each
        warning (index.zero_weights: a parent whose children all weigh 0 scores NA)."""
        return [(code, message) for _, code, message, _ in self._core.notes()]

    def panel_filled(self):
        """Values filled by panel imputation at the time built, and the time each came from."""
        return _frames.frame(self._core.panel_filled(), columns=["uCode", "iCode", "Time", "from"])

    def pca_weights(self, level: int = 1, dataset: str | None = None, by_parent: bool = True):
        """COINr's PCA weights: loadings of the first principal component of each parent's
        children (standardised, complete units). Negative loadings and dropped units are
        reported as Python warnings and in ``frame.attrs["warnings"]``; the weights per iCode
        are in ``frame.attrs["weights"]``."""

        if dataset is None:
            dataset = "normalised" if level == 1 else "aggregated"
        weights, rows, notes = _core.index.pca_weights(self._core, dataset, level, by_parent)
        frame = _frames.frame(rows, columns=["parent", "iCode", "loading", "explained",
                                           "units_used", "units_dropped"])
        frame.attrs["weights"] = dict(weights)
        frame.attrs["warnings"] = list(notes)
        for note in notes:
            warnings.warn(note, stacklevel=2)
        return frame

    def optimise_weights(self, level: int, objective: str = "balance", target=None,
                         tolerance: float = 1e-6, max_iterations: int = 2000):
        """COINr's optimised weights for the nodes of one level: "balance" makes their
        correlations with the index proportional to ``target`` (equal by default), "infomax"
        makes them as high as possible. Returns weight and correlation per node; the
        objective, iterations and convergence are in ``frame.attrs``."""
        w, r, value, iterations, converged = _core.index.optimise_weights(
            self._core, self._settings, level, objective, list(target or []), tolerance,
            max_iterations)
        frame = _frames.frame({"weight": _frames.series(w), "r_with_index": _frames.series(r)})
        frame.index.name = "iCode"
        frame.attrs.update(objective=value, iterations=iterations, converged=converged)
        return frame

    def leave_one_out(self, level: int = 1):
        """Each element of a level left out in turn and the whole pipeline run again: the mean
        and largest absolute change of the index ranks (COINr's remove_elements)."""
        self._need_units("leave_one_out")
        rows = _core.index.leave_one_out(self._units, self._source_framework, self._settings, level)
        return _frames.frame(rows, columns=["iCode", "mean_abs_shift", "max_abs_shift", "note"])

    def uncertainty(self, n: int = 1000, *, seed: int = 1, weight_noise: dict | None = None,
                    normalisations=None, aggregations=None, imputation: bool = False,
                    treatment: bool = False, leave_out=None, threads: int | None = None,
                    progress=None):
        """Monte Carlo uncertainty analysis of the top node's ranks over the assumptions
        chosen: ``weight_noise`` {level: f} (each weight times 1 + U(-f, f)), alternative
        ``normalisations`` and ``aggregations`` (method texts), ``imputation`` / ``treatment``
        on or off, one of ``leave_out`` left out. ``n`` replicates, seeded by ``seed``: the same
        numbers on any number of ``threads`` (None: every core, ``os.cpu_count()``).
        ``progress``: True for a bar (tqdm when installed: a widget in Jupyter; else a bar on
        stderr), a callable(done, total), False for none, or None (a bar on long runs).
        Returns an ``Uncertainty`` with ``summary``, ``ranks`` and ``replicates`` DataFrames."""
        self._need_units("uncertainty")
        return run_uncertainty(self, n, seed, threads, progress, weight_noise, normalisations,
                               aggregations, imputation, treatment, leave_out)

    def sensitivity(self, n: int = 100, *, seed: int = 1, weight_noise: dict | None = None,
                    normalisations=None, aggregations=None, imputation: bool = False,
                    treatment: bool = False, leave_out=None, threads: int | None = None,
                    bootstrap: int = 1000, progress=None):
        """Variance-based sensitivity analysis (Saltelli design, N (k + 2) runs) of the mean
        absolute rank shift: first-order and total (Jansen) index of each assumption, with
        bootstrap 95 % intervals. Same assumptions, ``threads`` and ``progress`` as
        ``uncertainty``."""
        self._need_units("sensitivity")
        return run_sensitivity(self, n, seed, threads, bootstrap, progress, weight_noise,
                               normalisations, aggregations, imputation, treatment, leave_out)

    def _need_units(self, what: str) -> None:
        if self._units is None:
            raise _core.ValidationError(
                f"{what} needs the data the index was built from, which a run with "
                "keep_data_sets=False does not keep: build the index with keep_data_sets=True")

    def __repr__(self) -> str:
        return _display.index_repr(self)

    def _repr_html_(self) -> str:
        return _display.index_html(self)


def _framework(meta):
    if isinstance(meta, (str, os.PathLike)):
        return _core.index.framework_from_csv(os.fspath(meta))
    header, columns = [], []
    for name, column in meta.items():
        header.append(str(name))
        columns.append(_meta_column(column))
    return _core.index.framework_from_columns(header, columns, "<iMeta>")


def _meta_column(column):
    """One iMeta column as the text the core parses ("NA" where a cell is missing): a str
    column's Arrow buffers, read by the core in place, else a list of str."""
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iu":
        return column.to_numpy()  # Level, Weight, Direction: integers the core writes as text
    chunks = _frames.arrow_string_chunks(column)
    if chunks is not None:
        return chunks
    return [_meta_text(v) for v in column.tolist()]


def _meta_text(value) -> str:
    if value.__class__ is str:  # most iMeta cells: no conversion
        return value if value else "NA"
    text = _frames.cell_text(value, "plain")
    return text if text else "NA"


def _unit_data(data, framework, number_format: str = "plain"):
    """iData for the core, and (uCode, uName) of a DataFrame to label the results with."""
    if isinstance(data, (str, os.PathLike)):
        units, note = _core.index.unit_data_from_csv(os.fspath(data), framework, number_format)
        if note:
            warnings.warn(f"{os.fspath(data)}: {note}", stacklevel=3)
        return units, None
    if "uCode" not in data.columns:
        raise _core.ValidationError("iData: missing column 'uCode'")
    codes = set(framework.codes)
    # The labels and dtypes as lists once: iterating pandas' own (Arrow-backed) column
    # index costs a Python step per column.
    labels, dtypes = data.columns.tolist(), data.dtypes.tolist()
    # Numeric columns: bool, integer, float, with or without pandas' missing-value mask.
    numeric = [c for c, t in zip(labels, dtypes)
               if c in codes and c != "uCode" and t.kind in "biuf"]
    taken = set(numeric)
    groups = {c: data[c].astype(str).tolist() for c in labels if c in codes and c not in taken}
    # The results' labels as str columns; the core reads the cells with missing ones kept
    # missing (a unit without a code is refused at its row).
    names = _frames.text_column(data["uName"]) if "uName" in labels else None
    codes = _frames.text_column(data["uCode"])
    unit_cells = _texts(_frames.string_column(data["uCode"]))
    name_cells = [] if names is None else _texts(_frames.string_column(data["uName"]))
    # A DataFrame of float64 columns keeps them as one block: to_numpy() is a view of it in
    # column order, which the core reads where it is (no copy; other dtypes are converted).
    if len(set(labels)) == len(labels):
        position = {c: k for k, c in enumerate(labels)}
        at = [position[c] for c in numeric]
        if at and at == list(range(at[0], at[0] + len(at))):  # one run: a slice, cheaper
            chosen = data.iloc[:, at[0]:at[0] + len(at)]
        else:
            chosen = data.take(at, axis=1)
    else:
        chosen = data[numeric]
    values = np.asfortranarray(chosen.to_numpy(dtype=np.float64, na_value=np.nan))
    time = []
    if "Time" in data.columns:
        time = data["Time"].to_numpy(dtype=np.float64, na_value=np.nan).tolist()
    units = _core.index.unit_data_from_arrays(unit_cells, name_cells, numeric, values, groups,
                                              time, framework)
    return units, (codes.array, None if names is None else names.array)


def _texts(column):
    """A str column as the core reads it: its Arrow buffers in place, else a list of str
    ("" for a missing cell, as Arrow's null arrives)."""
    chunks = _frames.arrow_string_chunks(column)
    if chunks is not None:
        return chunks
    return [v if v.__class__ is str else "" for v in column.tolist()]


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def build_index(data, meta, *, preset: str | None = None, time: float | None = None,
                panel_impute: str = "none", denominate: bool | None = None,
                impute: str | None = None, group: str | None = None,
                screen: float | None = None, min_nonzero: float | None = None,
                include=(), exclude=(), treat: bool | None = None,
                transform: str | None = None, normalise: str = "minmax",
                range: tuple[float, float] | None = None, aggregate: str = "arithmetic",
                weights: dict | None = None, weight_sets=None, weight_set: str | None = None,
                options: dict | None = None, keep_data_sets: bool = True,
                keep_indicators: bool = True, number_format: str = "plain") -> IndexResult:
    """Run COINr's pipeline on iData / iMeta (CSV paths or DataFrames).

    The defaults change nothing that was not asked for: no denomination, imputation,
    screening or outlier treatment; min-max to [0, 100] and weighted arithmetic means.
    ``preset="coinr_asem"`` takes COINr's ASEM choices (denominate, group-mean imputation
    over ``EurAsia_group``, screening at 90 % availability, skew/kurtosis outlier treatment),
    which reproduce COINr's ASEM results to 1e-9; an option given explicitly overrides the
    preset's choice. Every step that changed a number is listed in ``notes()``.

    Methods take parameters in brackets, as on the command line:
    ``normalise="goalposts(lo=0,hi=10,scale=1)"``, ``aggregate="generalised(power=0.5)"``
    (min_share=S on any aggregation, boxcox(lambda=L)). The choices (the core's name tables;
    their meanings in docs/index.md):

    - preset: none, coinr_asem
    - impute: none, mean, median, group_mean, group_median
    - panel_impute: none, latest, constant, linear (iData with a Time column; ``time`` picks
      the year, default the latest)
    - normalise: none, minmax, zscore, scaled, goalposts, distance_to_target,
      distance_to_reference, distance_to_max, fraction_of_max, rank, percentile_rank, borda
    - aggregate: arithmetic, geometric, harmonic, generalised, copeland
    - transform: log_ct, log_ct_plus, log_ct_orig, boxcox, none (after winsorisation)
    - data sets (``data(name)``): denominated, imputed, screened, treated, normalised,
      aggregated

    ``weights`` overrides single weights {iCode: w}; ``weight_sets`` adds named sets ({name:
    {iCode: w}} or a CSV of iCode and one column per set) and ``weight_set`` picks one.
    ``options`` takes any further key of the engine, per indicator, level or parent:
    {"normalise.LPI": "goalposts(lo=1,hi=5)", "aggregate.level.4": "geometric",
    "aggregate.Conn": "harmonic", "treat.Flights": "none", "impute.LPI": "median"}.
    ``keep_data_sets=False`` keeps only the aggregated data set and runs every step in place
    (faster and leaner for large data; ``data()`` of another set then raises, and so do
    uncertainty, sensitivity and leave_one_out, which need the input kept). When, in addition,
    no step before the normalisation changes a number (``denominate=False, impute="none",
    screen=0, treat=False``), the core normalises straight from the DataFrame's memory.
    iData's float64 columns are read in place, never copied or converted per cell; do not
    change the DataFrame from another thread while the index is built.
    ``keep_indicators=False`` (with ``keep_data_sets=False``): the aggregated data set holds
    the aggregates alone (``data()`` and ``ranks()`` have no indicator columns); the
    normalised indicators are never written, the leanest run for an index and its ranks.
    ``number_format``: how an iData CSV writes its numbers: "plain" (COINr's format, the
    default: 4.0979, 1e-05, 1,234.5), "vietnamese" (1.234,5; 0,75) or "auto" (decided from
    the indicator columns and given as a warning; a file holding both styles raises
    ParseError at the cell). A DataFrame's numeric columns are numbers already and its text
    columns are group labels, so the format does not apply to it.
    """
    framework = _framework(meta)
    if isinstance(weight_sets, (str, os.PathLike)):
        framework.add_weight_sets_from_csv(os.fspath(weight_sets))
    elif weight_sets:
        for name, w in weight_sets.items():
            framework.add_weight_set(str(name), {str(k): float(v) for k, v in w.items()})
    units, source = _unit_data(data, framework, number_format)
    if range is not None and "(" not in normalise:
        normalise = f"{normalise}(lo={float(range[0])!r},hi={float(range[1])!r})"
    # The preset first, then only the options given, so that they override it.
    chosen = [("preset", preset), ("denominate", denominate), ("impute", impute),
              ("impute_group", group), ("screen", screen), ("min_nonzero", min_nonzero),
              ("treat", treat), ("transform", transform)]
    settings = [(k, v) for k, v in chosen if v is not None]
    settings += [("panel_impute", panel_impute), ("include", include), ("exclude", exclude),
                 ("normalise", normalise), ("aggregate", aggregate),
                 ("keep_data_sets", keep_data_sets)]
    if not keep_indicators:
        settings.append(("keep_indicators", False))
    if time is not None:
        settings.append(("time", time))
    if weight_set:
        settings.append(("weight_set", weight_set))
    settings += [(f"weight.{k}", v) for k, v in (weights or {}).items()]
    settings += list((options or {}).items())
    settings = [(str(k), _text(v)) for k, v in settings]
    core = _core.index.run_pipeline(units, framework, settings)
    # The run read the DataFrame's memory in place. The analyses that rerun the pipeline
    # later (uncertainty, sensitivity, leave_one_out) need a copy of their own, which a lean
    # run (keep_data_sets=False) does not make.
    if keep_data_sets:
        units.own()
    else:
        units = None
    for severity, _, _, text in core.notes():
        if severity == "warning":
            warnings.warn(text, stacklevel=2)
    return IndexResult(core, framework, units, settings, source)


# Uncertainty and sensitivity analysis of an index's ranks (IndexResult.uncertainty and
# IndexResult.sensitivity): the C++ engine runs the replicates on every core; the results
# come back as DataFrames.


class Uncertainty(Reportable):
    """Monte Carlo results: ``summary`` per unit (nominal rank, mean, median, 5th and 95th
    percentile over the replicates), ``ranks`` (replicates × units, nullable Int32) and
    ``replicates`` (each replicate's choices and weights); ``n`` the number of replicates.
    ``ranks`` and ``replicates`` are built from the core's arrays on first use: a run whose
    summary is all that is read pays nothing for them. ``to_excel`` / ``to_html`` write the
    summary as a report section (dxkit.report)."""

    def __init__(self, summary, column: str, ranks: Callable[[], Any],
                 replicates: Callable[[], Any], n: int):
        self.summary = summary
        self.column = column
        self.n = int(n)
        self._make_ranks = ranks
        self._make_replicates = replicates

    @functools.cached_property
    def ranks(self):
        """Replicates × units, nullable Int32 (a unit without a rank is <NA>)."""
        return self._make_ranks()

    @functools.cached_property
    def replicates(self):
        """Each replicate's normalisation, aggregation, imputed, treated, left_out and
        weights (``w.<code>``)."""
        return self._make_replicates()

    def __repr__(self) -> str:
        return _display.uncertainty_repr(self)

    def _repr_html_(self) -> str:
        return _display.uncertainty_html(self)


def _assumptions(weight_noise, normalisations, aggregations, imputation, treatment, leave_out):
    return ({int(k): float(v) for k, v in (weight_noise or {}).items()},
            [str(s) for s in (normalisations or [])], [str(s) for s in (aggregations or [])],
            bool(imputation), bool(treatment), [str(s) for s in (leave_out or [])])


def run_uncertainty(result, n, seed, threads, progress, *assumptions) -> Uncertainty:
    a = _assumptions(*assumptions)
    return uncertainty_of(result, a, *uncertainty_part(result, a, 0, n, seed, threads,
                                                       progress))


def uncertainty_part(result, a, first, n, seed, threads, progress):
    """The core's arrays for replicates [first, first + n) (``a``: ``_assumptions(...)``):
    units, column, nominal, mean, median, p5, p95, replicate arrays, ranks."""
    return _core.index.run_uncertainty(
        result._units, result._source_framework, result._settings, *a, int(n), int(seed),
        _threads(threads), False, 0, _progress(progress, "uncertainty"), int(first))


def uncertainty_of(result, a, units, column, nominal, mean, median, p5, p95, reps,
                   ranks) -> Uncertainty:
    """An ``Uncertainty`` from the core's arrays (``uncertainty_part``, or parts stacked)."""
    # The summary in nominal order (unranked last), sorted here in numpy: a pandas sort of
    # 51 rows costs more than the frame.
    nominal = np.asarray(nominal, dtype=np.int32)
    order = np.argsort(np.where(nominal == 0, np.iinfo(np.int32).max, nominal), kind="stable")
    columns = {"nominal": nominal[order]}
    columns.update({k: np.asarray(v, dtype=float)[order]
                    for k, v in (("mean", mean), ("median", median), ("p5", p5), ("p95", p95))})
    columns["nominal"] = _frames.masked_int(columns["nominal"], columns["nominal"] == 0)
    summary = _frames.frame(columns, index=_frames.labels([units[k] for k in order], "uCode"),
                            copy=False)

    def ranks_frame():
        missing = ranks == 0
        frame = _frames.frame({u: _frames.masked_int(ranks[:, k], missing[:, k])
                              for k, u in enumerate(units)})
        frame.index.name = "replicate"
        return frame

    codes = result._framework.codes
    norms, aggs, left = ["nominal", *a[1]], ["nominal", *a[2]], [*a[5], None]
    norm_of, agg_of, imputed, treated, left_of, weights = reps

    def replicates_frame():
        # The core's arrays as columns; a node's weight column where any replicate weights it.
        data = {"normalisation": [norms[k] for k in norm_of.tolist()],
                "aggregation": [aggs[k] for k in agg_of.tolist()], "imputed": imputed,
                "treated": treated, "left_out": [left[k] for k in left_of.tolist()]}
        weighted = ~np.isnan(weights).all(axis=0) if len(weights) else np.zeros(0, bool)
        data.update({f"w.{c}": weights[:, j] for j, c in enumerate(codes) if weighted[j]})
        replicates = _frames.frame(data)
        replicates.index.name = "replicate"
        return replicates

    return Uncertainty(summary, column, ranks_frame, replicates_frame,
                       len(norm_of))


def run_sensitivity(result, n, seed, threads, bootstrap, progress, *assumptions):
    a = _assumptions(*assumptions)
    return sensitivity_of(*_core.index.run_uncertainty(
        result._units, result._source_framework, result._settings, *a, int(n), int(seed),
        _threads(threads), True, int(bootstrap), _progress(progress, "sensitivity"), 0))


def sensitivity_part(result, a, n, seed, first, count, threads, progress):
    """The outputs of runs [first, first + count) of the sensitivity design of N = ``n`` rows
    (``a``: ``_assumptions(...)``): parameters, N, runs (all of the design's), first, outputs.
    ``count`` 0 checks the assumptions and gives the design's size without running."""
    return _core.index.sensitivity_runs(
        result._units, result._source_framework, result._settings, *a, int(n), int(seed),
        int(first), int(count), _threads(threads), _progress(progress, "sensitivity"))


def sensitivity_indices(output, n, parameters, seed, bootstrap):
    """The result of ``IndexResult.sensitivity`` from the outputs of all the design's runs, in
    run order (``sensitivity_part``'s outputs put one after the other)."""
    return sensitivity_of(*_core.index.sensitivity_indices(
        np.ascontiguousarray(output, dtype=np.float64), int(n), list(parameters), int(seed),
        int(bootstrap)))


def sensitivity_of(rows, runs, variance, output):
    """The ``SensitivityFrame`` of the core's index rows, number of runs, variance and
    outputs."""
    frame = _frames.frame(rows, columns=["parameter", "first", "first_lo", "first_hi", "total",
                                        "total_lo", "total_hi"]).set_index("parameter")
    frame = _frames.SensitivityFrame(frame)
    frame.attrs.update(runs=runs, variance=variance, output=np.asarray(output))
    return frame
