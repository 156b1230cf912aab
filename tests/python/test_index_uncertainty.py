import numpy as np
import pytest
from test_index_cli import ASEM

import dxkit


@pytest.fixture(scope="module")
def asem():
    return dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
                             normalise="minmax(lo=1,hi=100)")


def test_uncertainty_summary_ranks_and_replicates(asem):
    u = asem.uncertainty(300, seed=5, weight_noise={2: 0.25}, aggregations=["geometric"],
                         imputation=True, leave_out=["Physical"], progress=False)
    ranks = asem.ranks()["Index"]
    assert (u.summary["nominal"] == ranks.loc[u.summary.index]).all()
    assert u.ranks.shape == (300, 51)
    assert (u.summary["p5"] <= u.summary["median"]).all()
    assert (u.summary["median"] <= u.summary["p95"]).all()
    reps = u.replicates
    assert set(reps["aggregation"]) == {"nominal", "geometric"}
    left = reps["left_out"] == "Physical"
    assert left.any() and (reps.loc[left, "w.Physical"] == 0).all()
    w = reps.loc[~left, "w.Physical"]
    assert w.between(0.75, 1.25).all() and w.std() > 0
    again = asem.uncertainty(300, seed=5, weight_noise={2: 0.25}, aggregations=["geometric"],
                             imputation=True, leave_out=["Physical"], threads=1, progress=False)
    assert again.ranks.equals(u.ranks)


def test_zero_noise_reproduces_the_nominal_ranks(asem):
    u = asem.uncertainty(50, weight_noise={2: 0.0, 3: 0.0}, progress=False)
    nominal = u.summary["nominal"].to_numpy()
    assert (u.summary["p5"].to_numpy() == nominal).all()
    assert (u.summary["p95"].to_numpy() == nominal).all()


def test_sensitivity_and_progress(asem):
    seen = []
    s = asem.sensitivity(60, seed=3, weight_noise={4: 0.0}, normalisations=["rank"],
                         bootstrap=100, progress=lambda done, total: seen.append((done, total)))
    assert s.attrs["runs"] == 60 * 4
    assert s.loc["weights.L4", "total"] == 0
    assert s.loc["normalisation", "total"] == pytest.approx(1, abs=0.1)  # estimator noise
    assert seen[-1] == (240, 240)
    assert np.isfinite(s.to_numpy()).all()
    with pytest.raises(dxkit.ValidationError, match="no assumption varies"):
        asem.sensitivity(10)
    with pytest.raises(dxkit.ValidationError, match="unknown aggregation 'median'"):
        asem.uncertainty(10, aggregations=["median"])
