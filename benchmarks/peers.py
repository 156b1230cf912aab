"""The data and the peers of benchmarks/compare.py: for each area, (make, ways, check,
skipped). ``ways`` maps a name to a function of the data; dxkit's way is "dxkit". Each peer is
the leanest code a good analyst would write with that tool for the same rules, and ``check``
asserts its answer is dxkit's (exact for money and statuses, <= 1e-12 for ratios and scores).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import dxkit

try:
    import duckdb
except ImportError:  # compare.py says so in its table
    duckdb = None
try:
    import polars as pl
except ImportError:
    pl = None

PEERS = {
    "dxkit": "dxkit (from Python)",
    "pandas": "pandas, lean (string methods / groupby / vectorised)",
    "numpy": "numpy, lean (vectorised arrays)",
    "duckdb": "DuckDB (SQL on the DataFrame, to numpy)",
    "polars": "polars (expressions, to numpy)",
}
CAP = 10.0  # dxkit's ScoringOptions::ratio_cap
STATUSES = [sid for sid, _ in dxkit._core.targets.Scheme.exceed().statuses]
EXCEEDED, MET, NOT_MET, NO_DATA = (STATUSES.index(s)
                                   for s in ("exceeded", "met", "not_met", "no_data"))


def _available(ways: dict, needs: dict) -> dict[str, str]:
    skipped = {}
    for name, module in needs.items():
        if module is None:
            ways.pop(name, None)
            skipped[name] = f"{name} is not installed (pip install dxkit[bench])"
    return skipped


def _check_scores(ref, got, name):
    ratio, status = ref
    r, s = got
    assert np.array_equal(np.asarray(s, dtype=np.int64), np.asarray(status, dtype=np.int64)), \
        f"{name}: statuses differ from dxkit's"
    assert np.allclose(np.asarray(r, dtype=float), ratio, rtol=1e-12, atol=0), \
        f"{name}: ratios differ from dxkit's by more than 1e-12"


def _status(has, met, exceeded) -> np.ndarray:
    out = np.full(len(has), NOT_MET, dtype=np.int8)
    out[met] = MET
    out[exceeded] = EXCEEDED
    out[~has] = NO_DATA
    return out


# Text: the forms real plans write, "80%", "95% trở lên", "Trên 95%", "tối đa 5 ngày";
# results "99,21%", "100%", "4 ngày", and 2 % empty (no data). -----------------------------
def make_text(rows: int, seed: int = 20231220) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    bounds = np.arange(50, 101, 5)
    targets = ([f"{b}%" for b in bounds] + [f"{b}% trở lên" for b in bounds]
               + [f"Trên {b}%" for b in bounds] + [f"tối đa {d} ngày" for d in range(3, 11)])
    percent = np.array([f"{v / 100:.2f}".replace(".", ",") + "%" for v in range(3000, 12001)]
                       + [f"{v}%" for v in range(30, 121)], dtype=object)
    days = np.array([f"{d} ngày" for d in range(1, 16)], dtype=object)
    t = rng.integers(0, len(targets), rows)
    is_days = t >= len(targets) - 8
    actual = np.where(is_days, days[rng.integers(0, len(days), rows)],
                      percent[rng.integers(0, len(percent), rows)])
    actual[rng.random(rows) < 0.02] = ""
    names = np.array([f"Chỉ tiêu chuyển đổi số {k}" for k in range(50)], dtype=object)
    return pd.DataFrame({  # str columns: what pandas.read_csv gives an analyst
        "code": pd.array(np.char.add("CT-", np.arange(rows).astype(str)).astype(object),
                         dtype="str"),
        "name": pd.array(names[rng.integers(0, 50, rows)], dtype="str"),
        "target": pd.array(np.asarray(targets, dtype=object)[t], dtype="str"),
        "actual": pd.array(actual, dtype="str"),
    })


def dxkit_text(df):
    r = dxkit.evaluate(df)
    return r.ratio, r.status_codes


def _score(x, v, lower, strict, has):
    """The exceed scheme on bound x and value v (numpy), dxkit's documented rules."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(lower, np.where(v <= 0, np.where((x == 0) & (v == 0), 1.0, CAP), x / v),
                         v / x)
    ratio = np.clip(ratio, -CAP, CAP)
    ratio[~has] = 0.0
    met = has & np.where(lower, v <= x, np.where(strict, v > x, v >= x))
    exceeded = has & np.where(lower, v < x, v > x)
    return ratio, _status(has, met, exceeded)


