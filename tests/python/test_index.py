import numpy as np
import pandas as pd
import pytest
from test_index_cli import ASEM

import dxkit

# pandas < 3 parses floats to within one ulp by default (3 is exact and deprecates the option);
# dxkit reads them exactly, so comparisons with pandas-read numbers ask for round-trip parsing.
EXACT_FLOATS = {"float_precision": "round_trip"} if int(pd.__version__.split(".")[0]) < 3 else {}


def expected(name):
    return pd.read_csv(ASEM / name, index_col="uCode")


def test_asem_from_csv_matches_coinr():
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem")
    agg = r.data("aggregated")
    want = expected("expected_coin_Aggregated.csv")
    cols = [c for c in want.columns if c != "uName"]
    got = agg.loc[want.index, cols].to_numpy()
    assert np.allclose(got, want[cols].to_numpy(), rtol=1e-9, atol=1e-9, equal_nan=True)
    ranks = r.ranks()
    want_r = pd.read_csv(ASEM / "expected_ranks_full.csv", index_col="uCode")
    assert (ranks.loc[want_r.index, "Index"].to_numpy() == want_r["Index"].to_numpy()).all()
    t = r.treatment().set_index("code")
    assert t.loc["Services", "points"] == 4 and not t.loc["Services", "log"]
    assert r.effective_weights()["Goods"] == pytest.approx(0.02)


def test_asem_from_dataframes_equals_from_csv():
    data = pd.read_csv(ASEM / "ASEM_iData.csv", **EXACT_FLOATS)
    meta = pd.read_csv(ASEM / "ASEM_iMeta.csv")
    a = dxkit.build_index(data, meta, preset="coinr_asem").data("aggregated")
    b = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                          preset="coinr_asem").data("aggregated")
    assert a.equals(b)


@pytest.mark.parametrize("storage", ["str", "object", "python"])
def test_unit_codes_and_names_cross_from_any_text_column(storage):
    data = pd.read_csv(ASEM / "ASEM_iData.csv", **EXACT_FLOATS)
    meta = pd.read_csv(ASEM / "ASEM_iMeta.csv")
    kind = {"str": "str", "object": object, "python": pd.StringDtype("python")}[storage]
    data["uCode"] = data["uCode"].astype(kind)
    data["uName"] = data["uName"].astype(kind)
    r = dxkit.build_index(data, meta, preset="coinr_asem")
    assert list(r.data("aggregated").index) == list(data["uCode"])
    assert r.data("aggregated").loc["AUT", "uName"] == "Austria"
    # A unit without a code is refused at its row (line = row + 1 of <iData>), whatever
    # the column holds for a missing cell.
    data.loc[3, "uCode"] = None
    with pytest.raises(dxkit.ValidationError,
                       match=r"<iData>:4 \(column 'uCode'\): missing unit code") as e:
        dxkit.build_index(data, meta, preset="coinr_asem")
    assert e.value.line == 4


def test_methods_and_errors():
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          normalise="minmax", range=(1, 100), aggregate="geometric")
    assert r.data("aggregated")["Index"].notna().all()
    with pytest.raises(dxkit.ValidationError, match="unknown normalisation 'cubic'"):
        dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          normalise="cubic")
    with pytest.raises(dxkit.ValidationError, match="geometric mean needs positive values"):
        dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          aggregate="geometric")


def test_analysis_and_results():
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem")
    stats = r.describe().set_index("code")
    assert int(stats["outliers"].sum()) == 15  # the indicators COINr treated
    assert stats.loc["Services", "n"] == 51
    by_unit, by_column = r.availability()
    assert len(by_unit) == 51
    # Availability is measured after denomination: COINr's denominated set has 65 missing
    # cells (iData's 63 and two where a denominator is missing).
    missing = int(expected("expected_coin_Denominated.csv").isna().sum().sum())
    assert missing == 65
    assert round(((1 - by_unit) * 49).sum()) == missing
    assert by_column.lt(1).sum() > 0  # some indicators have gaps before imputation
    flags = r.correlation_flags()
    assert set(flags["flag"]) <= {"weak", "negative"}
    assert (flags["r"] < 0.2).all()
    alpha = r.cronbach_alpha("Conn")
    assert alpha is not None and -1 < alpha <= 1
    best, worst = r.strengths("CHE", 3)
    assert len(best) == 3 and best[0][1] <= worst[0][1]
    untreated = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                                  preset="coinr_asem", treat=False)
    cmp = r.compare(untreated)
    assert len(cmp) == 51
    assert (cmp["rank_change"] == cmp["rank_before"] - cmp["rank_after"]).all()


def test_methods_per_indicator_level_and_parent():
    plain = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem")
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          options={"aggregate.level.4": "geometric",
                                   "normalise.LPI": "goalposts(lo=2,hi=4,scale=100)"})
    agg, base = r.data("aggregated"), plain.data("aggregated")
    assert np.allclose(agg["Index"], np.sqrt(agg["Conn"] * agg["Sust"]), rtol=1e-12)
    lpi = r.data("treated")["LPI"]
    want = ((lpi - 2) / 2).clip(0, 1) * 100
    assert np.allclose(r.data("normalised")["LPI"], want)
    assert (agg["Services"] == base["Services"]).all()  # others keep min-max
    with pytest.raises(dxkit.ValidationError, match="'Nope' is not an indicator"):
        dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          options={"normalise.Nope": "rank"})


