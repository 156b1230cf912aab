"""dxkit.dask on a partitioned dask.dataframe: the synchronous scheduler and a two-worker
distributed LocalCluster (separate processes) give exactly what dxkit gives the whole frame."""

import os
import warnings

import numpy as np
import pytest

pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dxkit  # noqa: E402
import dxkit.dask as dk  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SEED = os.path.join(ROOT, "examples", "thai_binh_2023_results.csv")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster, set_as_default=False)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(params=["synchronous", "distributed"])
def scheduler(request):
    if request.param == "distributed":
        c = request.getfixturevalue("client")
        with dask.config.set(scheduler=c):
            yield c
    else:
        with dask.config.set(scheduler="synchronous"):
            yield None


def _quiet(f, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the seed's repeated codes: tested in test_targets
        return f(*args, **kwargs)


def _values(frame):
    """Columns as plain values (categoricals as their labels, nullable as objects)."""
    return {c: [None if v is pd.NA else v for v in frame[c].astype(object).tolist()]
            for c in frame.columns}


def test_evaluate_seed_in_three_partitions_equals_whole_frame(scheduler):
    df = pd.read_csv(SEED)
    ddf = dd.from_pandas(df, npartitions=3)
    assert ddf.npartitions == 3
    lazy = dk.evaluate(ddf)
    assert isinstance(lazy, dd.DataFrame)
    got = _quiet(lazy.compute)
    if scheduler is not None:  # the partitions were scored on both workers
        assert len(scheduler.scheduler_info()["workers"]) == 2
    whole = _quiet(dxkit.evaluate, df)
    expected = whole.to_frame()
    assert list(got.columns) == list(expected.columns)
    assert list(got.index) == list(expected.index)
    assert _values(got) == _values(expected)  # verdicts, ratios, lines, texts
    np.testing.assert_array_equal(got["ratio"].to_numpy(dtype=float, na_value=np.nan),
                                  whole.ratio)
    # The same frame as dask hands it over (its string dtypes): equal dtypes too.
    same = _quiet(dxkit.evaluate, ddf.compute()).to_frame()
    for c in same.columns:
        if str(same[c].dtype) != "category":
            assert got[c].dtype == same[c].dtype, c
    assert got["status"].cat.categories.tolist() == expected["status"].cat.categories.tolist()
    assert dk.counts(ddf) == whole.counts
    assert sum(whole.counts.values()) == len(df)
    assert dk.counts(ddf, "bands") == _quiet(dxkit.evaluate, df, "bands").counts


def test_evaluate_numeric_partitions(scheduler):
    rng = np.random.default_rng(7)
    n = 3000
    df = pd.DataFrame({"code": np.arange(n), "target": rng.uniform(1, 100, n).round(1),
                       "actual": rng.uniform(0, 120, n).round(1),
                       "direction": rng.choice(["higher", "lower"], n)})
    df.loc[::97, "actual"] = np.nan
    ddf = dd.from_pandas(df, npartitions=4)
    got = dk.evaluate(ddf, "bands", (80, 40)).compute()
    whole = dxkit.evaluate(df, "bands", (80, 40))
    pd.testing.assert_frame_equal(got, whole.to_frame())
    assert dk.counts(ddf, "bands", (80, 40)) == whole.counts
    assert whole.counts["no_data"] == len(df.loc[::97])
    df.loc[2900, "direction"] = "sideways"
    with pytest.raises(dxkit.ParseError) as whole_error:
        dxkit.evaluate(df)
    with pytest.raises(dxkit.ParseError) as part_error:
        dk.evaluate(dd.from_pandas(df, npartitions=4)).compute()
    assert "<DataFrame>:2902 " in str(whole_error.value)
    assert "partition 3" in str(part_error.value)
    assert str(whole_error.value) in str(part_error.value)


def test_evaluate_parse_error_names_partition_and_whole_frame_line(scheduler):
    df = pd.read_csv(SEED)
    df.loc[12, "actual"] = "không rõ %"
    ddf = dd.from_pandas(df, npartitions=3)
    with pytest.raises(dxkit.ParseError) as whole:
        _quiet(dxkit.evaluate, df)
    with pytest.raises(dxkit.ParseError) as part:
        _quiet(dk.evaluate(ddf).compute)
    message = str(part.value)
    assert "partition 2" in message
    assert "<DataFrame>:14:" in str(whole.value)  # line 14 of the whole frame, both ways
    assert str(whole.value) in message


def _items(n=200_000, seed=3):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "agency": pd.Categorical(rng.choice(["UBND tỉnh", "Sở Tài chính", "Sở KH&CN", "Công an"],
                                            n), categories=["Sở KH&CN", "UBND tỉnh",
                                                            "Công an", "Sở Tài chính", "Bộ"]),
        "year": rng.integers(2021, 2026, n),
        "commune": rng.integers(0, 300, n).astype(str),
        "amount": rng.integers(0, 5 * 10**12, n, dtype=np.int64),  # whole đồng
    })


@pytest.fixture(scope="module")
def items():
    return _items()


