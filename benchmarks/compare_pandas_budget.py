"""dxkit.rollup against pandas groupby on the same 10,000,000 budget line items, one run.

    python benchmarks/compare_pandas_budget.py [--rows N] [--repeat R]

Both sum int64 đồng exactly; the script checks that they give the same groups and sums.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from timing import best

import dxkit


def make_frame(rows: int, seed: int = 2023) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    agencies = [f"Sở {k:02d}" for k in range(60)] + [f"UBND huyện {k:02d}" for k in range(20)]
    sources = ["Vốn đầu tư", "Vốn sự nghiệp", "Vốn xã hội hóa", "NSTW", "NSĐP"]
    return pd.DataFrame({
        "agency": pd.Categorical.from_codes(rng.integers(0, len(agencies), rows), agencies),
        "source": pd.Categorical.from_codes(rng.integers(0, len(sources), rows), sources),
        "amount": rng.integers(0, 20_000, rows, dtype=np.int64) * 1_000_000,  # đồng
    })


def pandas_way(df):
    return df.groupby(["agency", "source"], observed=True, sort=False)["amount"].sum().reset_index()


def dxkit_way(df):
    return dxkit.rollup(df, ["agency", "source"], amount="amount")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    df = make_frame(args.rows)
    t_pd, out_pd = best(pandas_way, df, args.repeat)
    t_dx, out_dx = best(dxkit_way, df, args.repeat)
    key = ["agency", "source"]
    a = out_pd.astype({"agency": str, "source": str}).sort_values(key).reset_index(drop=True)
    b = out_dx.astype({"agency": str, "source": str}).sort_values(key).reset_index(drop=True)
    assert a.equals(b[a.columns]), "dxkit and pandas disagree"
    print(f"rows: {args.rows:,}, groups: {len(out_dx)}  (best of {args.repeat})")
    print(f"pandas groupby(['agency', 'source']).sum(): {t_pd * 1e3:8.1f} ms")
    print(f"dxkit.rollup(df, ['agency', 'source']):     {t_dx * 1e3:8.1f} ms   "
          f"{t_pd / t_dx:5.1f}x faster, exact to the đồng")


if __name__ == "__main__":
    main()
