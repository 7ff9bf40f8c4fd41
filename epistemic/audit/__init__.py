"""Audit a reasoning trace step by step against the solver (docs/audit.md).

    ctx = AuditContext.build(puzzle)            # solve once per puzzle, reuse for every trace
    report = audit_trace(puzzle, text, context=ctx)
    report.to_dict()  # steps, labels, label, final_answer_correct, claims (schema epistemic.audit/1)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..language import syntax as s
from ..language.printer import formula_source
from ..worlds.labels import format_answer
from ..stages.solve import Solution, solve
from .align import Aligner
from .claims import Claim, ClaimMemo, ClaimRecord, extract_claims_rule_based, extract_records
from .judge import FALSE, PREMATURE, Judge, Text, Verdict, first_error
from .lexicon import Lexicon, build_lexicon
from ..limits import MAX_TRACE_STEPS
from .segment import Segmented, decode_trace, segment

__all__ = ["AuditContext", "AuditReport", "ClaimAudit", "StepAudit", "audit_trace", "extract_claims_rule_based",
           "decode_trace", "segment"]

SCHEMA = "epistemic.audit/1"
_ANSWER_HEADING = re.compile(r"^\W*(最终答案|答案|final answer|answer)\W*$", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class AuditContext:
    """Everything computed once per puzzle: its solution, vocabulary, announcement matchers, and the
    memos that make later traces of the same puzzle cheap (claims per sentence; in the judge,
    verdicts per claim key and masks per formula)."""

    puzzle: s.Puzzle
    solution: Solution
    lexicon: Lexicon
    aligner: Aligner
    judge: Judge
    memo: ClaimMemo = field(default_factory=ClaimMemo)
    audits: dict = field(default_factory=dict)  # unused: verdicts are cached in the judge by claim key
    variants: dict = field(default_factory=dict)  # z3 flag -> the same context with the other judge

    @classmethod
    def build(cls, puzzle: s.Puzzle, solution: Solution | None = None, z3: bool = False) -> "AuditContext":
        sol = solution or solve(puzzle)
        lex = build_lexicon(puzzle)
        return cls(puzzle, sol, lex, Aligner.build(puzzle, lex), Judge.build(sol, z3=z3))

    @property
    def z3(self) -> bool:
        return self.judge.z3

    def with_z3(self, z3: bool) -> "AuditContext":
        """This context with counterexamples from Z3 (or not): shares the vocabulary and claim memo."""
        if z3 == self.z3:
            return self
        if z3 not in self.variants:
            self.variants[z3] = AuditContext(self.puzzle, self.solution, self.lexicon, self.aligner,
                                             Judge.build(self.solution, z3=z3), self.memo)
        return self.variants[z3]


@dataclass(frozen=True)
class ClaimAudit:
    """One judged claim. The extractor's `record` is kept; the full `claim` (formulas) is built when read."""

    step: int
    record: ClaimRecord
    source: str | Text  # the claim's formula in puzzle syntax (see `formula`)
    verdict: Verdict
    lexicon: Lexicon = field(repr=False, compare=False)

    @cached_property
    def claim(self) -> Claim:
        return self.record.claim(self.lexicon)

    @property
    def formula(self) -> str:
        return str(self.source)

    def to_dict(self, puzzle: s.Puzzle) -> dict:
        v, r = self.verdict, self.record
        return {
            "step": self.step,
            "kind": r.kind,
            "text": r.text[:300],
            "span": [r.start, r.end],
            "formula": self.formula,
            "witnesses": [formula_source(w, puzzle) for w in self.claim.witnesses] if r.key[1] else [],
            "past": r.past,
            "stage": v.stage,
            "verdict": v.verdict,
            "judged_as": v.shown,
            "holds_at": v.holds_at,
            "counterexample": v.counterexample,
        }


