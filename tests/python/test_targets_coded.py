"""dxkit.evaluate on a DataFrame of text: the coded fast path (each distinct text parsed once,
from pandas' codes) gives what the cell-by-cell path (``evaluate_columns``) gives, row for row,
including missing cells, empty strings, numbers in text columns, errors and warnings."""

from __future__ import annotations

import pathlib
import warnings

import numpy as np
import pandas as pd
import pytest

import dxkit
from dxkit import _core, _frames
from dxkit._frames import text_columns

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
# pandas' text dtype that keeps missing cells missing: "str" from pandas 3; before it "str"
# meant object with every None written as 'None', and "string" is the nullable text dtype.
STR = "str" if int(pd.__version__.split(".")[0]) >= 3 else "string"


def _cell_by_cell(df, scheme="exceed", bands=(90, 50)):
    """The existing path: every cell written as text in Python, the table built row by row."""
    sch = _core.targets.Scheme.from_name(scheme, list(bands))
    header, columns = text_columns(df)
    return _core.targets.evaluate_columns(header, columns, sch, "vietnamese", "<DataFrame>")


def _assert_same(df, scheme="exceed"):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fast = dxkit.evaluate(df, scheme=scheme)
    slow = _cell_by_cell(df, scheme)
    ev = slow.evaluation
    assert [str(w.message) for w in got] == list(ev.warnings)
    assert np.array_equal(fast.ratio, ev.ratio)  # bit for bit
    for name in ("has_data", "met", "exceeded", "estimate", "status"):
        assert np.array_equal(getattr(fast, name if name != "status" else "status_codes"),
                              getattr(ev, name)), name
    frame = fast.to_frame()
    assert list(frame["target"].astype(str)) == slow.targets
    assert list(frame["actual"].astype(str)) == slow.actuals
    assert list(frame["line"]) == slow.lines
    return fast, frame


@pytest.mark.parametrize("name,scheme", [("thai_binh_2023_results.csv", "bands"),
                                         ("thai_binh_2023_results.csv", "exceed"),
                                         ("dong_thap_2022_results.csv", "exceed"),
                                         ("dong_thap_2022_results.csv", "bands")])
def test_seed_tables_score_the_same_as_cell_by_cell(name, scheme):
    df = pd.read_csv(EXAMPLES / name, dtype=str, keep_default_na=False)
    fast, frame = _assert_same(df, scheme)
    if name.startswith("thai_binh") and scheme == "bands":
        assert fast.counts == {"met": 10, "ge_90": 1, "ge_50": 3, "lt_50": 2, "no_data": 0}
        assert isinstance(frame["target"].dtype, pd.CategoricalDtype)
        assert frame["code"] is not df["code"] and list(frame["code"]) == list(df["code"])


def test_repeated_rows_missing_cells_numbers_and_directions():
    base = pd.DataFrame({
        "code": ["1", "2", "3", "4", "5", "6", "7", "8"],
        "target": ["80%", "95% trở lên", "Hoàn thành", "tối đa 5 ngày", "80%", 5, "50%",
                   "Trên 95%"],
        "actual": ["99,21%", np.nan, "", "4 ngày", 99.21, "6", "50%", "96%"],
        "direction": ["", "higher", "", "lower", None, "lower", "", pd.NA],
    }, dtype=object)
    big = pd.concat([base] * 50, ignore_index=True)
    big["code"] = np.arange(len(big)).astype(str)
    fast, frame = _assert_same(big)
    # Per 8 rows: exceeded 99,21 % of 80 %, 4 of at most 5 days, 99.21 of 80 % and 96 % of
    # above 95 %; no data twice; 6 against at most 5 (lower) not met; 50 % of 50 % met.
    assert fast.counts == {"exceeded": 200, "met": 50, "not_met": 50, "no_data": 100}
    # Object, str (Arrow where pyarrow is installed) and categorical columns: the same answers.
    texts = big.assign(target=big["target"].replace({5: "5"}), actual=big["actual"].replace(
        {99.21: "99,21"}))
    first = dxkit.evaluate(texts)
    for dtype in (STR, "category"):
        again = dxkit.evaluate(texts.astype({c: dtype for c in ("target", "actual", "direction")}))
        assert np.array_equal(again.status_codes, first.status_codes), dtype
        assert np.array_equal(again.ratio, first.ratio), dtype


