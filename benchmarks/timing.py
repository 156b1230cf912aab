"""Best-of-N wall time, shared by the side-by-side benchmark scripts."""

import time


def best(fn, data, repeat):
    """(best time in seconds, last result) of `repeat` calls of fn(data)."""
    times, out = [], None
    for _ in range(repeat):
        out = None  # the previous result is freed outside the timed call
        t0 = time.perf_counter()
        out = fn(data)
        times.append(time.perf_counter() - t0)
    return min(times), out
