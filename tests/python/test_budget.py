import json
import subprocess

import numpy as np
import pandas as pd
import pytest
from test_cli import DXKIT

import dxkit

MILLION = 1_000_000


@pytest.fixture
def tb2023():
    from conftest import EXAMPLES

    return dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")


def test_money():
    assert dxkit.parse_money("75.428") == 75_428 * MILLION
    assert dxkit.parse_money("105,24 tỷ đồng") == 105_240_000_000
    assert dxkit.parse_money("0,15", "tỷ đồng") == 150_000_000
    assert dxkit.format_money(153_850_000_000, "tỷ đồng", 2) == "153,85"
    assert dxkit.rounding_note("tỷ đồng", 2) == "rounded half away from zero to 0,01 tỷ đồng"
    with pytest.raises(dxkit.ParseError, match="groups of exactly three digits"):
        dxkit.parse_money("12.5")


def test_thai_binh_2023_totals_rollup_and_findings(tb2023):
    assert tb2023.total == 75_428 * MILLION
    totals = tb2023.totals().set_index("column")
    assert totals.loc["Vốn đầu tư", "computed"] == 4_661 * MILLION
    assert totals.loc["Vốn sự nghiệp", "reported"] == 70_767 * MILLION
    assert pd.isna(totals.loc["Vốn xã hội hóa", "reported"])
    by = tb2023.rollup(["section", "source"])
    assert list(by.columns) == ["section", "source", "amount", "share"]
    assert by["amount"].dtype == np.int64
    assert by["amount"].sum() == (4_661 + 70_767 + 145) * MILLION
    f = tb2023.check()
    assert list(f["kind"]) == ["row_sum"] + ["subtotal"] * 8 + ["possible_breakdown"]
    row = f.iloc[0]
    assert (row["line"], row["label"], row["reported"], row["computed"]) == (
        50, "Thương mại điện tử", 732 * MILLION, 877 * MILLION)
    assert f["reported"].dtype == "Int64"


def test_to_frame_keeps_blank_apart_from_zero(tb2023):
    df = tb2023.to_frame()
    assert len(df) == 86
    sec = df.iloc[0]
    assert sec["kind"] == "section" and sec["Vốn xã hội hóa"] == 0
    assert pd.isna(df.iloc[1]["Tổng mức đầu tư"])  # "Sở Xây dựng" prints nothing
    assert df.iloc[-1]["kind"] == "grand_total"


def test_compare_years_and_dataframe_source(tb2023):
    from conftest import EXAMPLES

    tb2024 = dxkit.read_budget(EXAMPLES / "thai_binh_2024_budget.csv")
    cmp = tb2023.compare(tb2024, by=["agency"]).set_index("agency")
    assert cmp.loc["Sở Tư pháp", "change"] == 1_000 * MILLION
    assert cmp.loc["Công an tỉnh", "change_percent"] == pytest.approx(-100.0)
    df = pd.DataFrame({"STT": ["1", "2"], "Tên nhiệm vụ": ["a", "b"],
                       "Tổng cộng": [1.5, 2]})
    b = dxkit.read_budget(df, unit="tỷ đồng")
    assert b.total == 3_500_000_000


def test_dong_thap_2023_share_and_numbering():
    from conftest import EXAMPLES

    inv = dxkit.read_budget(EXAMPLES / "dong_thap_2023_investment.csv")
    rec = dxkit.read_budget(EXAMPLES / "dong_thap_2023_recurrent.csv")
    assert dxkit.format_money(inv.total + rec.total, "tỷ đồng", 2) == "153,85"
    assert list(rec.check()["kind"]) == ["numbering"]
    assert rec.share_of("5.260.900") == pytest.approx(1.0)


