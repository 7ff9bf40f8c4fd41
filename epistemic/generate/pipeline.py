"""Sample -> screen -> dedup -> verify, one random stream per (seed, index), with a bounded search."""
from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from ..errors import EpistemicError
from .base import Candidate, Draft, draft_of
from .certification import certify_all
from .knobs import knobs_text, to_json
from .screen import Verdict, screen
from .units import NECESSITY
from .verify import Verified, parse_text, verify_parsed

SCHEMA = "epistemic.generated/2"
MAX_TRIES = 50_000
ITEM_SECONDS = 6.0  # CPU seconds one item may search for when --max-tries is not given: never a hang
BUDGET_STRIDE = 16  # tries between two looks at that budget (a few ms of search)


@dataclass(frozen=True, eq=False)
class Generated:
    """One generated puzzle with everything a dataset record needs."""

    family: str
    seed: int
    index: int
    skip: int
    knobs: dict
    verified: Verified
    tries: int
    method: str = "sample"

    @property
    def id(self) -> str:
        return f"{self.family}-{self.seed}-{self.index}"

    @property
    def text(self) -> str:
        return self.verified.text

    def to_dict(self) -> dict:
        sol = self.verified.solution
        return {
            "schema": SCHEMA,
            "id": self.id,
            "family": self.family,
            "seed": self.seed,
            "index": self.index,
            "skip": self.skip,
            "method": self.method,
            "knobs": to_json(self.knobs),
            "source": self.text,
            "answer": sol.answer_text()[0],
            "answer_values": [list(v) for v in sol.answer],
            "stages": gold_stages(sol),
            "difficulty": self.verified.difficulty,
            "certificate": self.verified.certificate.to_dict(),
            "necessity": NECESSITY,
            "units": [list(u) for u in self.verified.units],
            "necessary": list(self.verified.necessary),
            "key": self.verified.key,
            "candidates_tried": self.tries,
        }


def gold_stages(sol) -> list[dict]:
    """Each stage: the announcement (source, speaker, en/zh text), worlds remaining and removed."""
    out = []
    for st in sol.stages:
        a = st.announcement
        out.append({
            "index": st.index,
            "announcement": None if a is None else a.source,
            "speaker": None if a is None else a.speaker,
            "texts": {} if a is None else dict(a.texts),
            "remaining": st.count,
            "removed": st.removed,
            "worlds": sol.worlds(st.index, 20),
        })
    return out


@dataclass
class Stats:
    """Counts over one generation run (for the benchmark and the search-exhausted message)."""

    candidates: int = 0
    screened: int = 0
    duplicates: int = 0
    rejected_by_engine: int = 0
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"candidates": self.candidates, "passed_screen": self.screened, "duplicates": self.duplicates,
                "rejected_by_engine": self.rejected_by_engine, "screen_reasons": dict(self.reasons),
                "seconds": round(self.seconds, 4),
                "yield": round(self.screened / self.candidates, 5) if self.candidates else 0.0}


def item_rng(family: str, knobs: dict, seed: int, index: int) -> random.Random:
    """The random stream of one item: depends only on family, knobs, seed and index."""
    return random.Random(f"epistemic/{family}/{knobs_text(knobs)}/{seed}/{index}")


def title_of(family: str, seed: int, index: int) -> str:
    return f"{family} {seed}-{index}"


def find_item(family, knobs: dict, seed: int, index: int, seen: set[str] | None = None, skip: int | None = None,
              max_tries: int = MAX_TRIES, stats: Stats | None = None, use_z3: bool = True,
              certifier=None) -> Generated:
    """Item `index`: the first candidate of its stream that passes (skipping duplicates of `seen`).

    `seen` holds canonical keys (dedup.py: equal up to renaming values within a sort). With `skip`
    given, the first `skip` passing candidates are skipped instead (regenerating alone).
    """
    stats = stats if stats is not None else Stats()
    certifier = certifier if certifier is not None or not use_z3 else new_certifier()
    rng = item_rng(family.name, knobs, seed, index)
    skipped = 0
    title = title_of(family.name, seed, index)
    budget = ITEM_SECONDS if max_tries == MAX_TRIES else None  # an explicit --max-tries searches that long
    started = time.process_time()
    for tries in range(1, max_tries + 1):
        # The CPU clock is a system call (about 1 µs, a fiftieth of a candidate): read every BUDGET_STRIDE tries.
        if budget is not None and tries % BUDGET_STRIDE == 0 and time.process_time() - started > budget:
            raise exhausted(family.name, knobs, index, tries - 1, stats)
        draft: Draft = draft_of(family, rng, knobs)  # the Candidate itself is made only if it passes the screen
        stats.candidates += 1
        verdict: Verdict = screen(draft.model, draft.lines)
        stats.reasons[verdict.reason] += 1
        if not verdict.ok:
            continue
        stats.screened += 1
        cand: Candidate = draft.finish()
        if skip is not None and skipped < skip:
            skipped += 1
            continue
        # The quick key only saves parsing duplicates; worth its cost once they are common in this run.
        quick = cand.quick_key() if seen is not None and stats.duplicates * 10 > stats.screened else None
        if skip is None and quick is not None and quick in seen:
            stats.duplicates += 1
            skipped += 1
            continue
        parsed = parse_text(cand.write(verdict, title), title)
        if skip is None and seen is not None and parsed.key in seen:
            stats.duplicates += 1
            skipped += 1
            continue
        if certifier is LATER:  # collect() certifies this item with its batch
            verified = verify_parsed(parsed, use_z3, None, certify=False)
            ok = verified.passes_engine
        else:
            verified = verify_parsed(parsed, use_z3, certifier)
            ok = verified.ok
        if not ok:
            stats.rejected_by_engine += 1
            continue
        if quick is not None:
            seen.add(quick)
        return Generated(family.name, seed, index, skipped, knobs, verified, tries)
    raise exhausted(family.name, knobs, index, max_tries, stats)


