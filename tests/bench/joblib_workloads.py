"""The benchmark's workloads through joblib.Memory, the same as workloads.cpp runs
through cachepy, with the same command line and the same JSON output.

Run with Debian's /usr/bin/python3 (python3-joblib, python3-numpy)."""

import json
import statistics
import sys
import time

start_of_process = time.perf_counter()

import joblib  # noqa: E402  (timed: part of a fresh process's first call)
import numpy  # noqa: E402

BIG_SIZE = 10_000_000  # 80 MB of doubles

memory = joblib.Memory(sys.argv[1], verbose=0)
sys.setrecursionlimit(100_000)  # fib(90) recurses through joblib's frames


@memory.cache
def square(x):
    return x * x


@memory.cache
def total(values):
    return float(values.sum())


@memory.cache
def ramp(seed):
    return numpy.arange(BIG_SIZE, dtype=numpy.float64) * 0.5 + seed


@memory.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def median_seconds(repetitions, f):
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_ramp(values):
    return values.shape == (BIG_SIZE,) and values[12345] == 12345 * 0.5 + 3


def small_hit(calls):
    square(7)
    start = time.perf_counter()
    total_value = 0
    for _ in range(calls):
        total_value += square(7)
    elapsed = time.perf_counter() - start
    assert total_value == 49 * calls
    return {"per_call": elapsed / calls, "calls": calls}


def first_call():
    start = time.perf_counter()
    assert square(7) == 49
    now = time.perf_counter()
    return {"first_call": now - start, "with_imports": now - start_of_process}


def big_argument(repetitions):
    values = numpy.arange(BIG_SIZE, dtype=numpy.float64) % 1000
    expected = total(values)
    hit = median_seconds(repetitions, lambda: total(values))
    assert total(values) == expected
    return {"hit": hit, "bytes": BIG_SIZE * 8}


def big_result(repetitions):
    assert check_ramp(ramp(3))
    hit = median_seconds(repetitions, lambda: ramp(3))
    assert check_ramp(ramp(3))
    return {"hit": hit, "bytes": BIG_SIZE * 8}


def big_result_once():
    result = []
    hit = median_seconds(1, lambda: result.append(ramp(3)))
    assert check_ramp(result[0])
    return {"hit": hit, "bytes": BIG_SIZE * 8}


def first_hits(hits):
    """A miss, then hits, each result freed before the next: the hits' mean, and each."""
    assert check_ramp(ramp(3))
    each = []
    for _ in range(hits):
        start = time.perf_counter()
        ok = check_ramp(ramp(3))
        each.append(time.perf_counter() - start)
        assert ok
    return {"hits": statistics.mean(each), "each": each, "bytes": BIG_SIZE * 8}


def first_fib():
    result = []
    elapsed = median_seconds(1, lambda: result.append(fib(90)))
    assert result[0] == 2880067194370816120
    return {"first_run": elapsed}


WORKLOADS = {
    "small-hit": lambda count: small_hit(count),
    "first-call": lambda count: first_call(),
    "big-argument": lambda count: big_argument(count),
    "big-result": lambda count: big_result(count),
    "big-result-once": lambda count: big_result_once(),
    "first-hits": lambda count: first_hits(count),
    "fib": lambda count: first_fib(),
}

if __name__ == "__main__":
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    print(json.dumps(WORKLOADS[sys.argv[2]](count)))