def test_bad_budget_input(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("STT,Tên nhiệm vụ,Ghi chú\n1,a,x\n", encoding="utf-8")
    with pytest.raises(dxkit.ValidationError, match="no amount column"):
        dxkit.read_budget(p)
    p.write_text("STT,Tên nhiệm vụ,Tổng\n1,a,abc\n", encoding="utf-8")
    f = dxkit.read_budget(p).check()
    assert list(f["kind"]) == ["not_a_number"] and f.iloc[0]["line"] == 2


def test_rollup_frame_is_exact():
    df = pd.DataFrame({"agency": pd.Categorical(["a", "b", "a", "b"]),
                       "source": ["x", "x", "y", "y"],
                       "amount": np.array([1, 2, 3, 2**62], dtype=np.int64)})
    r = dxkit.rollup(df, ["agency", "source"])
    expected = df.groupby(["agency", "source"], observed=True)["amount"].sum().reset_index()
    assert r.sort_values(["agency", "source"]).to_numpy().tolist() == expected.to_numpy().tolist()
    with pytest.raises(dxkit.ValidationError):
        dxkit.rollup(df.assign(amount=df["amount"].astype(float)), ["agency"])
    # Unsigned amounts are summed as they are, and one beyond int64 is refused at its row
    # (the cast to int64 would have made it negative).
    unsigned = df.assign(amount=np.array([1, 2, 3, 4], dtype=np.uint64))
    assert dxkit.rollup(unsigned, ["agency"])["amount"].tolist() == [4, 6]
    huge = df.assign(amount=np.array([1, 2**63, 3, 4], dtype=np.uint64))
    with pytest.raises(dxkit.ValidationError, match="row 1: 9223372036854775808 đồng is beyond"):
        dxkit.rollup(huge, ["agency"])


@pytest.mark.parametrize("spread", [1, 10**15])
@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.int8])
def test_rollup_on_integer_keys_is_pandas_groupby_in_first_appearance_order(spread, dtype):
    # Integer keys are coded by the core (a table over a small range, a hash map over a wide
    # one); categorical codes of int8 are read as they are: the groups and their order are
    # pandas' (groupby(sort=False)), the sums exact.
    rng = np.random.default_rng(7)
    n = 20_000
    keys = rng.integers(-40, 40, n)
    if dtype is np.int64:
        keys = keys * spread
    df = pd.DataFrame({"unit": keys.astype(dtype),
                       "source": pd.Categorical.from_codes(rng.integers(0, 3, n), ["a", "b", "c"]),
                       "amount": rng.integers(0, 10**12, n, dtype=np.int64)})
    got = dxkit.rollup(df, ["unit", "source"])
    want = df.groupby(["unit", "source"], observed=True, sort=False)["amount"].sum()
    order = pd.Index(pd.unique(df["unit"]))
    want = want.reset_index()
    want["o"] = order.get_indexer(want["unit"])
    want = want.sort_values(["o", "source"], kind="stable").drop(columns="o")
    assert got["unit"].tolist() == want["unit"].tolist()
    assert got["source"].astype(str).tolist() == want["source"].astype(str).tolist()
    assert got["amount"].tolist() == want["amount"].tolist()
    assert got["amount"].dtype == np.int64


def test_budget_command_json():
    from conftest import EXAMPLES

    p = subprocess.run([DXKIT, "budget", str(EXAMPLES / "thai_binh_2023_budget.csv"), "--check",
                        "--by", "agency,source", "--format", "json"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    # Money as whole đồng (75.428 triệu đồng), the unit said beside.
    assert out["currency"] == "VND" and out["table_unit"] == "triệu đồng"
    assert out["totals"]["total"] == 75_428_000_000
    assert out["totals"]["columns"]["Vốn đầu tư"] == {"computed": 4_661_000_000,
                                                      "reported": 4_661_000_000}
    assert len(out["findings"]) == 10
    assert out["findings"][0]["kind"] == "row_sum"
    assert {"agency", "source", "amount", "share"} <= out["rows"][0].keys()
    t = subprocess.run([DXKIT, "budget", str(EXAMPLES / "dong_thap_2023_recurrent.csv"),
                        "--print-unit", "tỷ đồng", "--decimals", "2"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert "total: 52,61" in t.stdout
    assert "rounded half away from zero to 0,01 tỷ đồng" in t.stdout