def test_weight_sets_pca_optimised_and_leave_one_out():
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          weight_sets={"conn3": {"Conn": 3}}, weight_set="conn3")
    agg = r.data("aggregated")
    assert np.allclose(agg["Index"], (3 * agg["Conn"] + agg["Sust"]) / 4)
    assert r.effective_weights()["Conn"] == pytest.approx(0.75)
    with pytest.warns(UserWarning, match="negative loadings for Social"):
        pca = r.pca_weights(level=2)
    assert set(pca["parent"]) == {"Conn", "Sust"}
    assert pca.groupby("parent")["loading"].apply(lambda s: (s**2).sum()).round(12).eq(1).all()
    opt = r.optimise_weights(level=3)
    assert opt.attrs["converged"]
    share = opt["r_with_index"] / opt["r_with_index"].sum()
    assert np.allclose(share, 0.5, atol=1e-3)
    loo = r.leave_one_out(level=3)
    assert list(loo["iCode"]) == ["Conn", "Sust"] and (loo["mean_abs_shift"] > 0).all()


def test_panel_from_dataframe():
    data = pd.read_csv(ASEM / "ASEM_iData_p.csv")
    nzl = (data["uCode"] == "NZL")
    lpi_2021 = data.loc[nzl & (data["Time"] == 2021), "LPI"].item()
    data.loc[nzl & (data["Time"] == 2022), "LPI"] = np.nan
    meta = pd.read_csv(ASEM / "ASEM_iMeta.csv")
    r = dxkit.build_index(data, meta, preset="coinr_asem", panel_impute="latest")
    assert r.time == 2022
    assert r.data("denominated").loc["NZL", "LPI"] == lpi_2021
    filled = r.panel_filled()
    nzl_lpi = (filled["uCode"] == "NZL") & (filled["iCode"] == "LPI")
    assert (nzl_lpi & (filled["from"] == 2021)).any()
    r19 = dxkit.build_index(data, meta, preset="coinr_asem", time=2019)
    assert r19.time == 2019 and len(r19.data("aggregated")) == 51
    with pytest.raises(dxkit.ValidationError, match="duplicate unit code 'AUT' at Time"):
        dxkit.build_index(pd.concat([data, data.iloc[:1]]), meta, preset="coinr_asem")


def test_screening_by_zeros_and_forced_units():
    r = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                          exclude=["AUT", "BEL"], min_nonzero=0.9)
    s = r.screening().set_index("uCode")
    assert s.loc["AUT", "reason"] == "forced" and s.loc["BEL", "reason"] == "forced"
    assert set(s["reason"]) <= {"forced", "zeros"}
    assert (s.loc[s["reason"] == "zeros", "nonzero"] < 0.9).all()
    assert len(r.data("aggregated")) == 51 - len(s)


def test_defaults_change_nothing_unasked_and_the_preset_is_listed():
    plain = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv")
    assert plain.notes() == []
    raw = pd.read_csv(ASEM / "ASEM_iData.csv", **EXACT_FLOATS).set_index("uCode")
    treated = plain.data("treated")
    # Not denominated, imputed, screened or treated: the raw numbers, gaps included.
    assert list(treated.index) == list(raw.index)
    assert treated["Goods"].equals(raw["Goods"].astype(float))
    assert treated["Goods"].isna().sum() == raw["Goods"].isna().sum()
    asem = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                             preset="coinr_asem")
    codes = [code for code, _ in asem.notes()]
    assert codes[:2] == ["index.denominated", "index.imputed"] and codes[-1] == "index.treated"
    untreated = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                                  preset="coinr_asem", treat=False)
    assert "index.treated" not in [code for code, _ in untreated.notes()]
    with pytest.raises(dxkit.ValidationError,
                       match=r"^unknown preset 'asem'; accepted: none, coinr_asem$"):
        dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="asem")


@pytest.mark.parametrize("dtype", ["int64", "uint8", "int16", "Int64", "float64", "str"])
def test_imeta_integer_columns_cross_in_any_dtype(dtype):
    # Level, Weight and Direction as numpy integers cross as an array the core writes as
    # text; nullable, float and text columns cell by cell: every way gives the same index.
    rows = [(1, f"i{k}", 1, 1 + k % 3, f"p{k // 3}", "Indicator") for k in range(6)]
    rows += [(2, "p0", 1, 2, "Index", "Aggregate"), (2, "p1", -1, 1, "Index", "Aggregate"),
             (3, "Index", 1, 1, None, "Aggregate")]
    meta = pd.DataFrame(rows, columns=["Level", "iCode", "Direction", "Weight", "Parent", "Type"])
    meta["iName"] = meta["iCode"]
    data = pd.DataFrame({f"i{k}": [float((u * 7 + k * 3) % 11) for u in range(5)]
                         for k in range(6)})
    data.insert(0, "uCode", [f"U{u}" for u in range(5)])
    want = dxkit.build_index(data, meta).data("aggregated")
    typed = meta.astype({c: dtype for c in ("Level", "Weight")})
    typed["Direction"] = typed["Direction"].astype("int16" if dtype == "uint8" else dtype)
    got = dxkit.build_index(data, typed).data("aggregated")
    pd.testing.assert_frame_equal(got, want)
    assert want["Index"].notna().all() and want["Index"].nunique() > 1