def test_empty_frame_and_a_missing_code_column():
    fast, frame = _assert_same(pd.DataFrame({"code": [], "target": [], "actual": []},
                                            dtype="str"))
    assert len(fast) == 0 and len(frame) == 0
    r = dxkit.evaluate(pd.DataFrame({"name": ["a", "b"], "target": ["80%", "80%"],
                                     "actual": ["90%", "70%"]}))
    assert r.status == ["exceeded", "not_met"]
    assert list(r.to_frame()["code"]) == ["", ""]


def test_repeated_codes_warn_as_the_cell_by_cell_path_does():
    df = pd.DataFrame({"code": ["1", "2", "1", 1, "3", "2"],
                       "target": ["80%"] * 6, "actual": ["90%"] * 6}, dtype=object)
    _assert_same(df)
    with pytest.warns(UserWarning, match=r"^<DataFrame>:4 \(column 'code'\): warning "
                                         r"\[duplicate_code\]: indicator code '1' repeats line 2"):
        dxkit.evaluate(df)


def _error_of(call):
    try:
        call()
    except dxkit.Error as e:
        return type(e), str(e), e.line, e.column, e.column_name
    raise AssertionError("no error")


@pytest.mark.parametrize("columns", [
    {"target": ["80%", "abc%", "80%"], "actual": ["1%", "2%", "x%"]},
    {"target": ["80%", "80%", "abc%"], "actual": ["1%", "x%", "2%"]},
    {"target": ["80%", "80%"], "actual": ["1%", "2%"], "direction": ["higher", "sideways"]},
    {"target": ["80%", "trên 80%"], "actual": ["1%", "2%"], "direction": ["", "lower"]},
    {"target": ["80%", "80%", "80%"], "actual": ["1%", "Hoàn thành", "x"]},
    {"target": ["80%", "80%", "80%"], "actual": ["1%", "Hoàn thành", "5%"]},
    {"target": ["80%", None, ""], "actual": ["1%", "2%", "3%"]},
])
def test_errors_are_the_same_and_located(columns):
    n = len(columns["target"])
    df = pd.DataFrame({"code": [str(i) for i in range(n)], **columns}, dtype=object)
    fast = _error_of(lambda: dxkit.evaluate(df))
    slow = _error_of(lambda: _cell_by_cell(df))
    assert fast == slow
    assert fast[2] >= 2 and fast[4] in columns


def test_a_bad_cell_names_its_row_and_column():
    df = pd.DataFrame({"code": ["1", "2", "3"], "target": ["80%", "80%", "12.5%"],
                       "actual": ["90%", "90%", "1%"]})
    with pytest.raises(dxkit.ParseError) as info:
        dxkit.evaluate(df)
    e = info.value
    assert (e.file, e.line, e.column, e.column_name) == ("<DataFrame>", 4, 2, "target")


def test_repeated_codes_of_str_columns_are_found_on_their_buffers():
    # 31 repeats (20 named, the rest counted), missing codes never repeat, a slice of a
    # longer frame (its buffers start part way), several chunks: as the object column.
    codes = [str(i % 40) for i in range(61)] + [None, None] + [""] * 3
    df = pd.DataFrame({"code": codes, "target": ["80%"] * 66, "actual": ["90%"] * 66})
    parts = pd.concat([df.astype({"code": STR}).iloc[:30], df.astype({"code": STR}).iloc[30:]])
    expected = list(_cell_by_cell(df.astype({"code": object})).evaluation.warnings)
    assert len(expected) == 21 and expected[-1].endswith(
        "1 more rows repeat an indicator code (the first 20 are named above)")
    for frame in (df.astype({"code": STR}), parts.reset_index(drop=True)):
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            dxkit.evaluate(frame)
        assert [str(w.message) for w in got] == expected
    sliced = df.astype({"code": STR}).iloc[20:]
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        dxkit.evaluate(sliced)
    assert [str(w.message) for w in got] == list(
        _cell_by_cell(sliced.astype({"code": object})).evaluation.warnings)