class _Later:
    """The `certifier` that asks find_item to leave the certificate to its caller (collect's batches)."""

    def __repr__(self) -> str:
        return "LATER"


LATER = _Later()
BATCH = 16  # items certified together by one call to libz3


def new_certifier():
    """One Z3 context for a whole run (z3direct.DirectCertifier)."""
    from .z3direct import DirectCertifier

    return DirectCertifier()


def exhausted(name: str, knobs: dict, index: int, tries: int, stats: Stats) -> EpistemicError:
    reasons = ", ".join(f"{k}: {v:,}" for k, v in stats.reasons.most_common())
    found_any = stats.screened > 0
    msg = (f"no {name} puzzle found for item {index} after {tries:,} candidates "
           f"({stats.candidates:,} tried in all; screen: {reasons or 'none'}; duplicates: {stats.duplicates:,})")
    hint = ("these knobs may admit no puzzle with a unique, necessary dialogue; "
            f"knobs were {knobs_text(knobs)}; try other knobs or --max-tries")
    if found_any and stats.duplicates:
        hint = "the knobs allow only a few distinct puzzles and all were found; ask for fewer or widen the knobs"
    return EpistemicError(msg, hint=hint)


def generate(family, knobs: dict, count: int, seed: int = 0, start: int = 0, max_tries: int = MAX_TRIES,
             use_z3: bool = True, progress: Callable[[int], Any] | None = None) -> tuple[list[Generated], Stats]:
    """`count` distinct puzzles: items start..start+count-1 of (family, knobs, seed)."""

    def item(index, seen, stats, certifier):
        return find_item(family, knobs, seed, index, seen, None, max_tries, stats, use_z3, certifier)

    return collect(item, start, count, use_z3, progress, batched=True)


def collect(make_item: Callable, start: int, count: int, use_z3: bool,
            progress: Callable[[int], Any] | None, known: Iterable[str] = (),
            on_item: Callable[[Generated], Any] | None = None, batched: bool = False) -> tuple[list[Generated], Stats]:
    """Items start..start+count-1 from make_item(index, seen, stats, certifier), each distinct, timed.

    `known`: keys of items start-k..start-1 made by an earlier, interrupted run (`generate --resume`), so
    the items made now are those an uninterrupted run makes. `on_item` sees each item as soon as it is made
    and certified (a caller keeps them when Ctrl-C stops the run).

    `batched` (make_item is find_item's, which accepts LATER): with Z3, BATCH items are found without their
    certificates and then certified together (`_certify_batch`); an item whose certificate is not unique
    makes the whole batch be made again one item at a time, each certified before the next, which is what
    the unbatched run does. So the items, their order, `seen` and the stats are the unbatched run's."""
    stats = Stats()
    seen: set[str] = set(known)
    out: list[Generated] = []
    t0 = time.perf_counter()
    certifier = new_certifier() if use_z3 else None
    step = BATCH if batched and use_z3 else 1
    for first in range(start, start + count, step):
        indices = range(first, min(first + step, start + count))
        items = None
        if step > 1:
            before = (set(seen), replace(stats, reasons=Counter(stats.reasons)))
            made: list[Generated] = []
            try:
                for index in indices:
                    made.append(_made(make_item, index, seen, stats, LATER))
            except EpistemicError:  # an item's search ran out: keep the ones before it, as the unbatched run
                items = _certify_batch(made, certifier)
                if items is not None:
                    _deliver(items, out, on_item, progress)
                    raise
            else:
                items = _certify_batch(made, certifier)
            if items is None:  # some certificate is not unique: make these items again, one by one
                seen.clear()
                seen.update(before[0])
                stats = before[1]
        if items is None:
            items = []
            try:
                for index in indices:
                    items.append(_made(make_item, index, seen, stats, certifier))
            except EpistemicError:
                _deliver(items, out, on_item, progress)
                raise
        _deliver(items, out, on_item, progress)
    stats.seconds = time.perf_counter() - t0
    return out, stats


def _deliver(items: list[Generated], out: list[Generated], on_item: Callable | None, progress: Callable | None) -> None:
    for item in items:
        out.append(item)
        if on_item:
            on_item(item)
        if progress:
            progress(1)


def _made(make_item: Callable, index: int, seen: set[str], stats: Stats, certifier) -> Generated:
    """Item `index`, its key added to `seen`."""
    item = make_item(index, seen, stats, certifier)
    seen.add(item.verified.key)
    return item


def _certify_batch(items: list[Generated], certifier) -> list[Generated] | None:
    """The items with their certificates (certification.certify_all), or None if any is not unique."""
    checks = certify_all([item.verified.solution for item in items], certifier)
    if not all(check.unique for check in checks):
        return None
    return [replace(item, verified=replace(item.verified, certificate=check)) for item, check in zip(items, checks)]
