"""ProcessBench's metrics: accuracy on erroneous traces (exact first-error step), on correct traces, and F1."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class ProcessBenchScore:
    erroneous: int
    correct: int
    acc_erroneous: float
    acc_correct: float
    f1: float

    def to_dict(self) -> dict:
        return {"erroneous": self.erroneous, "correct": self.correct,
                "acc_erroneous": round(self.acc_erroneous, 4), "acc_correct": round(self.acc_correct, 4),
                "f1": round(self.f1, 4)}


def processbench(pairs: Iterable[tuple[int, int]]) -> ProcessBenchScore:
    """pairs of (gold label, predicted label); a label is the first wrong step's index or -1."""
    err = cor = err_ok = cor_ok = 0
    for gold, pred in pairs:
        if gold == -1:
            cor += 1
            cor_ok += pred == -1
        else:
            err += 1
            err_ok += pred == gold
    a = err_ok / err if err else 0.0
    b = cor_ok / cor if cor else 0.0
    f1 = 2 * a * b / (a + b) if a + b else 0.0
    return ProcessBenchScore(err, cor, a, b, f1)
