"""Progress and threads of the long runs (``IndexResult.uncertainty`` / ``sensitivity``): a
tqdm.auto bar when tqdm is installed (a widget in Jupyter), dxkit's own bar on stderr
otherwise; ``threads=None`` is every core."""

from __future__ import annotations

import os
import sys

from dxkit import _core


class _Bar:
    """A progress bar on stderr for long runs (no dependency)."""

    def __init__(self, label: str, min_runs: int = 0):
        self.label = label
        self.min_runs = min_runs  # shown only for runs at least this long
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_runs:
            return
        pct = 100 * done // max(total, 1)
        if pct == self.shown:
            return
        self.shown = pct
        filled = pct * 30 // 100
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                         f"{pct:3d}% {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


class _TqdmBar:
    """The same bar drawn by tqdm.auto (a widget in Jupyter, text elsewhere), made on the
    first call, when the engine has said the total."""

    def __init__(self, tqdm, label: str, min_runs: int = 0):
        self.tqdm, self.label, self.min_runs = tqdm, label, min_runs
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_runs:
            return
        if self.bar is None:
            self.bar = self.tqdm(total=total, desc=self.label, unit="run")
        if done > self.done:
            self.bar.update(done - self.done)
            self.done = done
        if done >= total:
            self.bar.close()


def bar(label: str, min_runs: int = 0):
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return _Bar(label, min_runs)
    return _TqdmBar(tqdm, label, min_runs)


def callback(progress, label: str):
    """A callable(done, total) for the engine: the caller's, a bar (True), a bar for runs of
    20,000 or more (None, the default; the engine reports the total), or nothing (False).
    The bar is tqdm's when tqdm is installed, else dxkit's own on stderr."""
    if callable(progress):
        return progress
    if progress is True:
        return bar(label)
    if progress is None:
        return bar(label, min_runs=20_000)
    return None


def threads(threads) -> int:
    """``threads=None`` is every core; otherwise a positive number."""
    if threads is None:
        return os.cpu_count() or 1
    if int(threads) < 1:
        raise _core.ValidationError(f"threads must be 1 or more (None: every core), not "
                                    f"{threads}")
    return int(threads)
