"""Large-data paths of build_index: iData read in place from the DataFrame, the lean run,
threads, and the labels of the results reused from the DataFrame."""

import numpy as np
import pandas as pd
import pytest
from test_index_cli import ASEM

import dxkit

DIRECT = dict(denominate=False, impute="none", screen=0, treat=False)


@pytest.fixture()
def asem():
    return pd.read_csv(ASEM / "ASEM_iData.csv"), pd.read_csv(ASEM / "ASEM_iMeta.csv")


def test_lean_direct_run_equals_the_kept_run_to_the_bit(asem):
    data, meta = asem
    kept = dxkit.build_index(data, meta, preset="coinr_asem", **DIRECT).data("aggregated")
    for threads in (1, 2):
        lean = dxkit.build_index(data, meta, preset="coinr_asem", **DIRECT, keep_data_sets=False,
                                 options={"threads": threads}).data("aggregated")
        assert list(lean.columns) == list(kept.columns)
        assert lean.index.equals(kept.index) and lean.index.name == "uCode"
        a = kept.drop(columns="uName").to_numpy()
        b = lean.drop(columns="uName").to_numpy()
        assert (a.view(np.uint64) == b.view(np.uint64)).all()  # the same bits, NaN included
    # COINr's full pipeline (denominate, impute, screen, treat) in lean mode, too.
    full = dxkit.build_index(data, meta, preset="coinr_asem").data("aggregated")
    lean = dxkit.build_index(data, meta, preset="coinr_asem",
                             keep_data_sets=False).data("aggregated")
    assert full.equals(lean)


def test_the_aggregates_alone_are_the_kept_run_s_aggregates_to_the_bit(asem):
    data, meta = asem
    for preset in (None, "coinr_asem"):  # the direct path, and every step in place
        direct = DIRECT if preset is None else {}
        kept = dxkit.build_index(data, meta, preset=preset, **direct)
        aggregates = list(meta.loc[meta["Type"] == "Aggregate", "iCode"])
        lean = dxkit.build_index(data, meta, preset=preset, **direct, keep_data_sets=False,
                                 keep_indicators=False)
        got = lean.data("aggregated")
        assert list(got.columns) == ["uName", *aggregates]
        want = kept.data("aggregated")[["uName", *aggregates]]
        assert got.index.equals(want.index)
        a = want.drop(columns="uName").to_numpy()
        b = got.drop(columns="uName").to_numpy()
        assert (a.view(np.uint64) == b.view(np.uint64)).all()
        pd.testing.assert_frame_equal(lean.ranks(["Index", "Conn"]),
                                      kept.ranks(["Index", "Conn"]))
        with pytest.raises(KeyError):
            got["LPI"]  # an indicator: not kept
    with pytest.raises(dxkit.ValidationError, match="keep_indicators = false needs keep_data_sets"):
        dxkit.build_index(data, meta, keep_indicators=False)
    # The analyses that read the indicators refuse, rather than run without them.
    for analysis in (lambda: lean.correlation_flags(), lambda: lean.cronbach_alpha("Conn"),
                     lambda: lean.strengths("AUT")):
        with pytest.raises(dxkit.ValidationError, match="needs the normalised indicators"):
            analysis()
    with pytest.raises(dxkit.ValidationError, match="'normalised' was not kept"):
        lean.optimise_weights(2)


def test_the_dataframe_is_read_in_place_and_the_kept_result_owns_a_copy(asem):
    data, meta = asem
    r = dxkit.build_index(data, meta, preset="coinr_asem", normalise="minmax(lo=1,hi=100)")
    before = r.leave_one_out(level=3)
    # Change the DataFrame after the run (in place or not, as pandas decides): the result
    # made its own copy of the numbers it read.
    data.loc[:, "LPI"] = data["LPI"] * 0 + 1
    after = r.leave_one_out(level=3)
    pd.testing.assert_frame_equal(before, after)
    untouched = dxkit.build_index(pd.read_csv(ASEM / "ASEM_iData.csv"), meta, preset="coinr_asem",
                                  normalise="minmax(lo=1,hi=100)")
    pd.testing.assert_frame_equal(r.data("aggregated"), untouched.data("aggregated"))
    # A lean result keeps no input: the analyses that rerun the pipeline say so.
    lean = dxkit.build_index(pd.read_csv(ASEM / "ASEM_iData.csv"), meta, preset="coinr_asem",
                             keep_data_sets=False)
    with pytest.raises(dxkit.ValidationError, match="keep_data_sets=True"):
        lean.uncertainty(10, progress=False)
    with pytest.raises(dxkit.ValidationError, match="keep_data_sets=True"):
        lean.leave_one_out(level=3)


def test_other_dtypes_are_converted_once(asem):
    data, meta = asem
    # pandas' nullable floats (with <NA>) and integers give what the same float64 numbers give.
    floats = data.copy()
    floats.loc[floats.index[:2], "Goods"] = np.nan
    floats["Flights"] = floats["Flights"].round()
    mixed = floats.copy()
    mixed["Goods"] = mixed["Goods"].astype("Float64")
    assert mixed["Goods"].isna().sum() == 2
    mixed["Flights"] = mixed["Flights"].astype("int64")
    want = dxkit.build_index(floats, meta, preset="coinr_asem").data("aggregated")
    got = dxkit.build_index(mixed, meta, preset="coinr_asem").data("aggregated")
    pd.testing.assert_frame_equal(got, want)
    assert got["Index"].notna().all()


def test_labels_of_the_results(asem):
    data, meta = asem
    data = data.copy()
    data["uName"] = data["uName"].str.upper()
    r = dxkit.build_index(data, meta, preset="coinr_asem", exclude=["AUT"])
    # Before screening every unit is there; after it, AUT is gone, in both labels.
    assert list(r.data("imputed").index) == list(data["uCode"])
    agg = r.data("aggregated")
    assert "AUT" not in agg.index and len(agg) == len(data) - 1
    assert agg.loc["BEL", "uName"] == "BELGIUM"
    assert list(r.ranks(["Index"]).index) == list(agg.index)
    # Without uName the column is there, empty.
    lean = dxkit.build_index(data.drop(columns="uName"), meta, preset="coinr_asem", **DIRECT)
    assert (lean.data("aggregated")["uName"] == "").all()
    assert list(lean.data("aggregated").index) == list(data["uCode"])
