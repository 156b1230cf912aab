"""Long runs behave: a progress callback that raises comes back as that Python exception on
any number of threads (it used to end the process with std::terminate, killing a Jupyter
kernel), and the run stops early; Ctrl-C stops a long run within 0,2 s with KeyboardInterrupt."""

import os
import pathlib
import signal
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


@pytest.fixture(autouse=True)
def _sigint_raises_keyboard_interrupt():
    """A test runner started in the background by a script (``cmd &``, nohup) inherits SIGINT
    ignored, and Python then leaves it ignored: these tests send a real SIGINT, so they put
    Python's own handler in place for their duration."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _interrupt_once_running(running, finished):
    """Ctrl-C from another thread: a real SIGINT sent to the process 50 ms after the run's
    loop has started (`running` set), unless it has ended; returns the thread and when the
    signal was sent."""
    fired = []

    def fire():
        running.wait(30)
        time.sleep(0.05)
        if not finished.is_set():
            fired.append(time.perf_counter())
            os.kill(os.getpid(), signal.SIGINT)

    t = threading.Thread(target=fire)
    t.start()
    return t, fired


def _interrupted_run(asem, kind):
    """Seconds from the SIGINT to the KeyboardInterrupt of a run that would take many seconds
    (400,000 replicates, or 40,000 × 3 sensitivity runs), on 2 threads."""
    running, finished = threading.Event(), threading.Event()

    def progress(done, total):
        running.set()

    t, fired = _interrupt_once_running(running, finished)
    start = time.perf_counter()
    try:
        with pytest.raises(KeyboardInterrupt):
            if kind == "uncertainty":
                asem.uncertainty(400_000, seed=1, weight_noise={2: 0.25}, threads=2,
                                 progress=progress)
            else:
                asem.sensitivity(40_000, seed=1, weight_noise={2: 0.25}, threads=2,
                                 bootstrap=10, progress=progress)
        stopped = time.perf_counter()
    finally:
        finished.set()
        running.set()
        t.join()
    assert fired, "the run ended before the interrupt"
    assert stopped - start < 30
    return stopped - fired[0]


@pytest.mark.parametrize("kind", ["uncertainty", "sensitivity"])
def test_ctrl_c_stops_a_long_run_quickly(asem, kind):
    # Issue 12 asks 0,2 s from Ctrl-C to KeyboardInterrupt. The core asks Python for pending
    # signals every 50 ms (bindings/module.cpp) and between chunks of work of well under a
    # millisecond here, so on an idle machine the run stops within a few tens of milliseconds.
    # The latency is measured from the signal's sending to the exception; on a loaded 2-core
    # CI machine the threads may wait for a core, so a first attempt over the bound is
    # retried once before the test fails (a run that does not listen fails both).
    latencies = []
    for _ in range(2):
        latencies.append(_interrupted_run(asem, kind))
        if latencies[-1] < 0.2:
            break
    assert latencies[-1] < 0.2, f"stopped {latencies} s after Ctrl-C"
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


def _interrupted_evaluation(path):
    """Seconds from a SIGINT (sent 50 ms into the call) to the KeyboardInterrupt of
    dxkit.evaluate on a CSV whose whole evaluation takes seconds."""
    running, finished = threading.Event(), threading.Event()
    t, fired = _interrupt_once_running(running, finished)
    try:
        with pytest.raises(KeyboardInterrupt):
            running.set()
            dxkit.evaluate(path)
        stopped = time.perf_counter()
    finally:
        finished.set()
        t.join()
    assert fired, "the evaluation ended before the interrupt"
    return stopped - fired[0]


def test_ctrl_c_stops_a_large_evaluation_quickly(tmp_path):
    # A table of 600,000 indicators with targets and results as the documents write them
    # ("97% trở lên", "99,6%"): reading, parsing every cell and scoring take seconds; Ctrl-C is
    # heard while any of these steps runs. Same bound and retry as the runs above.
    # The numbers vary from row to row, so no two cells are the same text.
    rows = ["code,name,target,actual"]
    phrases = ["{a}% trở lên", "Phấn đấu {a}%", "đạt {a}%", "tối thiểu {a} hệ thống", "dưới {a}%"]
    for i in range(600_000):
        target = phrases[i % len(phrases)].format(a=i % 997)
        rows.append(f"C{i},Chỉ tiêu số {i},{target},\"{i % 1009},{i % 10}\"")
    path = tmp_path / "large.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    latencies = []
    for _ in range(2):
        latencies.append(_interrupted_evaluation(path))
        if latencies[-1] < 0.2:
            break
    assert latencies[-1] < 0.2, f"stopped {latencies} s after Ctrl-C"
