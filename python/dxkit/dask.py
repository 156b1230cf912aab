"""``dxkit.dask``: scoring and roll-ups of a partitioned ``dask.dataframe``, exactly.

Where a table outgrows one machine (every commune of the country over many years), the
partitions are scored and rolled up where they sit, by ``dxkit.evaluate`` and
``dxkit.budget.rollup`` on each pandas partition, and only the small partial results travel:

- ``evaluate(ddf)``: a lazy dask DataFrame of ``EvaluationResult.to_frame()`` rows (each row
  is scored on its own, so partitioning changes nothing); ``counts(ddf)``: the verdict tally,
  the per-partition counts added as Python integers.
- ``rollup(ddf, by)``: per-partition int64 sums, combined by the same checked int64 additions
  (an overflow is a ``dxkit.ValidationError``, never a wrapped sum), rows in the order
  ``dxkit.budget.rollup`` gives on the whole computed frame.
- ``uncertainty(data, meta, n)``: Monte Carlo replicates of an index run in blocks on the
  workers, each replicate from its own stream (seed, replicate number), the blocks' ranks put
  together and summarised by the core: bit-identical to ``IndexResult.uncertainty`` in one
  process.
- ``sensitivity(data, meta, n)``: the N (k + 2) runs of the Saltelli design in blocks on the
  workers, each run from the design drawn from the seed, the outputs put together in run order
  and the indices computed by the core: bit-identical to ``IndexResult.sensitivity``.

Works with any dask scheduler: the default threads, ``scheduler="synchronous"`` or a
``distributed.Client`` (``Client("tcp://scheduler:8786")``), which must be able to import
dxkit on its workers. dask is optional for dxkit: ``pip install "dask[dataframe]" distributed``.
See ``docs/scaling.md``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from typing import Any

from dxkit import _core
from dxkit import budget as _budget
from dxkit import targets as _targets
from dxkit._lazy import frames as _frames

if importlib.util.find_spec("dask") is None or importlib.util.find_spec("dask.dataframe") is None:
    raise ImportError('dxkit.dask needs dask: pip install "dask[dataframe]" distributed')

__all__ = ["counts", "evaluate", "rollup", "sensitivity", "uncertainty"]


def _dask_frame(ddf, what: str):
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"dxkit.dask.{what}() takes a dask.dataframe.DataFrame, "
                        f"not {type(ddf).__name__}")
    return dd


def _in_partition(error: _core.Error, k: int, what: str, offset: int = 0) -> _core.Error:
    """The same kind of dxkit error, its message naming the partition; a DataFrame line
    (``offset`` rows before the partition) renumbered as a line of the whole frame."""
    text = str(error)
    line = getattr(error, "line", None)
    if offset and isinstance(line, int) and getattr(error, "file", None) == "<DataFrame>":
        text = text.replace(f"<DataFrame>:{line}", f"<DataFrame>:{line + offset}", 1)
        line += offset
    new = type(error)(f"dxkit.dask.{what}: partition {k}: {text}")
    for name in ("file", "line", "column", "column_name", "sheet", "table", "cell", "message",
                 "text"):
        if hasattr(error, name):
            setattr(new, name, line if name == "line" else getattr(error, name))
    return new


# evaluate / counts ----------------------------------------------------------------------

def _score(part, options: dict[str, Any], offset: int = 0, k: int = 0):
    """One pandas partition scored: ``to_frame()`` on the partition's own index, ``line``
    counted from the first row of the whole frame (``offset`` rows before this partition)."""
    try:
        out = _targets.evaluate(part, **options).to_frame()
    except _core.Error as e:
        raise _in_partition(e, k, "evaluate", offset) from None
    if "line" in out.columns and offset:
        out["line"] = out["line"] + offset
    out.index = part.index
    return out


def _offsets(lengths: Sequence[int]) -> list[int]:
    out, total = [], 0
    for n in lengths:
        out.append(total)
        total += int(n)
    return out


def _score_numbered(part, offsets, options, partition_info=None):
    k = partition_info["number"] if partition_info else 0
    return _score(part, options, offsets[k], k)


def evaluate(ddf, scheme: str = "exceed", bands: Sequence[float] = (90, 50), *,
             number_format: str = "vietnamese"):
    """Score a partitioned table of targets and results, partition by partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The columns ``dxkit.evaluate`` takes from a DataFrame (code / name / pillar / target /
        actual, optional unit and direction, or the documents' headers), numeric or text.
    scheme, bands, number_format
        As for ``dxkit.evaluate``. ``number_format="auto"`` decides per partition: give the
        format when partitions may differ.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy: the rows of ``dxkit.evaluate(ddf.compute()).to_frame()``, on the input's index,
        ``line`` (text tables) counted over the whole frame. ``target`` and ``actual`` of a
        text table are categoricals whose categories differ by partition (unknown to dask
        until computed; compare them as values). Warnings (a code repeated on two rows) are
        given per partition, on the worker; a ``dxkit.ParseError`` names the partition and the
        line of the whole frame.
    """
    dd = _dask_frame(ddf, "evaluate")
    from dask.dataframe.utils import clear_known_categories

    options = {"scheme": scheme, "bands": tuple(float(b) for b in bands),
               "number_format": number_format}
    meta = _score(ddf._meta, options)
    varying = [c for c in ("target", "actual")
               if c in meta.columns and str(meta[c].dtype) == "category"]
    if varying:
        meta = clear_known_categories(meta, cols=varying)
    import dask

    # Each partition's first line in the whole frame (for `line` and located errors): the
    # partitions' lengths, counted in the same graph, so a partition is read once.
    lengths = [dask.delayed(len)(p) for p in ddf.to_delayed()]
    offsets = dask.delayed(_offsets)(lengths)
    return dd.map_partitions(_score_numbered, ddf, offsets, options, meta=meta,
                             align_dataframes=False)


def _count(part, options: dict[str, Any], ids: list[str], k: int = 0):
    try:
        c = _targets.evaluate(part, **options).counts
    except _core.Error as e:
        raise _in_partition(e, k, "counts") from None
    return _frames.frame({sid: [int(c[sid])] for sid in ids})


def _count_numbered(part, options, ids, partition_info=None):
    return _count(part, options, ids, partition_info["number"] if partition_info else 0)


def counts(ddf, scheme: str = "exceed", bands: Sequence[float] = (90, 50), *,
           number_format: str = "vietnamese") -> dict[str, int]:
    """The verdict tally of ``evaluate(ddf, ...)``, computed: status id -> number of rows,
    every status of the scheme included (0 too), exactly ``dxkit.evaluate(whole).counts``.
    Each partition is scored and tallied where it sits; one row of counts per partition
    travels, and the rows are added as Python integers."""
    _dask_frame(ddf, "counts")
    import numpy as np

    options = {"scheme": scheme, "bands": tuple(float(b) for b in bands),
               "number_format": number_format}
    sch = _core.targets.Scheme.from_name(scheme, list(options["bands"]))
    ids = [sid for sid, _ in sch.statuses]
    meta = _frames.frame({sid: np.zeros(0, dtype=np.int64) for sid in ids})
    per = ddf.map_partitions(_count_numbered, options, ids, meta=meta).compute()
    return {sid: sum(int(n) for n in per[sid].to_numpy()) for sid in ids}


# rollup ---------------------------------------------------------------------------------

def _partial(part, by: list[str], amount: str, k: int):
    """One partition's sums and its keys' distinct values in code order; None when empty."""
    if len(part) == 0:
        return None
    try:
        sums, cats = _budget._rollup(part, by, amount)
    except _core.Error as e:
        raise _in_partition(e, k, "rollup") from None
    return sums, [_frames.labels(u) for u in cats]


def _combine(partials, by: list[str], amount: str, meta):
    """The partitions' sums added group by group with the core's checked int64 additions,
    the keys coded in the whole frame's order: each key's distinct values are the partitions'
    in partition order (first appearance, or the union of categories, as dask concatenates
    categoricals), so the rows come in the order ``dxkit.budget.rollup`` gives the whole
    frame."""
    import numpy as np

    partials = [p for p in partials if p is not None]
    if not partials:  # no rows at all: no groups
        return meta
    frames = [f for f, _ in partials]
    whole = frames[0] if len(frames) == 1 else _frames.concat(frames)
    coded: dict[str, Any] = {}
    for i, name in enumerate(by):
        first = partials[0][1][i]
        order = first.append([c[i] for _, c in partials[1:]]).unique() if len(partials) > 1 \
            else first
        coded[name] = _frames.categorical(order.get_indexer(whole[name]).astype(np.int32),
                                          order)
    coded[amount] = whole[amount].to_numpy()
    try:
        return _budget._rollup(_frames.frame(coded), by, amount)[0]
    except _core.Error as e:
        raise type(e)(f"dxkit.dask.rollup: across partitions: {e}") from None


def rollup(ddf, by: Iterable[str] | str, amount: str = "amount"):
    """Exact int64 sums of ``ddf[amount]`` grouped by the columns ``by``, computed.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Line items: key columns (categorical, integer or text) and ``amount`` in whole đồng
        (integers).
    by : column name or names.
    amount : the amount column.

    Returns
    -------
    pandas.DataFrame
        Equal to ``dxkit.budget.rollup(ddf.compute(), by, amount)`` (same rows, values,
        dtypes and order: the keys' codes, a categorical's categories else first appearance
        in the whole frame, the first key varying slowest), without bringing the items
        together: each partition is summed by the core where it sits, and only its groups
        travel. No rows: an empty frame of the key and amount columns.

    Raises
    ------
    dxkit.ValidationError
        A key without a value, an amount column that is not integer, or a group's sum beyond
        int64 within a partition or across them (a partial sum included: the additions are
        checked one by one, as in the whole-frame roll-up), naming the partition.
    """
    _dask_frame(ddf, "rollup")
    import dask

    by = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [*by, amount] if c not in ddf.columns]
    if missing:
        raise _core.ValidationError(f"dxkit.dask.rollup: no column {missing[0]!r}; "
                                    f"the frame has {list(ddf.columns)!r}")
    if ddf[amount].dtype.kind not in "iu":
        raise _core.ValidationError(
            f"rollup: column '{amount}' must hold whole đồng as integers")
    import numpy as np

    meta = _frames.frame({name: ddf._meta[name].to_numpy()[:0] for name in by}
                         | {amount: np.zeros(0, dtype=np.int64)})
    partials = [dask.delayed(_partial)(p, by, amount, k)
                for k, p in enumerate(ddf.to_delayed())]
    return dask.delayed(_combine)(partials, by, amount, meta).compute()


# uncertainty ----------------------------------------------------------------------------

def _uncertainty_block(data, meta, index_options: dict, a, first: int, n: int, seed: int):
    """Replicates [first, first + n) of the index built from ``data`` / ``meta``, on one core
    of the worker (the cluster spreads the blocks): the core's arrays."""
    from dxkit import index as _index

    result = _index.build_index(data, meta, **index_options)
    result._need_units("uncertainty")
    return _index.uncertainty_part(result, a, first, n, seed, 1, False)


def _shared(data, meta):
    """data and meta as task arguments: a DataFrame once in the graph, a path as it is."""
    import dask

    return [dask.delayed(x, pure=True) if not isinstance(x, (str, bytes)) and
            not hasattr(x, "__fspath__") else x for x in (data, meta)]


def _blocks(total: int, blocks, what: str, limit: str, per: int = 250) -> list[int]:
    """The edges of ``blocks`` contiguous blocks of ``total`` items; None: about ``per`` items
    a block, at most 1000 blocks. ``limit`` names ``total`` in the error."""
    count = min(total, max(1, min(1000, -(-total // per)))) if blocks is None else int(blocks)
    if not 1 <= count <= total:
        raise _core.ValidationError(f"{what}: blocks must be 1 to {limit}, not {blocks}")
    return [total * k // count for k in range(count + 1)]


def uncertainty(data, meta, n: int = 1000, *, seed: int = 1, blocks: int | None = None,
                index_options: dict | None = None, weight_noise: dict | None = None,
                normalisations=None, aggregations=None, imputation: bool = False,
                treatment: bool = False, leave_out=None):
    """Monte Carlo uncertainty analysis of an index, its replicates spread over the workers.

    Parameters
    ----------
    data, meta : iData and iMeta as ``dxkit.build_index`` takes them: DataFrames (sent to the
        workers once) or CSV paths every worker can read.
    n : the number of replicates; ``seed`` as for ``IndexResult.uncertainty``.
    blocks : how many tasks share the replicates (contiguous blocks of replicate numbers);
        None: about 250 replicates a block, at most 1000 blocks.
    index_options : the keyword arguments of ``dxkit.build_index`` (preset, normalise, ...).
    weight_noise, normalisations, aggregations, imputation, treatment, leave_out
        The assumptions, as for ``IndexResult.uncertainty``.

    Returns
    -------
    dxkit.index.Uncertainty
        Bit-identical to ``dxkit.build_index(data, meta, **index_options).uncertainty(n,
        seed=seed, ...)`` on one process: replicate r draws its choices from the stream
        (seed, r) whichever block and worker runs it, the blocks' ranks and choices are put
        one after the other in replicate order, and the summary (mean, median, 5th and 95th
        percentiles of each unit's ranks) is computed from them by the same core function.
    """
    import dask
    import numpy as np

    from dxkit import index as _index

    n = int(n)
    if n <= 0:
        raise _core.ValidationError(
            "uncertainty analysis: the number of replicates must be positive")
    options = dict(index_options or {})
    a = _index._assumptions(weight_noise, normalisations, aggregations, imputation, treatment,
                            leave_out)
    result = _index.build_index(data, meta, **options)  # checked here, before any task
    result._need_units("uncertainty")
    edges = _blocks(n, blocks, "uncertainty", f"n ({n})")
    shared = _shared(data, meta)
    tasks = [dask.delayed(_uncertainty_block, pure=True)(*shared, options, a, lo, hi - lo,
                                                          int(seed))
             for lo, hi in zip(edges, edges[1:])]
    parts = dask.compute(*tasks)
    units, column, nominal = parts[0][0], parts[0][1], parts[0][2]
    for p in parts[1:]:
        if list(p[0]) != list(units) or list(p[2]) != list(nominal):
            raise _core.Error("uncertainty: the workers built different indices "
                              "(different dxkit versions or data?)")
    ranks = np.concatenate([p[8] for p in parts], axis=0)
    reps = tuple(np.concatenate([p[7][j] for p in parts], axis=0) for j in range(6))
    mean, median, p5, p95 = _core.index.summarise_ranks(ranks)
    return _index.uncertainty_of(result, a, units, column, nominal, mean, median, p5, p95, reps,
                                 ranks)


# sensitivity ----------------------------------------------------------------------------

def _sensitivity_block(data, meta, index_options: dict, a, n: int, seed: int, first: int,
                       count: int):
    """Runs [first, first + count) of the sensitivity design of the index built from ``data``
    / ``meta``, on one core of the worker: (parameters, N, runs, first, outputs)."""
    from dxkit import index as _index

    result = _index.build_index(data, meta, **index_options)
    result._need_units("sensitivity")
    return _index.sensitivity_part(result, a, n, seed, first, count, 1, False)


def sensitivity(data, meta, n: int = 100, *, seed: int = 1, blocks: int | None = None,
                index_options: dict | None = None, weight_noise: dict | None = None,
                normalisations=None, aggregations=None, imputation: bool = False,
                treatment: bool = False, leave_out=None, bootstrap: int = 1000):
    """Variance-based sensitivity analysis of an index, its runs spread over the workers.

    Parameters
    ----------
    data, meta : iData and iMeta as ``dxkit.build_index`` takes them: DataFrames (sent to the
        workers once) or CSV paths every worker can read.
    n : N, the rows of the Saltelli design's matrices A and B (N (k + 2) runs for k uncertain
        assumptions); ``seed`` and ``bootstrap`` as for ``IndexResult.sensitivity``.
    blocks : how many tasks share the N (k + 2) runs (contiguous blocks of run numbers);
        None: about 2000 runs a block (a block first builds the index on its worker), at most
        1000 blocks.
    index_options : the keyword arguments of ``dxkit.build_index`` (preset, normalise, ...).
    weight_noise, normalisations, aggregations, imputation, treatment, leave_out
        The assumptions, as for ``IndexResult.sensitivity``.

    Returns
    -------
    dxkit._frames.SensitivityFrame
        Bit-identical to ``dxkit.build_index(data, meta, **index_options).sensitivity(n,
        seed=seed, bootstrap=bootstrap, ...)`` on one process (the indices, their intervals
        and ``attrs`` runs, variance and output): the design (A and B) is drawn from the seed
        on every worker, run j takes row j % N and column block j / N of it whichever block
        and worker runs it, the blocks' outputs are put one after the other in run order, and
        the indices, variance and bootstrap intervals are computed from them here by the same
        core function a one-process run uses.

    Raises
    ------
    dxkit.ValidationError
        Before any task: N below 2, no assumption that varies, an assumption the index cannot
        take (a level without nodes, an element not in the framework, a method text), a
        negative ``bootstrap``, ``blocks`` outside 1 to N (k + 2); any error of
        ``dxkit.build_index``.
    """
    import dask
    import numpy as np

    from dxkit import index as _index

    n, seed, bootstrap = int(n), int(seed), int(bootstrap)
    if n < 2:
        raise _core.ValidationError("sensitivity analysis: N must be at least 2")
    if bootstrap < 0:
        raise _core.ValidationError(
            f"sensitivity: bootstrap must be 0 or more resamples, not {bootstrap}")
    options = dict(index_options or {})
    a = _index._assumptions(weight_noise, normalisations, aggregations, imputation, treatment,
                            leave_out)
    # Checked here, before any task: the index, the assumptions, and the design's size.
    result = _index.build_index(data, meta, **options)
    result._need_units("sensitivity")
    parameters, _, runs, _, _ = _index.sensitivity_part(result, a, n, seed, 0, 0, 1, False)
    # A block builds the index and the core's variants of it before its runs (16 ms on ASEM,
    # as long as 300 of its runs): about 2000 runs a block keeps that within a tenth.
    edges = _blocks(runs, blocks, "sensitivity", f"the number of runs, N (k + 2) = {runs}",
                    2000)
    shared = _shared(data, meta)
    tasks = [dask.delayed(_sensitivity_block, pure=True)(*shared, options, a, n, seed, lo,
                                                          hi - lo)
             for lo, hi in zip(edges, edges[1:])]
    parts = dask.compute(*tasks)
    for (names, _, total, first, output), lo, hi in zip(parts, edges, edges[1:]):
        if list(names) != list(parameters) or total != runs or first != lo or \
                len(output) != hi - lo:
            raise _core.Error("sensitivity: the workers built different designs "
                              "(different dxkit versions or data?)")
    output = np.concatenate([p[4] for p in parts])
    return _index.sensitivity_indices(output, n, parameters, seed, bootstrap)
