"""dxkit.evaluate against a plain pandas implementation of the same rules, on the same
1,000,000-row DataFrame of numeric targets and results, in one run.

    python benchmarks/compare_pandas.py [--rows N] [--repeat R]

Prints the best time of each way and the ratio, after checking that both give the same
statuses and ratios.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from timing import best

import dxkit

CAP = 10.0  # dxkit's ScoringOptions::ratio_cap


def make_frame(rows: int, seed: int = 20231220) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    target = rng.uniform(1, 121, rows)
    actual = rng.uniform(0, 120, rows)
    actual[rng.random(rows) < 0.02] = np.nan  # no data
    # Two values in a million rows: a categorical, as an analyst would store it.
    direction = pd.Categorical(np.where(rng.random(rows) < 0.2, "lower", "higher"))
    return pd.DataFrame({"code": np.arange(1, rows + 1).astype(str),
                         "target": target, "actual": actual, "direction": direction})


def pandas_way(df: pd.DataFrame) -> pd.DataFrame:
    """The exceed scheme with dxkit's documented rules, written the usual pandas way."""
    t, a = df["target"], df["actual"]
    lower = df["direction"].eq("lower")
    has = a.notna()
    num = t.where(lower, a)
    den = a.where(lower, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = num / den
    zero_lower = lower & (a <= 0) & (t >= 0)
    ratio = ratio.mask(zero_lower, np.where((t == 0) & (a == 0), 1.0, CAP))
    zero_den = ~lower & (t == 0)
    ratio = ratio.mask(zero_den, np.where(a == 0, 1.0, np.sign(a) * CAP))
    ratio = ratio.clip(-CAP, CAP).where(has, 0.0)
    met = has & np.where(lower, a <= t, a >= t)
    exceeded = has & np.where(lower, a < t, a > t)
    status = np.select([~has, exceeded, met], ["no_data", "exceeded", "met"], "not_met")
    out = df.assign(ratio=ratio, met=met, exceeded=exceeded,
                    status=pd.Categorical(status,
                                          categories=["exceeded", "met", "not_met", "no_data"]))
    out.attrs["counts"] = out["status"].value_counts(sort=False).to_dict()
    return out


def dxkit_way(df: pd.DataFrame) -> pd.DataFrame:
    r = dxkit.evaluate(df, scheme="exceed")
    out = r.to_frame()
    out.attrs["counts"] = r.counts
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    df = make_frame(args.rows)
    t_pd, out_pd = best(pandas_way, df, args.repeat)
    t_dx, out_dx = best(dxkit_way, df, args.repeat)
    # Same rules, same answers.
    same = out_pd["status"].astype(str).to_numpy() == out_dx["status"].astype(str).to_numpy()
    assert same.all()
    has = out_dx["ratio"].notna().to_numpy()
    assert np.allclose(out_pd["ratio"].to_numpy()[has], out_dx["ratio"].to_numpy(dtype=float)[has])
    assert out_pd.attrs["counts"] == out_dx.attrs["counts"]
    t_core, _ = best(lambda d: dxkit.evaluate(d, scheme="exceed"), df, args.repeat)
    print(f"rows: {args.rows:,}  (best of {args.repeat})")
    print(f"pandas way (columns + DataFrame):      {t_pd * 1e3:8.1f} ms")
    print(f"dxkit.evaluate(df).to_frame():         {t_dx * 1e3:8.1f} ms   "
          f"{t_pd / t_dx:5.1f}x faster")
    print(f"dxkit.evaluate(df) (arrays, counts):   {t_core * 1e3:8.1f} ms   "
          f"{t_pd / t_core:5.1f}x faster")
    print(f"counts: {out_dx.attrs['counts']}")


if __name__ == "__main__":
    main()