def test_rollup_equals_whole_frame_and_pandas(scheduler, items):
    ditems = dd.from_pandas(items, npartitions=7).persist()  # on the workers, once
    assert ditems.npartitions == 7
    whole = ditems.compute()
    total = sum(int(a) for a in items["amount"])
    for by in (["agency"], ["year"], ["agency", "year"], ["commune", "year"],
               ["year", "agency", "commune"]):
        got = dk.rollup(ditems, by)
        assert isinstance(got, pd.DataFrame)
        pd.testing.assert_frame_equal(got, dxkit.budget.rollup(whole, by))
        # pandas' groupby, exact in int64 here (the sums stay far below 2^63), as a check.
        pandas = items.groupby(by, observed=True, sort=False)["amount"].sum()
        mine = got.set_index(by)["amount"]
        assert len(mine) == len(pandas)
        assert mine.sort_index().to_dict() == pandas.sort_index().to_dict()
        assert int(got["amount"].sum()) == total


def test_rollup_order_follows_first_appearance_across_partitions(scheduler):
    # Key values first seen in a later partition come after those of earlier ones, and a
    # second key orders by the whole frame's first appearance, not a partition's.
    items = pd.DataFrame({"a": ["x", "x", "y", "x", "z", "y"], "b": [3, 1, 1, 2, 3, 2],
                          "amount": np.array([1, 2, 3, 4, 5, 6], dtype=np.int64)})
    ditems = dd.from_pandas(items, npartitions=3, sort=False)
    got = dk.rollup(ditems, ["a", "b"])
    pd.testing.assert_frame_equal(got, dxkit.budget.rollup(items, ["a", "b"]))
    assert list(zip(got["a"], got["b"])) == [("x", 3), ("x", 1), ("x", 2), ("y", 1),
                                             ("y", 2), ("z", 3)]


def test_rollup_categories_differing_by_partition(scheduler):
    items = _items(20_000)
    ditems = dd.from_pandas(items.astype({"agency": str}), npartitions=4)
    # Each partition its own categories (unknown to dask), as per-file reads give them.
    ditems = ditems.map_partitions(lambda p: p.astype({"agency": "category"}))
    got = dk.rollup(ditems, ["agency", "year"])
    pd.testing.assert_frame_equal(got, dxkit.budget.rollup(ditems.compute(), ["agency", "year"]))


def test_rollup_overflow_across_partitions_is_refused(scheduler):
    big = 3 * 2**61  # 6,9 × 10^18 đồng: one partition holds it, two do not
    items = pd.DataFrame({"agency": ["A", "B", "A", "B"],
                          "amount": np.array([big, 1, big, 2], dtype=np.int64)})
    ditems = dd.from_pandas(items, npartitions=2, sort=False)
    assert ditems.npartitions == 2
    with pytest.raises(dxkit.ValidationError, match="across partitions.*exceeds"):
        dk.rollup(ditems, "agency")
    with pytest.raises(dxkit.ValidationError, match="exceeds"):
        dxkit.budget.rollup(items, ["agency"])
    # Within one partition: refused too, naming it.
    inside = pd.DataFrame({"agency": ["A", "A", "B", "B"],
                           "amount": np.array([1, 2, big, big], dtype=np.int64)})
    with pytest.raises(dxkit.ValidationError, match="partition 1:.*exceeds"):
        dk.rollup(dd.from_pandas(inside, npartitions=2, sort=False), ["agency"])


def test_rollup_bad_input(scheduler):
    items = pd.DataFrame({"agency": ["A", None, "B"], "amount": np.array([1, 2, 3])})
    ditems = dd.from_pandas(items, npartitions=2, sort=False)
    with pytest.raises(dxkit.ValidationError, match="partition 0:.*no value"):
        dk.rollup(ditems, "agency")
    with pytest.raises(dxkit.ValidationError, match="whole đồng"):
        dk.rollup(ditems.assign(amount=ditems["amount"] * 1.0), "agency")
    with pytest.raises(dxkit.ValidationError, match="no column 'sector'"):
        dk.rollup(ditems, "sector")
    with pytest.raises(TypeError, match="dask.dataframe"):
        dk.rollup(items, "agency")


def test_uncertainty_blocks_on_workers_bit_identical_to_one_process(scheduler):
    from test_index_cli import ASEM

    data = pd.read_csv(ASEM / "ASEM_iData.csv")
    meta = pd.read_csv(ASEM / "ASEM_iMeta.csv")
    options = {"preset": "coinr_asem", "normalise": "minmax(lo=1,hi=100)"}
    assumptions = {"weight_noise": {2: 0.25}, "aggregations": ["geometric"],
                   "imputation": True, "leave_out": ["Physical"]}
    one = dxkit.build_index(data, meta, **options).uncertainty(
        120, seed=5, progress=False, **assumptions)
    spread = dk.uncertainty(data, meta, 120, seed=5, blocks=7, index_options=options,
                            **assumptions)
    assert spread.n == one.n == 120
    pd.testing.assert_frame_equal(spread.summary, one.summary, check_exact=True)
    pd.testing.assert_frame_equal(spread.ranks, one.ranks, check_exact=True)
    pd.testing.assert_frame_equal(spread.replicates, one.replicates, check_exact=True)
    # The blocks really differ: replicates are not repeated from block to block.
    assert spread.ranks.drop_duplicates().shape[0] > 60
    # A different seed gives other replicates (the test can tell them apart).
    other = dk.uncertainty(data, meta, 120, seed=6, blocks=3, index_options=options,
                           **assumptions)
    assert not other.ranks.equals(one.ranks)


