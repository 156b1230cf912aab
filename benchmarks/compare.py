"""dxkit against the best peers, called from Python, in one process, interleaved.

    python benchmarks/compare.py [--quick] [--area text|numeric|budget|index|coinr] [--repeat R]
                                 [--markdown docs/benchmarks.md] [--memory]

For each area the same data goes to dxkit and to the leanest code a good analyst would write
with pandas and numpy, with DuckDB and with polars (a peer that is not installed is skipped,
and the table says so). Every way is run once and its answers ASSERTED identical to dxkit's
(exact for money and statuses, <= 1e-12 for ratios and scores) before anything is timed; then
the ways run in turn (A, B, C, A, B, C, ...), the previous answer freed outside the timed
call, and the minimum and the median of the repeats are printed with the ratio to dxkit.
``--markdown FILE`` rewrites the part of FILE between ``<!-- compare:begin -->`` and
``<!-- compare:end -->`` with the tables and the machine they ran on. ``--memory`` runs each
way of the text area in a fresh process and prints its peak memory (ru_maxrss above the data,
and tracemalloc's peak of what Python allocated).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd
from peers import (
    COINR_SECONDS,
    COINR_SOURCE,
    PEERS,
    budget_ways,
    coinr_ways,
    index_ways,
    numeric_ways,
    text_ways,
)

import dxkit

SIZES = {  # area -> (full size, --quick size)
    "text": (1_000_000, 100_000),
    "numeric": (1_000_000, 100_000),
    "budget": (10_000_000, 1_000_000),
    "index": (10_000, 1_000),
    "coinr": (51, 51),
}
WHAT = {
    "text": "rows of Vietnamese text targets and results scored (exceed scheme) from a DataFrame",
    "numeric": "rows of float64 targets and results scored (exceed scheme) from a DataFrame",
    "budget": "int64 đồng line items summed by agency × source (exact)",
    "index": "units × 200 indicators: min-max, weighted means of 4 levels, rank of the index",
    "coinr": "units of COINr's ASEM example against COINr's published times",
}


def time_interleaved(ways: dict[str, Callable], data, repeat: int) -> dict[str, list[float]]:
    """Seconds of each call, the ways taking turns; the answer is freed outside the clock."""
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(repeat):
        for name, fn in ways.items():
            gc.collect()
            t0 = time.perf_counter()
            out = fn(data)
            times[name].append(time.perf_counter() - t0)
            del out
    return times


def run_area(area: str, quick: bool, repeat: int) -> dict:
    size = SIZES[area][1 if quick else 0]
    if area == "coinr":
        make, calls = coinr_ways()
        data = make(size)
        return {"area": area, "size": size, "repeat": repeat, "skipped": {},
                "times": time_interleaved(calls, data, repeat)}
    make, ways, check, skipped = {
        "text": text_ways, "numeric": numeric_ways, "budget": budget_ways, "index": index_ways,
    }[area]()
    data = make(size)
    reference = ways["dxkit"](data)
    for name, fn in ways.items():  # identical answers, or no figures at all
        if name != "dxkit":
            check(reference, fn(data), name)
    del reference
    times = time_interleaved(ways, data, repeat)
    return {"area": area, "size": size, "repeat": repeat, "times": times, "skipped": skipped}


def coinr_table(result: dict) -> str:
    lines = ["| call, from Python | dxkit min | dxkit median | COINr (published, not re-run) "
             "| dxkit is |", "|---|---|---|---|---|"]
    for name, ts in result["times"].items():
        coinr = COINR_SECONDS[name]
        lines.append(f"| {name} | {_ms(min(ts))} | {_ms(statistics.median(ts))} | {_ms(coinr)} "
                     f"| {_times(coinr / min(ts))} |")
    return "\n".join(lines) + f"\n\nCOINr's figures: {COINR_SOURCE}."


def table(result: dict) -> str:
    if result["area"] == "coinr":
        return coinr_table(result)
    times = result["times"]
    base = min(times["dxkit"])
    lines = ["| way | min | median | dxkit is |", "|---|---|---|---|"]
    for name, ts in times.items():
        ratio = "—" if name == "dxkit" else _times(min(ts) / base)
        lines.append(f"| {PEERS.get(name, name)} | {_ms(min(ts))} | {_ms(statistics.median(ts))} "
                     f"| {ratio} |")
    for name, why in result["skipped"].items():
        lines.append(f"| {PEERS.get(name, name)} | not run: {why} | | |")
    return "\n".join(lines)


def _times(ratio: float) -> str:
    """How many times faster dxkit is (below 1: slower, said so)."""
    text = f"{ratio:,.1f}" if ratio < 10 else f"{ratio:,.0f}"
    return f"**{text}×** faster" if ratio >= 1 else f"{text}× (slower)"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:,.0f} µs"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = [f"Python {platform.python_version()}", f"dxkit {dxkit.__version__}",
                f"pandas {pd.__version__}", f"numpy {np.__version__}"]
    for mod in ("duckdb", "polars", "pyarrow"):
        try:
            versions.append(f"{mod} {__import__(mod).__version__}")
        except ImportError:
            versions.append(f"{mod} not installed")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
            f"{'; '.join(versions)}; load average {load}; "
            f"{datetime.date.today().isoformat()}")


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))


def memory_of(area: str, way: str, size: int) -> tuple[float, float]:
    """(peak RSS above the RSS before the call, tracemalloc peak) in bytes of one call of
    `way` in this process: the peak is reset first (Linux clear_refs), so what building the
    data took does not hide the call's own peak; elsewhere ru_maxrss growth is used."""
    make, ways, _check, _skipped = text_ways()
    data = make(size)
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM, the peak resident set
        before = _status_kib("VmRSS") * 1024
    except OSError:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    out = ways[way](data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    try:
        after = _status_kib("VmHWM") * 1024
    except OSError:
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    del out
    return after - before, peak


def memory_table(size: int) -> str:
    lines = ["| way | peak RSS above the data | per row | tracemalloc peak |", "|---|---|---|---|"]
    _make, ways, _check, _skipped = text_ways()
    for way in ways:
        out = subprocess.run([sys.executable, __file__, "--memory-of", way, "--size", str(size)],
                             capture_output=True, text=True, check=True).stdout.split()
        rss, peak = float(out[0]), float(out[1])
        lines.append(f"| {PEERS.get(way, way)} | {rss / 2**20:,.0f} MiB | {rss / size:,.0f} B "
                     f"| {peak / 2**20:,.0f} MiB |")
    return "\n".join(lines)


def write_markdown(path: str, body: str) -> None:
    begin, end = "<!-- compare:begin -->", "<!-- compare:end -->"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if begin not in text or end not in text:
        raise SystemExit(f"{path} has no {begin} ... {end} section to rewrite")
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{head}{begin}\n{body}\n{end}{tail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes, 3 repeats")
    ap.add_argument("--area", choices=[*SIZES, "uncertainty"], action="append",
                    help="one area (repeatable; uncertainty = coinr); default all")
    ap.add_argument("--repeat", type=int, default=None, help="rounds (default 7, quick 3)")
    ap.add_argument("--markdown", help="rewrite the compare section of this markdown file")
    ap.add_argument("--memory", action="store_true", help="peak memory of the text area's ways")
    ap.add_argument("--memory-of", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_of:
        rss, peak = memory_of("text", args.memory_of, args.size)
        print(rss, peak)
        return
    repeat = args.repeat or (3 if args.quick else 7)
    parts = [f"Machine: {machine()}. `python benchmarks/compare.py"
             f"{' --quick' if args.quick else ''}`, {repeat} interleaved rounds; the answers of "
             "every way were asserted identical to dxkit's before timing."]
    for area in dict.fromkeys("coinr" if a == "uncertainty" else a
                              for a in args.area or list(SIZES)):
        result = run_area(area, args.quick, repeat)
        title = f"### {area}: {result['size']:,} {WHAT[area]}"
        parts += [title, "", table(result)]
        print(title, table(result), sep="\n", end="\n\n", flush=True)
    if args.memory:
        size = SIZES["text"][1 if args.quick else 0]
        mem = memory_table(size)
        parts += [f"### text: peak memory of one call at {size:,} rows (a fresh process each)", "",
                  mem]
        print(mem)
    if args.markdown:
        write_markdown(args.markdown, "\n\n".join(parts))


if __name__ == "__main__":
    main()
