"""Ctrl-C for real: SIGINT to a running `generate` / `audit` subprocess exits 130 promptly, keeps every
finished row (whole rows only), and a re-run with --resume writes what an uninterrupted run writes."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from epistemic.interrupts import InterruptWatch, _inside_finalizer, z3_check
from tests.paths import PUZZLES

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", *map(str, args)], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=300)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def interrupted(*args, after: float) -> tuple[subprocess.CompletedProcess, float]:
    """Run the CLI, send SIGINT once it has used `after` seconds of CPU (a shared machine makes wall time a
    poor clock), return the result and how long (wall) the stop took."""
    proc = subprocess.Popen([sys.executable, "cli.py", *map(str, args)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.perf_counter() + 120
    while cpu_seconds(proc.pid) < after and time.perf_counter() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    sent = time.perf_counter()
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()  # a run that ignored the interrupt would go on eating the cores of the rest of the suite
        proc.communicate()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), time.perf_counter() - sent


def test_generate_keeps_the_finished_puzzles_and_resume_finishes_the_run(tmp_path):
    out = tmp_path / "g.jsonl"
    # Z3 certifies every item: its finalizers run all the time, where a plain handler would lose the interrupt.
    # (Cards, not muddy children: the muddy knobs allow 134 distinct puzzles, and a run that got there before the
    # interrupt ended with exit 2, as it should; the card family has thousands.)
    result, stop = interrupted("generate", "cards", "--count", "100000", "--out", out, after=2.5)
    assert result.returncode == 130, result.stderr
    assert stop < 10.0 and "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = [json.loads(line) for line in text.splitlines()]
    kept = len(rows)
    assert kept >= 1, result.stderr  # the run had seconds to make at least one item
    assert [r["metadata"]["index"] for r in rows] == list(range(kept))
    assert all(r["question"] and r["answer"] and r["metadata"]["certificate"]["unique"] for r in rows)
    said = re.search(r"--start (\d+) --count (\d+)", result.stderr)
    assert said and int(said[1]) == kept and int(said[2]) == 100000 - kept, result.stderr
    assert "--resume" in result.stderr and not list(tmp_path.glob(".*.tmp"))

    # finish a shorter run from the kept rows: byte-identical to the uninterrupted run
    total = kept + 2
    resumed = cli("generate", "cards", "--count", total, "--out", out, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    whole = tmp_path / "whole.jsonl"
    assert cli("generate", "cards", "--count", total, "--out", whole).returncode == 0
    assert out.read_bytes() == whole.read_bytes()
    # the rest alone, as the message says, makes the same items
    rest = tmp_path / "rest.jsonl"
    assert cli("generate", "cards", "--start", kept, "--count", 2, "--out", rest).returncode == 0
    assert [json.loads(x)["metadata"]["index"] for x in rest.read_text().splitlines()] == [kept, kept + 1]


def test_an_interrupted_generate_never_replaces_a_file_without_force(tmp_path):
    out = tmp_path / "g.jsonl"
    out.write_text("precious\n")
    refused = cli("generate", "muddy", "--count", "3", "--no-z3", "--out", out)
    assert refused.returncode == 2 and out.read_text() == "precious\n"
    resumed = cli("generate", "muddy", "--count", "3", "--no-z3", "--out", out, "--resume")
    assert resumed.returncode == 2 and "not a row written by `generate`" in resumed.stderr
    assert out.read_text() == "precious\n"


def test_audit_batch_keeps_the_rows_done_and_resume_finishes_it(tmp_path):
    traces = tmp_path / "traces.jsonl"
    text = "P: I don't know the card. Q: I knew you didn't know. P: Now I know. The card is {} of diamonds."
    traces.write_text("".join(json.dumps({"id": i, "text": text.format(i % 5)}) + "\n" for i in range(20_000)))
    out = tmp_path / "a.jsonl"
    result, stop = interrupted("audit", PUZZLES / "card16.txt", traces, "--out", out, after=3.0)
    assert result.returncode == 130 and stop < 10.0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and [r["line"] for r in rows] == list(range(1, len(rows) + 1))
    assert f"{len(rows):,} rows" in result.stderr and "--resume" in result.stderr
    short = tmp_path / "short.jsonl"  # finish on the first rows + 3, and compare with a whole run of those
    short.write_text("".join(traces.read_text().splitlines(keepends=True)[: len(rows) + 3]))
    part = tmp_path / "part.jsonl"
    part.write_bytes(out.read_bytes())
    assert cli("audit", PUZZLES / "card16.txt", short, "--out", part, "--resume").returncode == 0
    whole = tmp_path / "whole.jsonl"
    assert cli("audit", PUZZLES / "card16.txt", short, "--out", whole).returncode == 0
    assert part.read_bytes() == whole.read_bytes()


def test_the_handler_defers_inside_a_finalizer_and_raises_elsewhere():
    watch = InterruptWatch(retry=0.01, give_up=60)
    caught = []

    class Finalized:
        def __del__(self):
            caught.append(_inside_finalizer(sys._getframe()))

    Finalized()
    assert caught == [True] and not _inside_finalizer(sys._getframe())
    with pytest.raises(KeyboardInterrupt):
        watch(signal.SIGINT, sys._getframe())
    watch.acknowledge()
    with pytest.raises(KeyboardInterrupt):  # pressed again while saving: the user insists
        watch(signal.SIGINT, sys._getframe())


def test_ctrl_c_outside_a_command_handler_exits_130(monkeypatch):
    """`eval compare` has no handler of its own: the group turns Ctrl-C into 130, not click's 1."""
    from click.testing import CliRunner

    import epistemic.llm.compare as compare
    from epistemic.cli.main import cli

    def interrupt(*args, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(compare, "load_run", interrupt)
    result = CliRunner().invoke(cli, ["eval", "compare", "x.jsonl"])
    assert result.exit_code == 130 and "interrupted" in result.output


def test_ctrl_c_during_a_z3_package_check_reaches_python():
    """libz3 swaps in its own SIGINT handler for each check: a Ctrl-C then cancels the check and is dropped, so
    Python never sees it (generate went on after a Ctrl-C that landed inside a check, 1 run in 6 under load).
    `z3_check` passes it on to the process's handler, promptly."""
    import threading

    import z3

    class Stopped(Exception):
        pass

    def handler(signum, frame):
        raise Stopped

    def pigeonhole(n: int = 11) -> z3.Solver:  # 12 pigeons, 11 holes: far longer than the test waits
        p = [[z3.Bool(f"p{i}_{j}") for j in range(n)] for i in range(n + 1)]
        solver = z3.Solver()
        solver.add([z3.Or(row) for row in p])
        solver.add([z3.Not(z3.And(p[i][j], p[k][j])) for j in range(n) for i in range(n + 1) for k in range(i + 1, n + 1)])
        return solver

    def ctrl_c_soon() -> threading.Timer:
        timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
        timer.start()
        return timer

    old = signal.signal(signal.SIGINT, handler)
    try:
        timer = ctrl_c_soon()
        plain = pigeonhole()
        plain.set("timeout", 5000)  # (a Ctrl-C that lands between the checks of one call is dropped without
        # cancelling anything: the check then runs on, to this timeout, not for minutes)
        assert plain.check() == z3.unknown and any(
            why in plain.reason_unknown() for why in ("interrupted from keyboard", "timeout", "canceled"))  # dropped
        timer.join()
        started = time.monotonic()
        timer = ctrl_c_soon()
        with pytest.raises(Stopped):
            z3_check(pigeonhole())
        assert time.monotonic() - started < 5.0
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, old)


