"""Z3 timings: the explicit and Z3 engines side by side on every puzzle, and certification.

    python bench/bench_z3.py [puzzles/*.txt]

Columns: worlds; explicit engine (solve, best of 3); Z3 engine (solve, best of 3, or one run
if it takes over a second); Z3 certificate of the explicit solution (outcome and time). Times
exclude parsing and exclude enumerating the worlds (the engines share one world space).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from epistemic import api  # noqa: E402
from epistemic.certify.certificate import certify  # noqa: E402
from epistemic.worlds.build import build_space  # noqa: E402
from epistemic.stages.solve import solve  # noqa: E402


def timed(fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
        if best > 1.0:
            break
    return best, result


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(paths: list[str]) -> None:
    files = paths or sorted(str(p) for p in (ROOT / "puzzles").glob("*.txt"))
    print("| puzzle | worlds | stages | explicit | Z3 engine | same stages | Z3 certificate |")
    print("|---|---|---|---|---|---|---|")
    for path in files:
        puzzle = api.load_puzzle(path)
        space = build_space(puzzle)
        t_exp, a = timed(lambda: solve(puzzle, "explicit", space=space))
        t_z3, b = timed(lambda: solve(puzzle, "z3", space=space))
        same = all((x.mask == y.mask).all() and x.knows == y.knows for x, y in zip(a.stages, b.stages)) \
            and len(a.stages) == len(b.stages) and a.answer == b.answer
        cert = certify(a)
        stages = " → ".join(str(st.count) for st in a.stages)
        print(f"| {Path(path).stem} | {space.size:,} | {stages} | {fmt(t_exp)} | {fmt(t_z3)} | "
              f"{'yes' if same else 'NO'} | {cert.outcome}, {fmt(cert.seconds)} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