def test_arrow_columns_are_read_in_place():
    pytest.importorskip("pyarrow")
    column = pd.Series(["a", None, "b"], dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    (offsets, data, validity, offset, length, _large), = _frames.arrow_string_chunks(column)
    assert (offset, length, validity is not None) == (0, 3, True)
    assert _frames.arrow_string_chunks(pd.Series(["a"], dtype=object)) is None


def _numeric_frame(rows, direction_dtype):
    rng = np.random.default_rng(7)
    actual = rng.uniform(-5, 120, rows)
    actual[rng.random(rows) < 0.05] = np.nan
    actual[:3] = 0.0
    target = rng.uniform(0, 121, rows)
    target[:2] = 0.0
    direction = np.where(rng.random(rows) < 0.3, "lower", "higher").astype(object)
    direction[rng.random(rows) < 0.05] = None
    return pd.DataFrame({"code": np.arange(rows).astype(str), "target": target,
                         "actual": actual, "direction": pd.array(direction,
                                                                 dtype=direction_dtype)})


@pytest.mark.parametrize("scheme", ["exceed", "bands"])
@pytest.mark.parametrize("direction_dtype", ["category", object, STR])
def test_numeric_frames_score_as_the_unfused_kernel(direction_dtype, scheme):
    # 10,000 rows: three blocks of the fused pass; zeros, negatives, NaN, missing directions.
    df = _numeric_frame(10_000, direction_dtype)
    lower = np.array([isinstance(d, str) and d == "lower" for d in df["direction"].astype(object)],
                     dtype=np.uint8)
    sch = _core.targets.Scheme.exceed() if scheme == "exceed" else _core.targets.Scheme.bands()
    slow = _core.targets.evaluate_numeric(df["target"].to_numpy(), df["actual"].to_numpy(),
                                          sch, lower)
    fast = dxkit.evaluate(df, scheme=scheme)
    assert len(set(fast.status_codes.tolist())) == len(sch.statuses)  # every status occurs
    assert np.array_equal(fast.ratio, slow.ratio)  # bit for bit
    for name in ("has_data", "met", "exceeded"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name
    assert np.array_equal(fast.status_codes, slow.status)
    assert fast.counts["no_data"] == int(np.isnan(df["actual"]).sum())


def test_numeric_errors_name_the_row_of_the_table():
    df = _numeric_frame(10_000, "category")
    df.loc[9_000, "target"] = np.nan
    with pytest.raises(dxkit.ValidationError, match=r"^row 9001: the target is not a number$"):
        dxkit.evaluate(df)
    df.loc[9_000, "target"] = 5.0
    df.loc[5_000, "actual"] = np.inf
    with pytest.raises(dxkit.ValidationError, match=r"^row 5001: the result is infinite$"):
        dxkit.evaluate(df)


def test_uncertainty_frames_are_built_on_first_use_and_are_the_same():
    coinr = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"
    asem = dxkit.build_index(coinr / "ASEM_iData.csv", coinr / "ASEM_iMeta.csv",
                             preset="coinr_asem", normalise="minmax(lo=1,hi=100)")
    u = asem.uncertainty(40, seed=2, weight_noise={2: 0.25}, aggregations=["geometric"],
                         progress=False)
    assert "ranks" not in vars(u) and "replicates" not in vars(u)  # nothing built yet
    ranks, replicates = u.ranks, u.replicates
    assert u.ranks is ranks and u.replicates is replicates  # built once
    assert ranks.shape == (40, 51) and str(ranks.dtypes.iloc[0]) == "Int32"
    assert list(replicates["aggregation"].unique()) <= ["nominal", "geometric"]
    again = asem.uncertainty(40, seed=2, weight_noise={2: 0.25}, aggregations=["geometric"],
                             progress=False)
    pd.testing.assert_frame_equal(again.replicates, replicates)
    pd.testing.assert_frame_equal(again.ranks, ranks)
    # Each unit's median over the replicates is the summary's (same numbers, built lazily).
    assert np.allclose(ranks.astype(float).median().loc[u.summary.index].to_numpy(),
                       u.summary["median"].to_numpy())