_LONG_CHECK = """
import os, signal, sys, threading, time
from epistemic.interrupts import install, z3_check
from epistemic.certify.z3_text import check_script
import z3
install()
n = 11  # pigeonhole, 12 pigeons in 11 holes: far longer than the test waits
p = [[z3.Bool(f"p{i}_{j}") for j in range(n)] for i in range(n + 1)]
solver = z3.Solver()
solver.add([z3.Or(row) for row in p])
solver.add([z3.Not(z3.And(p[i][j], p[k][j])) for j in range(n) for i in range(n + 1) for k in range(i + 1, n + 1)])
script = "".join(f"(declare-const {x} Bool)\\n" for row in p for x in map(str, row))
script += "".join("(assert (or " + " ".join(map(str, row)) + "))\\n" for row in p)
script += "".join(f"(assert (not (and p{i}_{j} p{k}_{j})))\\n"
                  for j in range(n) for i in range(n + 1) for k in range(i + 1, n + 1))
threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
started = time.monotonic()
try:
    z3_check(solver) if sys.argv[1] == "package" else check_script(script, 60_000)
    print("went on")
except KeyboardInterrupt:
    print(f"stopped {time.monotonic() - started:.2f}")
"""


@pytest.mark.parametrize("path", ["package", "text"])
def test_under_the_watch_ctrl_c_cancels_a_long_z3_check(path):
    """With the CLI's watch installed, libz3's own SIGINT handler is off (it could drop the signal where nothing
    says so) and the watch's listening thread cancels the check in hand: KeyboardInterrupt in well under the
    give-up time, on both ways of calling Z3."""
    result = subprocess.run([sys.executable, "-c", _LONG_CHECK, path], cwd=ROOT, env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("stopped"), result.stdout + result.stderr
    assert float(result.stdout.split()[1]) < 3.0