def pandas_text(df):
    number = r"(\d+(?:,\d+)?)"
    x = df["target"].str.extract(number, expand=False).str.replace(",", ".", regex=False)
    v = df["actual"].str.extract(number, expand=False).str.replace(",", ".", regex=False)
    return _score(x.astype("float64").to_numpy(), v.astype("float64").to_numpy(na_value=np.nan),
                  df["target"].str.startswith("tối đa").to_numpy(bool),
                  df["target"].str.startswith("Trên").to_numpy(bool),
                  (df["actual"].str.len() > 0).to_numpy(bool))


def duckdb_text(df):
    sql = f"""
    WITH p AS (SELECT
        CAST(replace(regexp_extract(target, '(\\d+(?:,\\d+)?)', 1), ',', '.') AS DOUBLE) AS x,
        TRY_CAST(replace(regexp_extract(actual, '(\\d+(?:,\\d+)?)', 1), ',', '.') AS DOUBLE) AS v,
        starts_with(target, 'tối đa') AS lower, starts_with(target, 'Trên') AS strict,
        coalesce(length(actual), 0) > 0 AS has FROM df)
    SELECT CASE WHEN NOT has THEN 0.0
                WHEN lower THEN CASE WHEN v <= 0 THEN (CASE WHEN x = 0 AND v = 0 THEN 1.0
                                                       ELSE {CAP} END)
                                     ELSE least(greatest(x / v, -{CAP}), {CAP}) END
                ELSE least(greatest(v / x, -{CAP}), {CAP}) END AS ratio,
           CASE WHEN NOT has THEN {NO_DATA}
                WHEN (lower AND v < x) OR (NOT lower AND v > x) THEN {EXCEEDED}
                WHEN (lower AND v <= x) OR (NOT lower AND NOT strict AND v >= x) THEN {MET}
                ELSE {NOT_MET} END AS status
    FROM p"""
    out = duckdb.query_df(df, "df", sql).fetchnumpy()
    return out["ratio"], out["status"]


def polars_text(frame):
    c = pl.col
    number = r"(\d+(?:,\d+)?)"
    x = c("target").str.extract(number, 1).str.replace(",", ".", literal=True).cast(pl.Float64)
    v = c("actual").str.extract(number, 1).str.replace(",", ".", literal=True).cast(pl.Float64)
    lower, strict = c("target").str.starts_with("tối đa"), c("target").str.starts_with("Trên")
    has = c("actual").str.len_bytes().fill_null(0) > 0
    ratio = (pl.when(~has).then(0.0)
             .when(lower).then(pl.when(v <= 0).then(pl.when((x == 0) & (v == 0)).then(1.0)
                                                   .otherwise(CAP))
                               .otherwise((x / v).clip(-CAP, CAP)))
             .otherwise((v / x).clip(-CAP, CAP)))
    status = (pl.when(~has).then(NO_DATA)
              .when((lower & (v < x)) | (~lower & (v > x))).then(EXCEEDED)
              .when((lower & (v <= x)) | (~lower & ~strict & (v >= x))).then(MET)
              .otherwise(NOT_MET))
    out = frame.select(ratio.alias("ratio"), status.alias("status"))
    return out["ratio"].to_numpy(), out["status"].to_numpy()


def text_ways():
    ways = {"dxkit": dxkit_text, "pandas": pandas_text, "duckdb": duckdb_text}
    skipped = _available(ways, {"duckdb": duckdb, "polars": pl})

    def make(rows):
        df = make_text(rows)
        return df

    if pl is not None:
        frames: dict[int, object] = {}

        def polars_way(df):
            key = id(df)
            if key not in frames:  # polars' own frame, made once outside the clock
                frames.clear()
                frames[key] = pl.from_pandas(df[["target", "actual"]])
            return polars_text(frames[key])
        ways["polars"] = polars_way
    return make, ways, _check_scores, skipped