def _asem():
    from test_index_cli import ASEM

    return pd.read_csv(ASEM / "ASEM_iData.csv"), pd.read_csv(ASEM / "ASEM_iMeta.csv")


SENS_OPTIONS = {"preset": "coinr_asem", "normalise": "minmax(lo=1,hi=100)"}
SENS_ASSUMPTIONS = {"weight_noise": {2: 0.25}, "aggregations": ["geometric"],
                    "imputation": True, "leave_out": ["Physical", "Environ"]}  # k = 4


def test_sensitivity_blocks_on_workers_bit_identical_to_one_process(scheduler):
    data, meta = _asem()
    one = dxkit.build_index(data, meta, **SENS_OPTIONS).sensitivity(
        30, seed=5, bootstrap=200, progress=False, **SENS_ASSUMPTIONS)
    assert one.attrs["runs"] == 30 * (4 + 2)
    assert one.attrs["variance"] > 0
    # The runs differ from each other (a block repeated would show).
    assert len(np.unique(one.attrs["output"])) > 30
    for blocks in (1, 7, 13):  # 180 runs: blocks of 25 or 26, of 13 or 14
        spread = dk.sensitivity(data, meta, 30, seed=5, blocks=blocks, bootstrap=200,
                                index_options=SENS_OPTIONS, **SENS_ASSUMPTIONS)
        assert type(spread) is type(one)
        pd.testing.assert_frame_equal(spread, one, check_exact=True)
        for column in one.columns:
            assert np.array_equal(spread[column].to_numpy(), one[column].to_numpy()), column
        assert spread.attrs["runs"] == one.attrs["runs"]
        assert spread.attrs["variance"] == one.attrs["variance"]
        assert np.array_equal(spread.attrs["output"], one.attrs["output"])
    # Another seed, another design: the test can tell them apart.
    other = dk.sensitivity(data, meta, 30, seed=6, blocks=3, bootstrap=200,
                           index_options=SENS_OPTIONS, **SENS_ASSUMPTIONS)
    assert not np.array_equal(other.attrs["output"], one.attrs["output"])


class _NoTask(Exception):
    pass


def _no_task(*args, **kwargs):
    raise _NoTask("a task was scheduled")


def test_sensitivity_bad_arguments_refused_before_any_task():
    data, meta = _asem()
    call = {"index_options": SENS_OPTIONS, **SENS_ASSUMPTIONS}
    with dask.config.set(scheduler=_no_task):
        with pytest.raises(_NoTask):  # good arguments do reach the scheduler
            dk.sensitivity(data, meta, 30, blocks=180, **call)
        with pytest.raises(dxkit.ValidationError) as e:
            dk.sensitivity(data, meta, 30, blocks=181, **call)
        assert str(e.value) == ("sensitivity: blocks must be 1 to the number of runs, "
                                "N (k + 2) = 180, not 181")
        with pytest.raises(dxkit.ValidationError, match="blocks must be 1 to .* not 0"):
            dk.sensitivity(data, meta, 30, blocks=0, **call)
        with pytest.raises(dxkit.ValidationError) as e:
            dk.sensitivity(data, meta, 1, **call)
        assert str(e.value) == "sensitivity analysis: N must be at least 2"
        with pytest.raises(dxkit.ValidationError) as e:
            dk.sensitivity(data, meta, 30, index_options=SENS_OPTIONS)
        assert str(e.value) == ("sensitivity analysis: no assumption varies (set weight noise, "
                                "alternative methods, toggles or elements to leave out)")
        with pytest.raises(dxkit.ValidationError) as e:
            dk.sensitivity(data, meta, 30, index_options=SENS_OPTIONS, leave_out=["Nowhere"])
        assert str(e.value) == "leave out: 'Nowhere' is not in the framework"
        with pytest.raises(dxkit.ValidationError) as e:
            dk.sensitivity(data, meta, 30, bootstrap=-1, **call)
        assert str(e.value) == "sensitivity: bootstrap must be 0 or more resamples, not -1"


def test_sensitivity_indices_need_every_run():
    from dxkit import index as dx_index

    data, meta = _asem()
    result = dxkit.build_index(data, meta, **SENS_OPTIONS)
    one = result.sensitivity(30, seed=5, bootstrap=50, progress=False, **SENS_ASSUMPTIONS)
    output = one.attrs["output"]
    params = list(one.index)
    again = dx_index.sensitivity_indices(output, 30, params, 5, 50)
    pd.testing.assert_frame_equal(again, one, check_exact=True)
    with pytest.raises(dxkit.ValidationError) as e:
        dx_index.sensitivity_indices(output[:-1], 30, params, 5, 50)
    assert str(e.value) == "sensitivity analysis: 179 outputs for a design of 180 runs " \
                           "(N = 30, k = 4)"
