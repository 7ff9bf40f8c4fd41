"""What one `ray.wait(refs, num_returns=1)` costs the driver against the number of pending refs: the
reason `generate --ray` keeps a window of shards in flight instead of all of them.

    PYTHONPATH=$PWD python bench/bench_ray_wait.py [--sizes 1000 5000 20000] [--calls 20]
"""
from __future__ import annotations

import argparse
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--calls", type=int, default=20)
    args = ap.parse_args()
    import ray

    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)

    @ray.remote
    def hold() -> None:
        time.sleep(3600)

    @ray.remote
    def noop(i: int) -> int:
        return i

    blocker = hold.remote()  # takes the only CPU, so every ref below stays pending
    print("| pending refs | wall ms per wait | driver CPU ms per wait | µs per ref |")
    print("|---|---|---|---|")
    for n in args.sizes:
        refs = [noop.remote(i) for i in range(n)]
        w, c = time.perf_counter(), time.process_time()
        for _ in range(args.calls):
            ray.wait(refs, num_returns=1, timeout=0)
        wall, cpu = (time.perf_counter() - w) / args.calls, (time.process_time() - c) / args.calls
        print(f"| {n} | {wall * 1e3:.2f} | {cpu * 1e3:.2f} | {cpu / n * 1e6:.2f} |")
        for r in refs:
            ray.cancel(r)
    ray.cancel(blocker, force=True)
    ray.shutdown()


if __name__ == "__main__":
    main()
