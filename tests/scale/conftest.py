"""One local Ray cluster (2 CPUs) for the tests in tests/scale that need one; skipped without ray.

The cluster is shared by the whole package (started on first use, shut down after the last test):
starting one takes 5-20 s, so one per module would spend most of the minute these tests may take.
Modules run in name order: the actor tests (audit, eval) first, then generate's tasks, which so find their
workers warm (Ray ends idle task workers when actors start). Each fault test is also its command's
comparison with the single-process run, so one Ray run pays for both."""
from __future__ import annotations

import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKER_LOG = re.compile(r"python-core-worker-[0-9a-f]+_(\d+)\.log$")


@dataclass(frozen=True)
class Cluster:
    """The local cluster of these tests: the ray module and the folder of its logs (one per worker)."""

    ray: object
    logs: Path


@pytest.fixture(scope="package")
def ray_cluster():
    ray = pytest.importorskip("ray", reason="ray is not installed: pip install -e '.[scale]'")
    context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield Cluster(ray, Path(context.address_info["session_dir"]) / "logs")
    ray.shutdown()


def worker_pids(logs: Path) -> list[int]:
    """Process ids of this cluster's workers, alive or gone: Ray writes one log per worker, named by its pid.
    (Only these are looked at, not every process on the machine: a scan of /proc cost 5 ms of CPU.)"""
    return [int(m.group(1)) for m in map(WORKER_LOG.match, os.listdir(logs)) if m]


def task_pids(logs: Path, name: str) -> list[int]:
    """This cluster's workers whose title is `ray::NAME...` (running that task, or that actor method)."""
    out = []
    for pid in worker_pids(logs):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if cmd.startswith(f"ray::{name}".encode()):
            out.append(pid)
    return out


class Killer(threading.Thread):
    """Kills the first worker of `cluster` seen running task `name` (SIGKILL), once; remembers its pid.
    `name` is a task ("run_shard") or an actor's method ("Auditor.run": killed mid-call, not while starting)."""

    def __init__(self, cluster: Cluster, name: str, timeout: float = 300.0) -> None:
        super().__init__(daemon=True)
        self.logs = cluster.logs
        self.name_ = name
        self.timeout = timeout
        self.killed: int | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        end = time.monotonic() + self.timeout
        while not self.stop.is_set() and time.monotonic() < end:
            pids = task_pids(self.logs, self.name_)
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                self.killed = pids[0]
                return
            time.sleep(0.005)