# Numeric: float64 target and actual (2 % NaN = no data), a categorical direction. ----------
def make_numeric(rows: int, seed: int = 20231220) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    actual = rng.uniform(0, 120, rows)
    actual[rng.random(rows) < 0.02] = np.nan
    return pd.DataFrame({
        "code": pd.array(np.char.add("CT-", np.arange(rows).astype(str)).astype(object),
                         dtype="str"),
        "target": rng.uniform(1, 121, rows), "actual": actual,
        "direction": pd.Categorical(np.where(rng.random(rows) < 0.2, "lower", "higher"))})


def dxkit_numeric(df):
    r = dxkit.evaluate(df)
    return r.ratio, r.status_codes


def numpy_numeric(df):
    x = df["target"].to_numpy()
    v = df["actual"].to_numpy()
    lower = (df["direction"] == "lower").to_numpy()
    has = ~np.isnan(v)
    return _score(x, v, lower, np.zeros(len(x), dtype=bool), has)


def duckdb_numeric(df):
    sql = f"""
    SELECT CASE WHEN actual IS NULL OR isnan(actual) THEN 0.0
                WHEN direction = 'lower' THEN CASE WHEN actual <= 0 THEN
                     (CASE WHEN target = 0 AND actual = 0 THEN 1.0 ELSE {CAP} END)
                     ELSE least(greatest(target / actual, -{CAP}), {CAP}) END
                ELSE least(greatest(actual / target, -{CAP}), {CAP}) END AS ratio,
           CASE WHEN actual IS NULL OR isnan(actual) THEN {NO_DATA}
                WHEN (direction = 'lower' AND actual < target)
                  OR (direction <> 'lower' AND actual > target) THEN {EXCEEDED}
                WHEN (direction = 'lower' AND actual <= target)
                  OR (direction <> 'lower' AND actual >= target) THEN {MET}
                ELSE {NOT_MET} END AS status
    FROM df"""
    out = duckdb.query_df(df, "df", sql).fetchnumpy()
    return out["ratio"], out["status"]


def polars_numeric(frame):
    c = pl.col
    x, v, lower = c("target"), c("actual"), c("direction") == "lower"
    has = v.is_not_null() & v.is_not_nan().fill_null(False)
    ratio = (pl.when(~has).then(0.0)
             .when(lower).then(pl.when(v <= 0).then(pl.when((x == 0) & (v == 0)).then(1.0)
                                                   .otherwise(CAP))
                               .otherwise((x / v).clip(-CAP, CAP)))
             .otherwise((v / x).clip(-CAP, CAP)))
    status = (pl.when(~has).then(NO_DATA)
              .when((lower & (v < x)) | (~lower & (v > x))).then(EXCEEDED)
              .when((lower & (v <= x)) | (~lower & (v >= x))).then(MET)
              .otherwise(NOT_MET))
    out = frame.select(ratio.alias("ratio"), status.alias("status"))
    return out["ratio"].to_numpy(), out["status"].to_numpy()


def _polars_of(columns, fn):
    frames: dict[int, object] = {}

    def way(df):
        if id(df) not in frames:  # polars' own frame, made once outside the clock
            frames.clear()
            frames[id(df)] = pl.from_pandas(df[columns])
        return fn(frames[id(df)])
    return way


def numeric_ways():
    ways = {"dxkit": dxkit_numeric, "numpy": numpy_numeric, "duckdb": duckdb_numeric}
    skipped = _available(ways, {"duckdb": duckdb, "polars": pl})
    if pl is not None:
        ways["polars"] = _polars_of(["target", "actual", "direction"], polars_numeric)
    return make_numeric, ways, _check_scores, skipped


