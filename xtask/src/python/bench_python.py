"""Throughput of the Python package on the bench's input: `clean_batch` (all cores, without
the GIL), `clean` one text at a time, and Ray Data `map_batches` with 1 and 2 workers, as a
whole and after the start-up of its actors (timed on a dataset of one text).

usage: bench_python.py CORPUS_DIR COPIES
"""

import glob
import logging
import os
import sys
import time

import zhclean


def best_of(runs, work):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    corpus, copies = sys.argv[1], int(sys.argv[2])
    documents = [open(path, encoding="utf-8").read() for path in sorted(glob.glob(os.path.join(corpus, "*.txt")))]
    texts = documents * copies
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    cleaner = zhclean.Cleaner()
    cleaner.clean(texts[0])
    print(f"input: {megabytes:.1f} MB ({copies} copies of {corpus}), best of 3 runs")
    print(f"{'measurement':<40} {'MB/s':>6}")
    batch = best_of(3, lambda: cleaner.clean_batch(texts))
    print(f"{'python clean_batch (all cores)':<40} {megabytes / batch:>6.1f}")
    single = best_of(1, lambda: [cleaner.clean(text) for text in texts])
    print(f"{'python clean, one text at a time':<40} {megabytes / single:>6.1f}")
    try:
        import ray

        from zhclean.ray import Cleaner as RayCleaner
    except ImportError:
        print("note: ray is not installed; Ray is not measured")
        return
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        dataset = ray.data.from_items([{"text": text} for text in texts]).materialize()
        # A run on one text measures what every run pays before it cleans anything: the actors'
        # start-up, which a large dataset makes small.
        one = ray.data.from_items([{"text": texts[0]}]).materialize()
        for workers in (1, 2):
            run = lambda data: lambda: data.map_batches(
                RayCleaner, batch_format="pyarrow", concurrency=workers, batch_size=20
            ).materialize()
            # Best of two: the first actors of a session start slower than the next.
            start_up = best_of(2, run(one))
            seconds = best_of(2, run(dataset))
            label = f"ray map_batches, {workers} worker(s)"
            print(f"{label:<40} {megabytes / seconds:>6.1f}")
            print(f"{'  after its start-up of ' + f'{start_up:.2f} s':<40} {megabytes / max(seconds - start_up, 1e-9):>6.1f}")
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
