"""Long runs behave: a progress callback that raises comes back as that Python exception on
any number of threads (it used to end the process with std::terminate, killing a Jupyter
kernel), and the run stops early."""

import pathlib

import pytest

import dxkit

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


class Stop(Exception):
    pass


@pytest.fixture(scope="module")
def asem():
    return dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                             normalise="minmax(lo=1,hi=100)")


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_a_callback_that_raises_surfaces_as_its_exception(asem, threads):
    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= total // 10:
            raise Stop(f"stopped at {done} of {total}")

    with pytest.raises(Stop, match=r"stopped at \d+ of 20000"):
        asem.uncertainty(20000, seed=3, weight_noise={2: 0.25}, threads=threads,
                         progress=progress)
    assert calls and calls[-1] < 20000


def test_the_process_goes_on_after_a_stopped_run(asem):
    with pytest.raises(Stop):
        asem.uncertainty(2000, seed=1, weight_noise={2: 0.25}, threads=2,
                         progress=lambda done, total: (_ for _ in ()).throw(Stop("now")))
    u = asem.uncertainty(200, seed=1, weight_noise={2: 0.25}, threads=2, progress=False)
    assert u.ranks.shape == (200, 51)