# Budget: 80 agencies × 5 sources, int64 đồng; integer and categorical keys. ---------------
def make_budget(rows: int, seed: int = 2023) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    agencies = [f"Sở {k:02d}" for k in range(60)] + [f"UBND huyện {k:02d}" for k in range(20)]
    sources = ["Vốn đầu tư", "Vốn sự nghiệp", "Vốn xã hội hóa", "NSTW", "NSĐP"]
    a = rng.integers(0, len(agencies), rows)
    s = rng.integers(0, len(sources), rows)
    return pd.DataFrame({
        "agency": pd.Categorical.from_codes(a, agencies),
        "source": pd.Categorical.from_codes(s, sources),
        "agency_id": a.astype(np.int64), "source_id": s.astype(np.int64),
        "amount": rng.integers(0, 20_000, rows, dtype=np.int64) * 1_000_000,  # đồng
    })


def _sorted(keys, amount):
    order = np.lexsort(tuple(np.asarray(k).astype(str) for k in reversed(keys)))
    return [np.asarray(k).astype(str)[order] for k in keys], np.asarray(amount)[order]


def _check_sums(ref, got, name):
    for (k_ref, a_ref), (k_got, a_got) in zip(ref, got, strict=True):
        keys_ref, sums_ref = _sorted(k_ref, a_ref)
        keys_got, sums_got = _sorted(k_got, a_got)
        assert all(np.array_equal(p, q) for p, q in zip(keys_ref, keys_got)), f"{name}: groups"
        assert sums_got.dtype.kind in "iu" and np.array_equal(sums_ref, sums_got), \
            f"{name}: sums differ from dxkit's (exact to the đồng)"


def _both(fn):
    """One way's roll-up on integer keys, then on categorical keys."""
    return lambda df: (fn(df, ["agency_id", "source_id"]), fn(df, ["agency", "source"]))


def dxkit_rollup(df, by):
    out = dxkit.rollup(df, by, amount="amount")
    return [out[k].to_numpy() for k in by], out["amount"].to_numpy()


def pandas_rollup(df, by):
    out = df.groupby(by, observed=True, sort=False)["amount"].sum()
    return [out.index.get_level_values(k).to_numpy() for k in by], out.to_numpy()


def duckdb_rollup(df, by):
    keys = ", ".join(by)
    out = duckdb.query_df(df, "df", f"SELECT {keys}, CAST(sum(amount) AS BIGINT) AS amount "
                                    f"FROM df GROUP BY {keys}").fetchnumpy()
    return [np.asarray(out[k]) for k in by], out["amount"]


def polars_rollup(frame, by):
    out = frame.group_by(by).agg(pl.col("amount").sum())
    return [out[k].to_numpy() for k in by], out["amount"].to_numpy()


def budget_ways():
    ways = {"dxkit": _both(dxkit_rollup), "pandas": _both(pandas_rollup),
            "duckdb": _both(duckdb_rollup)}
    skipped = _available(ways, {"duckdb": duckdb, "polars": pl})
    if pl is not None:
        frames: dict[int, object] = {}

        def polars_way(df):
            if id(df) not in frames:
                frames.clear()
                frames[id(df)] = pl.from_pandas(df)
            f = frames[id(df)]
            return polars_rollup(f, ["agency_id", "source_id"]), polars_rollup(f, ["agency",
                                                                                   "source"])
        ways["polars"] = polars_way
    return make_budget, ways, _check_sums, skipped


