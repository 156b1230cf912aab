"""The GIL is released during dxkit's long calls: another Python thread runs meanwhile.

Each case runs one long call (about 0,2-1 s) on the main thread while a second Python thread
counts in a loop and records every stall of more than 2 ms. The core function behind the call
(``dxkit._core...``) is wrapped to note when it starts and ends; inside that window the counter
must advance, and its longest stall must be short next to the window. Were the GIL held by the
core, the counter would stand still for the whole window (its longest stall would equal the
window), however fast the Python parts before and after it switch threads. The count alone
would not show it: at the window's edges Python's switch interval (5 ms) lets the counter run
a few thousand times. On a loaded 2-core machine the counter thread may wait for a core for
a while: a case that misses the bound is run a second time before it fails (a held GIL fails
both runs), and the bound is half the window, far above such waits.
"""

import pathlib
import threading
import time

import pytest

import dxkit
import dxkit.dti
import dxkit.text
from dxkit import _core

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
ASEM = DATA / "coinr-asem"


class Counter(threading.Thread):
    """Counts in a Python loop; keeps (start, end) of each stall longer than 2 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.count = 0
        self.stalls = []
        self.stop = False

    def run(self):
        last = time.perf_counter()
        while not self.stop:
            now = time.perf_counter()
            if now - last > 0.002:
                self.stalls.append((last, now))
            last = now
            self.count += 1

    def longest_stall(self, start, end):
        """The longest time within [start, end] the counter did not move."""
        overlaps = [min(b, end) - max(a, start) for a, b in self.stalls if b > start and a < end]
        return max(overlaps, default=0.0)


def _wrap(monkeypatch, module, name, windows):
    real = getattr(module, name)

    def timed(*args, **kwargs):
        counter = windows.get("counter")  # None while make() prepares the input
        start, before = time.perf_counter(), counter.count if counter else 0
        try:
            return real(*args, **kwargs)
        finally:
            if counter:
                windows["calls"].append((start, time.perf_counter(), counter.count - before))

    monkeypatch.setattr(module, name, timed)


def _check_runs_beside(monkeypatch, module, name, make):
    """Runs make(scale)() (the call on an input `scale` times the base size) beside a counting
    thread. A window under 0,1 s is too short to tell a held GIL from a thread waiting for a
    core: the input is then made 4 times larger (so the test keeps its meaning when the core
    gets faster). A window where the counter stood still for half of it or more fails, after
    one more attempt (a held GIL fails both)."""
    windows = {"calls": []}
    _wrap(monkeypatch, module, name, windows)
    scale, misses = 1, 0
    for _ in range(5):
        windows["counter"] = None
        call = make(scale)
        counter = Counter()
        windows["counter"], windows["calls"] = counter, []
        counter.start()
        time.sleep(0.01)
        try:
            call()
        finally:
            counter.stop = True
            counter.join()
        assert windows["calls"], f"{name} was not called"
        start, end, counted = max(windows["calls"], key=lambda w: w[1] - w[0])
        took = end - start
        stall = counter.longest_stall(start, end)
        if took < 0.1:
            scale *= 4
            continue
        if stall < took / 2 and counted > 1000:
            return
        misses += 1
        if misses == 2:
            break
    assert took >= 0.1, f"{name} took {took:.3f} s even at {scale} times the input"
    pytest.fail(f"{name}: during {took:.3f} s in the core, the other thread counted {counted} "
                f"times and stood still for {stall:.3f} s at once (GIL held?)")


def test_evaluating_a_large_csv(monkeypatch, tmp_path):
    def make(scale):
        path = tmp_path / "large.csv"
        rows = ["code,name,target,actual"]
        for i in range(20_000 * scale):
            rows.append(f"{i},Chỉ tiêu {i},đạt {50 + i % 50}% trở lên,\"{(i * 7) % 100},5%\"")
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return lambda: dxkit.evaluate(path)

    _check_runs_beside(monkeypatch, _core.targets, "evaluate_csv", make)


def test_reading_a_large_csv(monkeypatch, tmp_path):
    def make(scale):
        path = tmp_path / "wide.csv"
        header = ",".join(f"Cột {c}" for c in range(20))
        line = ",".join(f"Giá trị {c} của hàng" for c in range(20))
        path.write_text(header + "\n" + (line + "\n") * (20_000 * scale), encoding="utf-8")
        return lambda: dxkit.text.read_csv(path)

    _check_runs_beside(monkeypatch, _core.text, "read_csv", make)


def test_checking_a_large_text(monkeypatch):
    text = (DATA / "seeds" / "thai_binh_2024_plan.txt").read_text(encoding="utf-8")
    dxkit.check_text(text, source="plan.txt")  # the vocabularies are built on first use
    _check_runs_beside(monkeypatch, _core.plan, "check_text",
                       lambda scale: lambda: dxkit.check_text(text * 20 * scale,
                                                              source="plan.txt"))


def test_an_uncertainty_run(monkeypatch):
    asem = dxkit.build_index(ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv",
                             preset="coinr_asem", normalise="minmax(lo=1,hi=100)")
    _check_runs_beside(monkeypatch, _core.index, "run_uncertainty",
                       lambda scale: lambda: asem.uncertainty(6_000 * scale, seed=2,
                                                              weight_noise={2: 0.25}, threads=1,
                                                              progress=False))


def test_a_dti_ranking(monkeypatch, tmp_path):
    header = (EXAMPLES / "dti_synthetic_2022_points.csv").read_text(encoding="utf-8") \
        .splitlines()[0]

    def make(scale):
        rows = [header]
        for u in range(15_000 * scale):
            points = ",".join(str((u * 7 + k * 13) % 90 + 10) for k in range(8))
            rows.append(f"P{u},Tỉnh {u},{'Bắc' if u % 2 else 'Nam'},{points}")
        path = tmp_path / "points.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return lambda: dxkit.dti.score(path)

    _check_runs_beside(monkeypatch, _core.dti, "dti_score_table", make)


def test_progress_across_documents(monkeypatch, tmp_path):
    def make(scale):
        rows = ["indicator,name,year,kind,value,source"]
        for i in range(5_000 * scale):
            rows.append(f"CT{i},Chỉ tiêu {i},2030,target,{80 + i % 20}% trở lên,02-NQ/TU")
            rows.append(f"CT{i},Chỉ tiêu {i},2021,result,{40 + i % 30}%,167/KH-UBND")
            rows.append(f"CT{i},Chỉ tiêu {i},2023,result,\"{50 + i % 30},5%\",167/KH-UBND")
        path = tmp_path / "observations.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        plan = dxkit.read_plan(path, documents=EXAMPLES / "thai_binh_documents.csv")
        return plan.progress

    _check_runs_beside(monkeypatch, _core.plan, "progress_from_tables", make)
