"""Engines release the GIL: other Python threads run meanwhile, and parallel calls agree."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import accord


def test_gil_released_while_an_engine_runs():
    s = accord.load("geneva-2025")
    done = threading.Event()
    result = {}

    def work():
        t0 = time.perf_counter()
        result["r"] = accord.forecast(s, runs=10000, threads=1)
        result["seconds"] = time.perf_counter() - t0
        done.set()

    ticks = []
    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    # With the GIL held for the whole run this loop would stall for all of it.
    gaps = [b - a for a, b in zip(ticks, ticks[1:])] or [0.0]
    assert result["seconds"] > 0.05
    assert len(ticks) > 10 and max(gaps) < 0.5 * result["seconds"], (len(ticks), max(gaps), result["seconds"])


def test_parallel_calls_give_the_same_result():
    s = accord.load("geneva-2025")
    one = accord.bargain(s, version="v20").to_json()
    with ThreadPoolExecutor(max_workers=3) as pool:
        outs = list(pool.map(lambda _: accord.bargain(s, version="v20").to_json(), range(3)))
    assert outs == [one] * 3

