"""Long runs behave: a progress callback that raises comes back as that Python exception on
any number of threads (it used to end the process with std::terminate, killing a Jupyter
kernel), and the run stops early."""

import _thread
import pathlib
import threading
import time

import pytest

import dxkit

ASEM = pathlib.Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


class Stop(Exception):
    pass


@pytest.fixture(scope="module")
def asem():
    return dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv", preset="coinr_asem",
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


def _interrupt_once_running(running):
    """Ctrl-C from another thread as soon as the run's loop has started (`running` set);
    returns the thread and when it fired."""
    fired = []

    def fire():
        running.wait(30)
        time.sleep(0.05)
        fired.append(time.perf_counter())
        _thread.interrupt_main()

    t = threading.Thread(target=fire)
    t.start()
    return t, fired


@pytest.mark.parametrize("kind", ["uncertainty", "sensitivity"])
def test_ctrl_c_stops_a_long_run_quickly(asem, kind):
    # The goal is 0,2 s; on an idle machine the run stops within milliseconds of the signal.
    # The bound leaves room for a shared test machine whose threads wait for a core.
    running = threading.Event()

    def progress(done, total):
        running.set()

    t, fired = _interrupt_once_running(running)
    start = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        if kind == "uncertainty":
            asem.uncertainty(400_000, seed=1, weight_noise={2: 0.25}, threads=2,
                             progress=progress)
        else:
            asem.sensitivity(40_000, seed=1, weight_noise={2: 0.25}, threads=2, bootstrap=10,
                             progress=progress)
    stopped = time.perf_counter()
    running.set()
    t.join()
    assert fired, "the run ended before the interrupt"
    assert stopped - fired[0] < 0.5, f"stopped {stopped - fired[0]:.3f} s after Ctrl-C"
    assert stopped - start < 30
    # The module still works after the interrupted run.
    assert asem.uncertainty(50, seed=1, weight_noise={2: 0.25}, progress=False).ranks.shape == \
        (50, 51)


def test_another_python_thread_runs_during_a_long_run(asem):
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.02)
    before = len(ticks)
    start = time.perf_counter()
    asem.uncertainty(40_000, seed=2, weight_noise={2: 0.25}, threads=1, progress=False)
    took = time.perf_counter() - start
    during = len(ticks) - before
    done.set()
    t.join()
    # With the GIL held for the run the other thread would not tick at all.
    assert took > 0.05 and during >= 3, (took, during)
