"""A 10,000-unit × 200-indicator index with 4 levels (indicators → 40 pillars → 8 sub-indices
→ index): min-max, weighted arithmetic means and ranks, dxkit against a lean pandas
implementation (vectorised min-max, weighted means as matrix products, DataFrame.rank), in
one run, on the same DataFrame. Two outputs are timed: ranks of every column (COINr's full
rank table) and ranks of the index only.

    python benchmarks/compare_pandas_index.py [--units N] [--repeat R]
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from timing import best

import dxkit


def make(units: int, seed: int = 4):
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


def pandas_scores(data, meta):
    x = data.set_index("uCode")
    x = (x - x.min()) / (x.max() - x.min()) * 100
    frames = [x]
    for level in (2, 3, 4):
        kids = meta[meta["Level"] == level - 1]
        w = pd.crosstab(kids["iCode"], kids["Parent"], values=kids["Weight"], aggfunc="sum")
        w = w.fillna(0.0)
        frames.append(frames[-1][w.index].dot(w / w.sum()))  # weighted means, weights rescaled
    return pd.concat(frames, axis=1)


def pandas_all(args):
    scores = pandas_scores(*args)
    return scores, scores.rank(ascending=False, method="min")


def pandas_index(args):
    scores = pandas_scores(*args)
    return scores, scores["Index"].rank(ascending=False, method="min")


def dxkit_build(args):
    data, meta = args
    return dxkit.build_index(data, meta, denominate=False, impute="none", screen=0,
                             treat=False, keep_data_sets=False)


def dxkit_all(args):
    r = dxkit_build(args)
    return r.data("aggregated"), r.ranks()


def dxkit_index(args):
    r = dxkit_build(args)
    return r.data("aggregated"), r.ranks(["Index"])["Index"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=15)
    a = ap.parse_args()
    args = make(a.units)
    print(f"units: {a.units:,} × 200 indicators, 4 levels  (best of {a.repeat})")
    for label, pd_way, dx_way in (("ranks of every column", pandas_all, dxkit_all),
                                  ("ranks of the index", pandas_index, dxkit_index)):
        t_pd, (s_pd, r_pd) = best(pd_way, args, a.repeat)
        t_dx, (s_dx, r_dx) = best(dx_way, args, a.repeat)
        cols = list(s_pd.columns)
        assert np.allclose(s_pd[cols].to_numpy(), s_dx[cols].to_numpy(), rtol=1e-12, atol=1e-9)
        if isinstance(r_pd, pd.DataFrame):
            assert (r_pd[cols].to_numpy() == r_dx[cols].to_numpy(dtype=float)).all()
        else:
            assert (r_pd.to_numpy() == r_dx.to_numpy(dtype=float)).all()
        print(f"{label}:")
        print(f"  pandas (min-max, matrix-product means, rank):  {t_pd * 1e3:8.1f} ms")
        print(f"  dxkit.build_index + data + ranks:              {t_dx * 1e3:8.1f} ms   "
              f"{t_pd / t_dx:5.1f}x faster")


if __name__ == "__main__":
    main()
