"""What the judge says about a claim: a verdict, the window of stages it was judged in, its text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

ENTAILED, PREMATURE, FALSE = "entailed", "premature", "false"
NOT_HANDLED = object()  # a strategy's answer for a claim it does not judge


class Text:
    """A string made on first use: formulas are printed only for the audits someone reads."""

    __slots__ = ("make", "value")

    def __init__(self, make):
        self.make, self.value = make, None

    def __str__(self) -> str:
        if self.value is None:
            self.value, self.make = self.make(), None
        return self.value

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __repr__(self) -> str:
        return repr(str(self))


class Window(NamedTuple):
    """The stages a claim can be talking about: `stage`, where the step's cues put it, up to `reached`,
    the latest announcement the trace has reached by any cue so far (see align.py)."""

    stage: int
    reached: int
    fresh: bool = False  # the step itself moved to `stage`: its candidate sets may still describe the one before


@dataclass(frozen=True)
class Verdict:
    verdict: str
    stage: int
    text: str | Text  # the claim as judged, `at stage K: formula` (see `shown`)
    back: int = 0
    holds_at: int | None = None
    counterexample: dict | None = None
    strategy: str = ""  # which strategy judged it (strategies.py)
    earlier: int | None = None  # for a false or premature claim: the latest earlier stage where it held (a restatement?)

    @property
    def shown(self) -> str:
        return str(self.text)


