"""One local Ray cluster (2 CPUs) for the tests in tests/scale that need one; skipped without ray.

The cluster is shared by the whole package (started on first use, shut down after the last test):
starting one takes 5-20 s, so one per module would spend most of the minute these tests may take."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="package")
def ray_cluster():
    ray = pytest.importorskip("ray", reason="ray is not installed: pip install -e '.[scale]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def task_pids(name: str) -> list[int]:
    """Processes whose title is `ray::NAME` (a Ray worker running that task or actor now)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if cmd.startswith(f"ray::{name}".encode()):
                out.append(int(entry))
    return out


class Killer(threading.Thread):
    """Kills the first worker seen running task `name` (SIGKILL), once; remembers its pid."""

    def __init__(self, name: str, timeout: float = 120.0) -> None:
        super().__init__(daemon=True)
        self.name_ = name
        self.timeout = timeout
        self.killed: int | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        end = time.monotonic() + self.timeout
        while not self.stop.is_set() and time.monotonic() < end:
            pids = task_pids(self.name_)
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                self.killed = pids[0]
                return
            time.sleep(0.005)