# Index: COINr's steps on units × 200 indicators (see compare_pandas_index.py's history). ----
def make_index(units: int, seed: int = 4):
    rng = np.random.default_rng(seed)
    ind = [f"i{k:03d}" for k in range(200)]
    pil = [f"p{k:02d}" for k in range(40)]
    sub = [f"s{k}" for k in range(8)]
    meta = [(1, c, c, 1, 1 + k % 3, pil[k // 5], "Indicator") for k, c in enumerate(ind)]
    meta += [(2, c, c, 1, 1, sub[k // 5], "Aggregate") for k, c in enumerate(pil)]
    meta += [(3, c, c, 1, 1, "Index", "Aggregate") for c in sub]
    meta += [(4, "Index", "Index", 1, 1, None, "Aggregate")]
    meta = pd.DataFrame(meta, columns=["Level", "iCode", "iName", "Direction", "Weight",
                                       "Parent", "Type"])
    data = pd.DataFrame(rng.normal(50, 15, (units, len(ind))), columns=ind)
    data.insert(0, "uCode", [f"u{k:05d}" for k in range(units)])
    return data, meta


def _weights(meta):
    """Per level: (child columns, weight matrix children × parents rescaled, parents)."""
    out = []
    for level in (2, 3, 4):
        kids = meta[meta["Level"] == level - 1]
        parents = list(dict.fromkeys(kids["Parent"]))
        w = np.zeros((len(kids), len(parents)))
        w[np.arange(len(kids)), [parents.index(p) for p in kids["Parent"]]] = kids["Weight"]
        out.append((list(kids["iCode"]), w / w.sum(axis=0), parents))
    return out


def numpy_index(args):
    data, meta = args
    x = data.iloc[:, 1:].to_numpy()
    lo, hi = x.min(axis=0), x.max(axis=0)
    level = (x - lo) / (hi - lo) * 100
    for _kids, w, _parents in _weights(meta):
        level = level @ w  # weighted means of the level below, weights rescaled per parent
    index = level[:, 0]
    order = np.argsort(-index, kind="stable")
    ranks = np.empty(len(index))
    ranks[order] = np.arange(1, len(index) + 1)  # ties: none in continuous data (checked)
    return index, ranks


def dxkit_index(args):
    data, meta = args
    # As lean as the numpy version, which keeps the index alone: the aggregates only (every
    # pillar up to the index), the normalised indicators not written.
    r = dxkit.build_index(data, meta, denominate=False, impute="none", screen=0,
                          treat=False, keep_data_sets=False, keep_indicators=False)
    return r.data("aggregated")["Index"].to_numpy(), r.ranks(["Index"])["Index"].to_numpy()


def _check_index(ref, got, name):
    assert np.allclose(got[0], ref[0], rtol=1e-12, atol=1e-12), f"{name}: scores differ"
    assert np.unique(ref[0]).size == ref[0].size, "ties in the index: ranks need method=min"
    assert np.array_equal(np.asarray(got[1], dtype=float), np.asarray(ref[1], dtype=float)), \
        f"{name}: ranks differ"


def index_ways():
    return make_index, {"dxkit": dxkit_index, "numpy": numpy_index}, _check_index, {
        "duckdb": "no composite-index step in SQL worth timing (min-max + matrix product)",
        "polars": "as for DuckDB: the numpy matrix product is the lean way"}


# COINr: its published figures on the ASEM data (not re-run here; COINr is R). -------------
COINR_DIR = __import__("pathlib").Path(__file__).resolve().parents[1] / "tests/data/coinr-asem"
COINR_SOURCE = ("COINr 1.1.14 on the same ASEM data, 2-core machine, as published with the "
                "reference data (tests/data/coinr-asem/README.md: pipeline about 77 ms, one "
                "uncertainty replicate about 88 ms, a 600-run sensitivity analysis about 50 s)")
COINR_SECONDS = {"pipeline": 0.077, "uncertainty, 1000 replicates": 88.0,
                 "sensitivity, 600 runs": 50.0}


def coinr_ways():
    """dxkit from Python on COINr's ASEM example: the three calls COINr publishes times for."""
    assumptions = dict(weight_noise={2: 0.25}, normalisations=["zscore(mean=100,sd=10)"],
                       aggregations=["geometric"], imputation=True, progress=False)

    def make(_size):
        return (pd.read_csv(COINR_DIR / "ASEM_iData.csv"),
                pd.read_csv(COINR_DIR / "ASEM_iMeta.csv"))

    def build(args):  # min-max to [1, 100]: the geometric mean needs positive values
        return dxkit.build_index(*args, preset="coinr_asem", normalise="minmax(lo=1,hi=100)")

    def uncertainty(args):
        return build(args).uncertainty(1000, **assumptions).summary

    def sensitivity(args):
        return build(args).sensitivity(100, **assumptions)

    return make, {"pipeline": build, "uncertainty, 1000 replicates": uncertainty,
                  "sensitivity, 600 runs": sensitivity}
