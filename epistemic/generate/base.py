"""What every family produces: a candidate (screen model + dialogue + how to write it as a puzzle)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, NamedTuple

from ..errors import EpistemicError
from ..language import syntax as s
from . import dialogue as d
from .screen import ScreenModel, Verdict


@dataclass(frozen=True)
class Candidate:
    """A sampled puzzle before verification; `write(verdict)` gives its source in the puzzle language."""

    family: str
    model: ScreenModel
    lines: tuple[d.Line, ...]
    question: str                       # the asked terms' name in the puzzle (card, date, (x, y))
    facts: Mapping[s.Formula, str]      # the family's own text for facts its dialogue states (muddy's m[1])
    write_header: Callable[[], str] = field(repr=False)
    answer_text: Callable[[int], str] = field(repr=False)
    footer: str = ""
    ask: tuple[str, str] = ("", "")
    agents: int = 2
    rows: tuple[tuple, ...] | None = None   # the world table (one tuple per world), when the family has one
    sorts: tuple[str, ...] = ()             # the sort of each column of `rows` (all renamable)
    shape: tuple = ()                       # whatever else the writer prints from (who is told what)

    def quick_key(self) -> str | None:
        """A key from the candidate itself, equal for renamings of one table with the same dialogue.

        Only a shortcut to skip duplicates before parsing (equal quick keys imply equal canonical keys
        of the parsed texts); the parsed text's key (dedup.puzzle_key) is the one that counts.
        """
        if self.rows is None:
            return None
        from .dedup import canonical_rows

        table, exact = canonical_rows(list(self.rows), list(self.sorts))
        if not exact:
            return None
        data = repr((self.family, self.sorts, self.shape, table, self.lines, self.question, self.agents))
        return "quick:" + hashlib.sha1(data.encode("utf-8")).hexdigest()[:20]

    def write(self, verdict: Verdict, title: str) -> str:
        """The full puzzle text: header, dialogue with en/zh lines, question, answer and expected stages."""
        out = [f'puzzle "{title}"', self.write_header().rstrip("\n"), ""]
        spelled = {self.model.answer: self.question, **self.facts}
        for line in self.lines:
            out.append(d.line_source(line, spelled))
            out.append(f'  en: "{line.en}"')
            out.append(f'  zh: "{line.zh}"')
        out.append("")
        if self.footer:
            out.append(self.footer.rstrip("\n"))
        out.append(f"answer {self.question} = {self.answer_text(verdict.survivor)}")
        if self.ask[0]:
            out.append(f'  en: "{self.ask[0]}"')
        if self.ask[1]:
            out.append(f'  zh: "{self.ask[1]}"')
        out.append("expect stages " + " ".join(str(c) for c in verdict.counts))
        return "\n".join(out) + "\n"


class Draft(NamedTuple):
    """A sampled candidate as the screen sees it: its model and dialogue, and how to make the Candidate.

    The generator screens ~34 candidates for each one it keeps; building a Candidate (a frozen dataclass of
    13 fields and two closures) for each cost about a fifth of sampling. A family with a `draft` method
    draws everything from the random stream and builds only the model; `finish()` makes the same Candidate
    that `sample` gives, for the few that pass. A named tuple: immutable, and cheap to make per candidate."""

    model: ScreenModel
    lines: tuple[d.Line, ...]
    finish: Callable[[], Candidate]


def draft_of(family, rng, knobs: dict) -> Draft:
    """The family's draft of its next candidate (its `sample`, wrapped, where it has no `draft`)."""
    draft = getattr(family, "draft", None)
    if draft is not None:
        return draft(rng, knobs)
    cand = family.sample(rng, knobs)
    return Draft(cand.model, cand.lines, lambda: cand)


def knob_error(family: str, message: str, hint: str | None = None) -> EpistemicError:
    return EpistemicError(f"{family}: {message}", hint=hint)


def require_within(family: str, knobs: dict, limits: dict[str, tuple[int, int]]) -> None:
    """Every value each named knob can take lies within its (lo, hi) limits."""
    for name, (lo, hi) in limits.items():
        k_lo, k_hi = bounds(knobs[name])
        if not (lo <= k_lo and k_hi <= hi):
            raise knob_error(family, f"{name} must be {lo}..{hi}, got {knobs[name]}")


def pick(rng, value: Any) -> Any:
    """A knob value: an int stays, a (lo, hi) range is sampled uniformly, a list is chosen from."""
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return rng.randint(value[0], value[1])
    if isinstance(value, list):
        return rng.choice(value)
    return value


def bounds(value: Any) -> tuple[int, int]:
    """The smallest and largest value a knob can take."""
    if isinstance(value, tuple):
        return value[0], value[1]
    if isinstance(value, list):
        return min(value), max(value)
    return value, value