@dataclass(frozen=True)
class StepAudit:
    index: int
    text: str
    stage: int
    aligned_by: str
    claims: tuple[ClaimAudit, ...]
    label: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class AuditReport:
    puzzle: s.Puzzle
    solution: Solution
    steps: tuple[StepAudit, ...]
    final_answer: tuple[tuple[int, ...], ...] | None
    segmentation: str
    truncated: bool
    text: str = field(default="", repr=False)

    @property
    def labels(self) -> list[int]:
        return [st.label for st in self.steps]

    @property
    def label(self) -> int:
        return first_error(self.labels)

    @property
    def final_answer_correct(self) -> bool:
        return self.final_answer is not None and set(self.final_answer) == set(self.solution.answer)

    def claims(self) -> list[ClaimAudit]:
        return [c for st in self.steps for c in st.claims]

    def to_dict(self) -> dict:
        p = self.puzzle
        return {
            "schema": SCHEMA,
            "puzzle": p.title,
            "file": p.file,
            "steps": [st.text for st in self.steps],
            "labels": self.labels,
            "label": self.label,
            "final_answer": [format_answer(p, a) for a in self.final_answer] if self.final_answer is not None else None,
            "expected_answer": self.solution.answer_text(),
            "final_answer_correct": self.final_answer_correct,
            "step_stages": [st.stage for st in self.steps],
            "aligned_by": [st.aligned_by for st in self.steps],
            "claims": [c.to_dict(p) for c in self.claims()],
            "stages": [{"index": st.index, "remaining": st.count,
                        "announcement": st.announcement.source if st.announcement else None}
                       for st in self.solution.stages],
            "segmentation": self.segmentation,
            "truncated": self.truncated,
        }


def audit_trace(puzzle: s.Puzzle, trace_text: str | bytes, solution: Solution | None = None,
                context: AuditContext | None = None, z3: bool = False) -> AuditReport:
    """Segment, align, extract and judge one trace. Pass `context` to reuse one puzzle's work.

    `z3`: counterexamples to false and premature claims come from Z3 (epistemic.counterexample)
    instead of the explicit engine's mask; slower, and the verdicts are the same.
    """
    ctx = (context or AuditContext.build(puzzle, solution, z3=z3)).with_z3(z3)
    text = decode_trace(trace_text)
    seg = segment(text)
    if len(seg.steps) > MAX_TRACE_STEPS:  # like an over-long text: audit the first steps, marked truncated
        seg = replace(seg, steps=seg.steps[:MAX_TRACE_STEPS], truncated=True)
    return audit_segmented(ctx, seg)


def audit_segmented(ctx: AuditContext, seg: Segmented) -> AuditReport:
    alignment = ctx.aligner.align([st.text for st in seg.steps])
    steps: list[StepAudit] = []
    answer_next = False
    final: tuple[tuple[int, ...], ...] | None = None
    fallback: tuple[tuple[int, ...], ...] | None = None
    judge = ctx.judge.audit
    lex = ctx.lexicon
    for st, al in zip(seg.steps, alignment):
        heading = len(st.text) < 40 and bool(_ANSWER_HEADING.match(st.text))
        records = extract_records(lex, st.text, answer_next, ctx.memo)
        answer_next = heading
        audits = []
        bad = False
        for r in records:
            hit = judge(r, al.stage, lex)
            if hit is None:
                continue
            v, source = hit
            audits.append(ClaimAudit(st.index, r, source, v, lex))
            bad = bad or v.verdict in (FALSE, PREMATURE)
            if r.kind == "answer":
                final = r.answer
            elif r.answer is not None and r.kind == "candidates":
                fallback = r.answer
        label = -1 if bad else (1 if audits else 0)
        steps.append(StepAudit(st.index, st.text, al.stage, al.how, tuple(audits), label, st.start, st.end))
    return AuditReport(ctx.puzzle, ctx.solution, tuple(steps), final if final is not None else fallback,
                       seg.method, seg.truncated, seg.text)
