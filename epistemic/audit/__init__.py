"""Audit a reasoning trace step by step against the solver (docs/audit.md).

    ctx = AuditContext.build(puzzle)            # solve once per puzzle, reuse for every trace
    report = audit_trace(puzzle, text, context=ctx)
    report.to_dict()  # steps, labels, label, final_answer_correct, claims (schema epistemic.audit/1)
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..language import syntax as s
from ..language.printer import formula_source
from ..worlds.labels import format_answer
from ..stages.solve import Solution, solve
from .align import BEFORE_REFERENCE, IN_TURN, Aligner, knows_others_ignorance
from .announced import announced_claims
from .cases import (as_checked, as_viewed, checked_kinds, checked_world, checks_before, example_world, held_lines,
                    opens_point_of_view, pair_cases, point_of_view, SUPPOSING, supposed_next, value_line_cases,
                    var_label_case)
from .casing import lower_cased, restore_case
from .chains import chain_records
from .computed import computed_records, respective_values, split_sums, tuple_values
from .questions import answered_exclusions
from .tables import (mistake_rows, property_rows, reason_cells, row_cases, ruled_out_cells, silence_rows, sum_rows,
                     table_records, timeline_rows)
from .recaps import arrow_credits, credit_tables, list_credits
from .remaining import BARE_LEFT
from .trials import trial_records
from .topics import (case_header, crossed_bounds, last_term, minus_two_rows, topic_exclusions, topic_survivals, under_case,
                     opening_case, pattern_lines, relation_case, under_value_case, value_case, value_case_inside,
                     value_label_case)
from .anchors import (NOTHING as _NOTHING, WALKS_ON, anchor_stage, teaches, tight_after, trailing_after, credit_stage,
                      dates_event, exact_credit, in_aside, in_reason, nothing_records, half_credit, quoted_credit,
                      ignorance_credit, joined_with, possessive_between, reason_credit, survived_stage)
from .aliases import COUNT, trace_aliases, with_aliases
from .only_if import ignorance_said
from .keys import knower
from .answers import (ANSWER_LINE, ROLE_LABEL, SUMMARY_LABEL, asked_answer, bare_answer, bold_answer, boxed_answer,
                      closing_answer, first_line_answer, foreign_answer, headed_answer, opening_answer, subject_answer,
                      summary_answer, table_answer, undetermined)
from .evidence import (ALREADY, CORROBORATED, LONG_TRACE, RESTATED_ANYWHERE, STRONG_EVIDENCE, STRONG_IN_LONG,
                       STRONG_READINGS, UNCORROBORATED, EvidenceKind, kept_verdict, must_be, says_already, weighs_alone,
                       wrong_information)
from .claims import (ELIMINATED, SUPPOSING_WORD, Claim, ClaimMemo, ClaimRecord, as_property, as_supposed,
                     extract_claims_rule_based, extract_records, introduces_condition, introduces_property,
                     removed_sets, tokens, under_supposed_lines)
from .judge import ENTAILED, FALSE, PREMATURE, Judge, Text, Verdict, Window, first_error
from .records import (CASE, CROSSED, HEADLINE, HEDGED, KNOWLEDGE, LEFT, LEMMA, OTHERS, QUESTION, REJECTED, REPORTED,
                      SUM_TEST, SUPPOSED, UNALIGNED, credited)
from .speakers import paraphrased_speech, speaker_records, swapped_speech, this_version
from .lexicon import ZH_REMOVING, Lexicon, build_lexicon, has_suits
from ..limits import MAX_TRACE_STEPS
from .segment import Segmented, apostrophes, code_blanked, decode_trace, lists_read_together, plain, segment
from .traditional import simplified

__all__ = ["AuditContext", "AuditReport", "ClaimAudit", "StepAudit", "audit_trace", "extract_claims_rule_based",
           "decode_trace", "segment"]

SCHEMA = "epistemic.audit/1"
_MAX_VARIANTS = 64  # contexts for other judges or a trace's own short names, kept per puzzle
# (a "!" of Reddit's spoiler marks, ">!9!<", ends nothing)
_FIRST_SENTENCE_END = re.compile(r"[。！？?\n]|(?<!>)!(?!<)|(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(?:\*\*)?(?:\s|$)")
_CURRENT = re.compile(r"\b(?:now|yet|still|anymore|at this point|at this stage)\b|现在|此时|这时|还|仍", re.IGNORECASE)
_USER_TURN = re.compile(r"[\s>*#]*(?:\*\*)?\s*(?:(?i:user|human)|用户|使用者|提问者)\s*(?:\*\*)?\s*[:：]")
_AT_THE_END = re.compile(r"(?i:\b(?:by|at|in)\s+the\s+(?:very\s+)?end\b)|最终大家|最后大家")
_AT_THIS_POINT = re.compile(r"(?i:\bat\s+this\s+(?:point|stage)\b)|此时|这时")
_ALREADY = re.compile(r"\balready\b|已经|早就", re.IGNORECASE)  # "P already knows": a claim about now, not narration
# "P现在能确定：他的积…": a step that opens on the next statement, as a label before its explanation
_LABEL_OPENING = re.compile(r"[^.。!?！？\n]{0,20}?(?:[:：]|\s*(?:→|->|⇒)(?!\s*$))")
# "didn't know, but now does": a statement that contrasts an earlier ignorance with knowing now, retold
_TURN = re.compile(r"(?i:\bbut\s+(?:now\s+)?(?:does|knows|did)\b|\bbut\s+does\s+now\b)|但现在知道|现在知道了")
# A sentence that lists the dialogue ("Statements: P can't determine → S knew that → P now can → S now can")
_OUTLINE = re.compile(r"(?i:^\W*(?:dialogue|statements|the statements|sequence|timeline|announcements)\s*[:：])|"
                      r"(?:→|->|⇒)[^→]*(?:→|->|⇒)")
# "只需排除…", "只需要去掉…": all that the statement under discussion removes
_ONLY_NEED = re.compile(r"(?:只|仅)(?:需|需要)(?:再)?(?:" + ZH_REMOVING + r")")
_NARRATIVE = re.compile(r"\b(?:then|next|finally|after that|afterwards|lastly)\b|然后|接着|随后|最后", re.IGNORECASE)
# A greeting or an answer label before the headline ("Hi! The card is the **5 of diamonds**.", "**Answer.** Yes —
# …"): no sentence of the answer's
_OPENER = re.compile(r"\W*(?i:hi|hello|hey|sure|okay|ok|alright|certainly|of course|absolutely|great question|"
                       r"good question|nice puzzle|fun puzzle)\b[^.!。！\n]{0,20}[.!。！]\s*|"
                       r"\W*(?:你好|您好|好的|当然|没问题|好)[！!。]\s*|"
                       r"\W*(?i:answer|final answer(?:\s+first)?|answer\s+first|short\s+answer|tl;?\s*dr|bottom\s+line|"
                       r"答案|theorem|main\s+theorem|proposition|main\s+result|(?:main\s+)?claim|定理|命题|结论|"
                       r"(?:worked\s+)?solution|解答?|" + ROLE_LABEL + ")"
                       r"\s*(?:\*\*)?\s*[.:：]\s*(?:\*\*)?\s*|"  # ("**Theorem.** The numbers are x = 4, y = 13.",
                       r"\W*【(?:解答|答案)】\s*|\s*<(?i:final_)?(?i:answer)>\s*")  # "Solution. The card is the five of
# diamonds.", "<answer>Yes: …</answer>")
_CONCLUSION = re.compile(r"\W*(?:(?:so|therefore|thus|hence)\b|所以|因此|于是)", re.IGNORECASE)
# What someone reasons from, alone: "没有人能单凭父亲的话确定自己" (no child can tell from the father's words alone): the
# basis of the children's reasoning, not the time of what the sentence says after it
_ALONE_BASIS = re.compile(r"(?:单凭|仅凭|光凭|只凭|单靠|光靠|仅靠)\s*$")
_MEANS = re.compile(r"(?i:\bmeans\b|\bimplies\b)|说明|意味着|表明")  # a statement's consequence follows
# A basis to judge by, just before "before S spoke": "按P先生说话之前的16张牌来判断", "judged against the cards before P
# spoke": the worlds the statement is read against, not the time of the claim
_BASIS = re.compile(r"(?:按照?|根据|依据|基于|对照)[^，。,；;]{0,6}$|(?i:\b(?:based\s+on|against|relative\s+to|in\s+terms\s+of)"
                    r"\s+(?:the\s+)?(?:\w+\s+){0,3}$)")
_NOT_THE_ANSWER = re.compile(r"(?i:\banswer\s+(?:is\s+not|isn't|can't\s+be|cannot\s+be|won't\s+be|should\s+not\s+be|"
                             r"must\s+not\s+be|is\s+probably\s+not)\b)|答案(?:应该|肯定|一定|就|也)?不(?:会)?是")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|[。！？；]|\n")  # (a semicolon too: "… after the father's remark; since
# nobody did, there are at least two" is about after the silence)
# Substrings every match of the step-level patterns contains (anchors.py): a cheap test before the pattern.
_NOTHING_WORDS = ("nothing", "anything", "no new", "no info", "no further", "no additional", "no extra", "no constraint",
                  "e any ", "t any ", "s no ", "任何", "信息", "什么")  # ("doesn't remove any world", "rule out any
# case", "removes no candidates": the verb's last letter too, so that common words alone do not call the readers)
_CREDIT_WORDS = ("rul", "elimin", "remov", "exclud", "dispos", "rid of", "kill", "knock", "throw", "wipe", "strike",
                 "take out", "takes out", "took out", "clear", "out with", "out at",
                 *ZH_REMOVING.split("|"))
_AFTER_WORDS = ("after", "following", "once", "后", "说完", "survive", "passe", "made it through", "got past",
                "gets past", "consistent", "compatible", "fix", "pin", "settle", "narrow", "leaves only", "nail",
                "single")  # (anchors._SETTLES:
# "P's statement alone leaves only hearts and diamonds"; what a statement teaches has its own quick test, anchors.teaches)
_ANCHORED_KINDS = frozenset({"candidates", "exclusion", "knowledge", "count", "bound", "term bound", "possible",
                             "conditional", "case knowledge"})
# Claims read on a line of a worked outline: dated by the line's statement ("- 比尔：“不知道” → b ∉ {0, 1, 9, 10}")
_LINED_KINDS = frozenset({"exclusion", "count", "candidates", "bound", "term bound", "singletons"})
_PINNED_KINDS = frozenset({"candidates", "exclusion", "knowledge", "count", "bound", "term bound", "possible",
                           "formula"})
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

    def with_aliases(self, aliases: tuple[tuple[str, str], ...]) -> "AuditContext":
        """This context reading the short names a trace defines for the agents ("A = Albert"): its own vocabulary,
        aligner and claim memo (claims depend on the vocabulary), the same solution and judge."""
        if not aliases:
            return self
        key = ("aliases", aliases)
        if key not in self.variants:
            if len(self.variants) >= _MAX_VARIANTS:
                self.variants.clear()
            named = with_aliases(self.puzzle, aliases)
            lex = build_lexicon(named)
            counted = tuple(short for short, agent in aliases if agent == COUNT)
            if counted:  # "Let m be the number of muddy children": "m ≥ 2" is then a claim about the count
                lex = replace(lex, count_names=counted)
            self.variants[key] = AuditContext(self.puzzle, self.solution, lex, Aligner.build(named, lex), self.judge)
        return self.variants[key]

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
    evidence: str = ""  # for a false or premature claim read with certainty: strong, corroborated or uncorroborated
    anchored: bool = False  # judged at the stage an "after …" in its sentence names, not before the step's (anchors.py)

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
            "witnesses": [formula_source(w, puzzle) for w in self.claim.witnesses] if r.key.witnesses else [],
            "past": r.past,
            "reading": r.reading,
            "certain": r.certain,
            "judged_by": v.strategy,
            "stage": v.stage,
            "verdict": v.verdict,
            "evidence": self.evidence or None,
            "judged_as": v.shown,
            "holds_at": v.holds_at,
            "held_earlier": v.earlier,
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
    reached: int = 0  # the latest announcement the trace has mentioned by the end of this step
    unchecked: tuple[str, ...] = ()  # readings of the uncertain claims that look wrong (why the step is 0)
    checked: bool = False  # whether at least one claim was read with certainty
    wrong_answer: bool = False  # the step states the final answer, which is wrong, and no earlier step was flagged


@dataclass(frozen=True)
class AuditReport:
    puzzle: s.Puzzle
    solution: Solution
    steps: tuple[StepAudit, ...]
    final_answer: tuple[tuple[int, ...], ...] | None
    segmentation: str
    truncated: bool
    text: str = field(default="", repr=False)
    foreign_answer: str | None = None  # the answer as written when it names no world of the puzzle ("July 16")

    @property
    def labels(self) -> list[int]:
        return [st.label for st in self.steps]

    @property
    def label(self) -> int:
        return first_error(self.labels)

    @property
    def final_answer_correct(self) -> bool:
        return self.final_answer is not None and set(self.final_answer) == set(self.solution.answer)

    @property
    def coverage(self) -> float:
        """The share of steps with at least one claim read with certainty (1.0 for no steps)."""
        return sum(st.checked for st in self.steps) / len(self.steps) if self.steps else 1.0

    def coverage_counts(self) -> tuple[int, int]:
        return sum(st.checked for st in self.steps), len(self.steps)

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
            "step_reached": [st.reached for st in self.steps],
            "wrong_answer_step": next((st.index for st in self.steps if st.wrong_answer), None),
            "foreign_answer": self.foreign_answer,
            "unchecked": [{"step": st.index, "readings": list(st.unchecked)} for st in self.steps if st.unchecked],
            "coverage": round(self.coverage, 4),
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
    ctx = ctx.with_aliases(trace_aliases(simplified(text), ctx.puzzle, lambda word: bool(ctx.lexicon.scan(word)),
                                         lambda words: _agent_named(ctx.lexicon, words)))
    seg = segment(text)
    if len(seg.steps) > MAX_TRACE_STEPS:  # like an over-long text: audit the first steps, marked truncated
        seg = replace(seg, steps=seg.steps[:MAX_TRACE_STEPS], truncated=True)
    return audit_segmented(ctx, seg)


_ANSWER_LINE = re.compile(r"[\s>*#-]*(?:(?i:final\s+answer|answer)|最终答案|答案)\s*(?:\*\*)?\s*[:：]")
_HEADING_LINE = re.compile(r"\s*(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*$)")  # "## Statement 1 — …", "**Step 2: …**"
_SUPPOSING_QUICK = re.compile(r"如果|假如|假设|要是|种情况|分情况|(?i:\bif\b|\bsuppose\b|\bassume\b|\bimagine\b|\bcases\b)")
_RESULT_KINDS = ("candidates", "count", "exclusion", "possible")  # what a statement's section concludes with


def _retells_dialogue(records: list, r: ClaimRecord, restated: dict) -> bool:
    """Whether the sentence of `r` reports two or more statements ("Man 1 says he doesn't know his colour, man 2 says
    he doesn't know either"): the dialogue retold, as a set-up does."""
    said = {restated.get(x.key.formula) for x in records if x.text == r.text and x.reading == REPORTED}
    return len(said - {None}) > 1


def audit_segmented(ctx: AuditContext, seg: Segmented) -> AuditReport:
    cards = has_suits(ctx.lexicon)
    written = seg.steps  # what the report shows
    simple = [simplified(st.text) for st in seg.steps]  # traditional characters: read as simplified (same length)
    if any(t is not st.text for t, st in zip(simple, seg.steps)):
        seg = replace(seg, steps=tuple(replace(st, text=t) for st, t in zip(seg.steps, simple)))
    if lower_cased(ctx.lexicon, [st.text for st in seg.steps]):  # "albert says may and june are out": read with the
        # names as the puzzle writes them (same length)
        seg = replace(seg, steps=tuple(replace(st, text=restore_case(ctx.lexicon, st.text)) for st in seg.steps))
    raw = code_blanked([st.text for st in seg.steps])  # (a program's lines state nothing; its comments do)
    texts = lists_read_together([plain(t, cards) for t in raw])  # what the readers see; reports keep the original
    alignment = ctx.aligner.align([apostrophes(t) for t in raw])  # headings keep their ** marks
    answer_next = False
    final: tuple[tuple[int, ...], ...] | None = None
    fallback: tuple[tuple[int, ...], ...] | None = None
    final_at = None  # the step that states the final answer
    foreign = None  # a stated answer that names no world ("July 16" in a puzzle without July)
    judge = ctx.judge.audit
    lex = ctx.lexicon
    judged: list[tuple] = []
    told = 0  # the latest announcement a narrative restatement has mentioned ("P then knows the pair")
    before = 0  # the stage the trace stood at before the step
    listed_property = False  # the step before ends on a colon after a property: this step lists its values
    checking: frozenset = frozenset()  # the kinds read as a world's case under a heading over its check
    viewing = False  # the step before takes an agent's point of view and ends on a colon
    listed_condition = False  # the step before ends on a colon after a condition: this step spells it out
    topic = None  # the observed term the steps so far named last ("the sums"), in puzzles about a pair of numbers
    ahead = _ahead(alignment)  # the next stage the trace moves to after each step
    opened = None  # the stage a statement's section opened on, while its result is not stated yet
    for st, text, al in zip(seg.steps, texts, alignment):
        heading = len(text) < 40 and bool(_ANSWER_HEADING.match(text))
        if al.how not in ("carried", "recap") and al.stage > before and _HEADING_LINE.match(text) is not None:
            opened = al.stage
        elif al.how != "carried" or al.stage != opened:
            opened = None
        analysing = opened is not None and al.how == "carried"  # "## Statement 1 …", then a table of who would
        # know: the section weighs the statement against the stage before it, until it states what is left
        records = extract_records(lex, text, answer_next, ctx.memo)
        if listed_property:  # "…a day that appears once. Those are:" then "- **18** → only June 18"
            records = as_property(records)
        elif listed_condition:  # "She can only be in doubt if both are legal:" then "- |b − c| must be at least 1"
            records = as_supposed(records)
        listed_property = introduces_property(text)
        listed_condition = not listed_property and introduces_condition(text)
        records += speaker_records(lex, text, ctx.aligner.quotes, ctx.aligner.speakers, ctx.aligner.cues)
        records += swapped_speech(lex, records, ctx.aligner.restated, ctx.aligner.speakers)
        records += ctx.aligner.memoised(("@speech", text, before),
                                        lambda: paraphrased_speech(lex, ctx.aligner, text, before))
        records = this_version(records, text)
        records = pair_cases(lex, text, records)  # "(2, 15): … so P could determine the numbers": that pair's case
        records = value_line_cases(lex, text, records)  # "- 14日有7月14日和8月14日，伯纳德还是不能确定"
        records = checked_world(lex, text, records)  # "Check ♦5: P holds a 5 (♣5 or ♦5) and can't tell; …"
        if "角度" in text or "视角" in text or "立场" in text or "换位" in text or "shoes" in text or "of view" in text \
                or "erspective" in text or "看到（" in text or "看见（" in text or "sees (" in text or "saw (" in text \
                or "s side" in text or "s seat" in text or "s chair" in text or "s angle" in text or "s view" in text \
                or "standpoint" in text or "vantage" in text:
            records = point_of_view(text, records)  # "我再站在伯纳德的角度想一遍。假设伯纳德拿到的是14。…只剩4月14日"
        if "olding " in text or "you h" in text or "he h" in text or "she h" in text:
            records = held_lines(text, records)  # "- Holding 16: 16 May is gone, leaving only 16 July. You know."
        if "如" in text or "例" in text or "xample" in text or "nstance" in text or "e.g." in text or "ake " in text or \
                "nother" in text or "ne more" in text or "再举" in text or "ry " in text:
            records = example_world(lex, text, records)  # "比如a = 1、b = 1、c = 2。爱丽丝看到…"
        if "?" in text[:160] or "？" in text[:160]:
            records = opening_case(lex, text, records)  # "could Bo with 17 still be confused? … only July 17 remains"
        if checking:  # "Forward verification with ♦5:" then "1. P has rank 5. … 2. Q has ♦. …"
            records = as_checked(records, checking)
        checking = checked_kinds(lex, text)
        if viewing:  # "站在Q先生的角度想：" then "- 红桃4：P先生拿到4，…，不知道。": what Q weighed when he spoke
            records = as_viewed(records)
        viewing = opens_point_of_view(text)
        records = removed_sets(records, text)  # "Ω₁ = Ω ∖ {(0,1), (10,9)}": the pairs taken away
        low = text.lower()  # quick substring tests before the step-level readers' patterns
        may_pin = "already" in low or "at this" in low or "in this" in low or "已经" in text or "此时" in text or \
            "这时" in text or "这一" in text
        lines = ctx.aligner.outline_cues(text) if may_pin and "\n" in text else ()  # "2. Q: knew → … already": line 2
        if (may_pin or "after" in low or "后" in text) and ctx.aligner.signatures:  # "the muddy children already
            # know", "after the second silence, every muddy child knows"
            records += announced_claims(ctx.aligner, ctx.puzzle, text)
        if ("：\n" in text or ":\n" in text) and _SUPPOSING_QUICK.search(text) is not None:
            records = under_supposed_lines(records, text)  # '"如果我戴的是红帽子，那么：\n- …第二位不是红的。\n可是…'
        if text[:12].lower().lstrip("#* \"“「").startswith(("case", "suppose", "assume", "consider", "under", "情况", "假设",
                                                           "如果", "若是")):
            records = under_value_case(records, value_case(lex, text))  # "### Case ♠ …: possible only for ♠4"
        elif ":" in text and ("f " in text or "uppose" in text or "ssume" in text):  # (quick tests first)
            records = under_value_case(records, value_case_inside(lex, text))  # "… now? If b = 2: … So a = 1."
        elif (":" in text[:48] or "：" in text[:48]) and lex.number_pair is None:
            records = value_label_case(lex, records, text)  # "4月19日：… 伯纳德还是不知道。排除。"
        if ":" in text[:24] or "：" in text[:24]:
            records = var_label_case(lex, records, text)  # "And a = 1: originally b ∈ {0, 2}. … so b = 2."
        if "情况" in text[:12] or "ase" in text[:12]:
            records = relation_case(records, text)  # "情况二：a = c。…所以鲍勃一定知道。但他说不知道，…"
        if "):" in text or ")：" in text or "）：" in text:
            records = pattern_lines(records, text)  # "1. (2t, t, t): b = c. Alice sees t and t → knows a = 2t."
        if lex.number_pair is not None:  # "… the sums … So 53 dies too."; "s = 17: … Only (4,13)."
            records += ctx.aligner.memoised(("@topic", text, topic), lambda: topic_exclusions(lex, text, topic) +
                                            topic_survivals(lex, text, topic) + crossed_bounds(lex, text) +
                                            minus_two_rows(lex, text))
            records = under_case(lex, records, case_header(lex, text))
            topic = last_term(lex, text, topic)
        if "?" in text or "？" in text:  # "问：…排除了什么？\n答：a = 0和a = 10。": what goes, not what is left
            records = answered_exclusions(records, text)
        if "|" in text:  # "| 15 | August 15 | no |" under "Bernard knows?"; "| ① P: “…” | ♠J ♠8 |" under "Removed"
            answered = property_rows(text) if ("✗" in text or "✘" in text or "❌" in text) else []
            if answered:  # "| 14 | July, August | ✗ |" under "Unique?": not unique, not eliminated
                records = [r for r in records if not (r.kind == "exclusion" and any(a <= r.start < b for a, b in answered)
                                                      and ELIMINATED.search(text, r.start, r.end) is None)]
            records = ruled_out_cells(records, text)  # "| Silence #1 | exactly 1 muddy |" under "… rule out"
            records = reason_cells(records, text)  # "| July 16 | ✓ | only 16 left |" under "Reason": July's case
            records = silence_rows(lex, text, records)  # "| 2 | at least 3 muddy |" under "| silences so far | … |"
            records = row_cases(lex, text, records)  # "| 1 | 0, 2 | ✓ | 只剩 b=2 |" under "| a | … |": a's case
            records = timeline_rows(records, text)  # "| 110, 101, 011 | ✓ | ✓ | ✗ |" under "| worlds | after r1 | … |"
            records += ctx.aligner.memoised(("@table", text), lambda: table_records(lex, text) + computed_records(text))
            said = {r.key.formula for r in records if r.kind == "arithmetic"}
            records += [r for r in sum_rows(text) if r.key.formula not in said]  # "| 12 | 4, 3 | 20 |" under "| … |
            # sum |" (a pair's sum, "| (8, 7) | 15 |", is read as the pair's already)
            records = credit_tables(ctx.aligner, lex, text, records)
        if ((text.count("=") >= 3 or text.count("→") >= 3 or text.count("->") >= 3 or
             len(_TUPLE_CLOSE.findall(text)) >= 3 or _TUPLE_NAMED.search(text) is not None) and
                ("(" in text or "（" in text)) or ((text.count("→") >= 3 or text.count("->") >= 3) and "+" in text) or \
                (text.count(": ") >= 3 and _COMMA_TRIPLE.search(text) is not None) or \
                (text.count("→") >= 3 and _ARROW_TRIPLE.search(text) is not None) or \
                ("、" in text and _ENUMERATED_NAMED.search(text) is not None):
            # "(8,6,3)=17，(9,4,4)=17，(9,8,2)=17", a column "(12,6,2) → 19", "(9,8,2) 18 · (9,4,4) 17 · …" under
            # "Triples (sum):", "9,8,2: 18 · 9,4,4: 17", "2 + 15 → 30, 3 + 14 → 42, …" (the splits' products),
            # "- 12, 4, 3 → 18", "(12, 4, 3), sum 18"
            seen = {(r.key.formula, r.start) for r in records if r.kind == "arithmetic"}
            records += [r for r in ctx.aligner.memoised(("@tuples", text), lambda: tuple_values(text))
                        if (r.key.formula, r.start) not in seen]  # (a dict's entries are read as a dict already)
        arrows = "→" in text or "->" in text or "⇒" in text
        if "=" in text and ("·" in text or "×" in text or "*" in text) and (arrows or "sum" in low or "和" in text):
            records += ctx.aligner.memoised(("@split-sums", text), lambda: split_sums(text))  # "28 = 4·7 = 2·14 →
            # sums 11 and 17": each split's sum in order
        if "+" in text or "×" in text or "·" in text or "*" in text:
            records += respective_values(text)  # "2+9、3+8，对应的积分别为 18、24": each split's value in order
        if arrows:
            records += chain_records(text)  # "10 → 5 → 3 → 1": the stage counts
        if arrows and (" out" in low or "gone" in low or "elimin" in low or
                                                               "remov" in low or "exclud" in low):
            records += arrow_credits(ctx.aligner, lex, text, lambda at, al=al: max(al.stage_at(at), told))
        if "est" in text or "heck" in text or "检验" in text or "验证" in text:  # "Test July 14. … Fails."
            records += ctx.aligner.memoised(("@trials", text), lambda: trial_records(lex, text))
        if "\n" in text:  # "Recap of who killed what:\n- Q's …: spades"
            records += list_credits(ctx.aligner, lex, text, lambda at, al=al: max(al.stage_at(at), told))
        if any(w in low for w in _NOTHING_WORDS) and _NOTHING.search(text) is not None:  # "… adds no information"
            records += nothing_records(ctx.aligner, text, lambda at, al=al: max(al.stage_at(at), told),
                                       lambda a, b, al=al: al.moved_between(a, b))
        if SUPPOSING.search(text) is not None:
            records = supposed_next(text, records)  # "Suppose a candidate reads it now instead. Then line 2 removes
            # nothing …"
        if "|" in text:
            records = mistake_rows(records, text)  # "| Mistake | What goes wrong |": rejected readings
        if _USER_TURN.match(text) is not None:
            records = [r.read_as(OTHERS) for r in records]  # "User: Are you sure it isn't August 17?": a chat's
            # user turn, someone else's words (pushback), not the trace's reasoning
        answer_next = heading
        audits = []
        restated = ctx.aligner.restated
        about: tuple[str, int] | None = None  # (sentence, stage) after a restated announcement in it
        outline = _outlines(records, restated, lex, ctx.aligner)
        crediting = any(w in low for w in _CREDIT_WORDS)  # once per step: an elimination verb, an "after"
        ending = "end" in low or "大家" in text  # ("by the end of the evening", "最后大家…")
        dating = any(w in low for w in _AFTER_WORDS) or teaches(text)
        evident = None  # the stage an exact list read earlier in the step holds at
        lined = ctx.aligner.outline_lines(text) if "\n" in text and ctx.aligner.worked_outline(text) else ()
        nxt = alignment[st.index + 1] if st.index + 1 < len(alignment) else None
        passed = nxt.stage - 1 if nxt is not None and nxt.how in _NAMING and al.how != "recap" and \
            nxt.stage == al.reached + 2 else 0  # the next step names the statement after the next one: what this
        # step says holds there too ("P would know → gone. 9 cards left." before 'Q "knew" …': P's, unnamed)
        for r in records:
            by_line = own_line = False  # dated by the line of a worked outline it stands on (a knowing said to hold
            # already there: by that line alone)
            reached = max(al.reached_at(r.start), told, 0 if _AT_THIS_POINT.search(r.text) else passed)
            # ("So at this point the blind man can already work out …": about the point reached, not the next one)
            window = Window(0 if al.how == "recap" else al.stage_at(r.start), reached,
                            al.moved_at(r.start) or (analysing and r.kind == "case knowledge"))
            ref = al.referred_at(r.start)
            if ref is not None and ref.stage <= reached and _SENTENCE_BREAK.search(text, ref.at, r.start) is None and \
                    _ALONE_BASIS.search(text, max(0, ref.at - 4), ref.at) is None and \
                    WALKS_ON.search(text, ref.at, r.start) is None and \
                    not in_reason(text, ref.at, r.start) and IN_TURN.search(text, ref.at, r.end) is None and \
                    not in_aside(text, ref.at, r.start) and not possessive_between(text, ref.at, r.start) and \
                    not dates_event(text, ref.at, r.start) and not trailing_after(text, r.end) and \
                    not (joined_with(text, ref.at) and al.moved_at(r.start) and al.stage_at(r.start) > ref.stage) and \
                    not any(c.stage > ref.stage and c.at < r.end and
                            _SENTENCE_BREAK.search(text, min(c.at, r.start), r.start) is None for c in al.retold):
                # "from Albert's statement, the dates are ...": about then (in the same sentence; but not where the
                # claim's own "after …" follows it, "… after Ali's first remark → drop the 19s after Bo's"; "father's
                # announcement, then silence (round 1) → at least 2, silence (round 2) → …" walks on through the
                # stages, and "父亲的话加上三轮无人站出，依次排除了…" credits them in turn)
                exact = ref.how == "reference" or ref.how == BEFORE_REFERENCE and not (
                    r.kind == "exclusion" and _MEANS.search(text, ref.at, r.start)) and \
                    _BASIS.search(text, max(0, ref.at - 40), ref.at) is None  # "… refers to before Albert
                # spoke: that just means the day isn't 18 or 19": what the statement tells, after it was made
                window = Window(ref.stage, ref.stage if exact else reached)
            if lined and r.kind in _LINED_KINDS:  # "- 安妮：“不知道” → … 由此 b 也不可能是 1 或 9。剩 14 对。": what a line of
                # an outline says its statement gives holds right after that statement
                line = next((ln for ln in lined if ln.start <= r.start < ln.end), None)
                if line is not None:
                    window, by_line = Window(line.stage, line.stage), True
            if r.kind == "told":  # who was told what: the information each agent starts with
                window = Window(0, 0)
            elif r.kind != "answer" and _ANSWER_LINE.match(text, text.rfind("\n", 0, r.start) + 1) is not None:
                window = Window(ctx.judge.last, ctx.judge.last)  # "Answer: **yes** — the numbers are all different.":
                # what the answer line says with its answer is about the end too
            elif ending and (end := _AT_THE_END.search(text, max(0, r.start - 120), r.start)) is not None and \
                    _SENTENCE_BREAK.search(text, end.end(), r.start) is None:
                window = Window(ctx.judge.last, ctx.judge.last)  # "by the end of the evening everyone was sure of one
                # thing: the three numbers were all different": dated by its own words, at the end
            if r.kind == "answer" or r.kind == "exclusion" and _NOT_THE_ANSWER.search(r.text) is not None:
                # "Answer: x = 4, y = 13": the conclusion of the whole dialogue ("答案应该不是7月16日": what it is not)
                window = Window(ctx.judge.last, ctx.judge.last)
                now = al.stage_at(r.start)
                if r.kind == "answer" and r.certain and 0 < now < ctx.judge.last and al.how != "recap" and (
                        ahead[st.index] == now + 1 or says_already(text, r.start, r.end)):
                    # "所以答案就是6月12日" after Bernard's statement, with Albert's still to come next: concluded
                    # there, before the last statement ("到这一步答案其实已经出来了：…所以牌只能是方块5": dated by itself)
                    window = Window(now, now)
            k = restated.get(r.key.formula) if r.kind == "knowledge" else None
            turn = k is not None and _TURN.search(r.text) is not None
            if k is not None and (r.past or turn) and restated.get(("@past", r.key.formula)) == k and \
                    (k > reached or turn):
                # "Bernard didn't know at first but does now": announcement k retold, what it says of the time before
                # it judged where it was made (stage k - 1, one stage back); before the trace reaches k, an outline
                # or a headline, not the trace's own claim
                window = Window(k - 1, max(reached, k - 1))
                if k > reached:
                    r = r.read_as(REPORTED)
            elif r.text in outline and r.kind == "knowledge":  # "Dialogue: P doesn't know → S knew … → P now knows":
                r = r.read_as(REPORTED)  # the puzzle retold, not the trace's reasoning; judged for the record only
                window = Window(k if k is not None else window.stage, max(reached, k or 0))
            elif r.text in outline and r.kind == "case knowledge" and \
                    (part := _outline_part(lex, r.text, r.start - text.find(r.text), ctx.aligner.speakers)):
                window = Window(part - 1, max(reached, part))  # "Sanity pass: P with 52 can't tell 4·13 from 2·26 ✓;
                # S with 17 knew …": a case of each statement, judged at the statement whose part it stands in
            else:
                current = r.kind == "knowledge" and _CURRENT.search(r.text) is not None
                if k is not None and k > reached and _ALREADY.search(r.text) is None and r.reading != CASE and \
                        not (r.reading == SUPPOSED and _CAN_KNOW.search(r.text)) and \
                        (not current and (_NARRATIVE.search(r.text) or k == reached + 1 and
                                          restated.get(("@known", r.key.formula)) != reached) or
                         (k == reached + 1 and r.start == 0 and _LABEL_OPENING.match(text, r.end)) or
                         (k == reached + 1 and _premise(text, r.start, r.end))) and \
                        anchor_stage(ctx.aligner, text, r.start, r.end, al.stage_at(r.start)) in (None, k):
                    # (not "Bernard knows the birthday after Albert's statement": dated earlier by its own words)
                    if not (r.reading == REPORTED and al.reached == 0 and _retells_dialogue(records, r, restated)):
                        told = k  # (a set-up retelling the dialogue walks nowhere)
                    reached = k  # the dialogue narrated: "P then knows the pair, ... S then knows too" (but
                    # "伯纳德确实不知道" on Albert's "I know Bernard doesn't know" is what Albert knows, not Bernard's line)
                    window = Window(window.stage, reached, window.fresh)
                if k is None and r.kind == "knowledge" and not current and r.key.formula[0] == "Not" and \
                        0 < restated.get(r.key.formula[1], 99) <= reached:
                    r = r.read_as(CASE)  # "S couldn't know" after S said he knows: about another case
                if k is not None and k <= reached and not current:
                    # "P doesn't know → the rank is A, Q, 4 or 5": the announcement restated, and what follows
                    # it in the sentence is about the stage it made
                    window, about = Window(k, reached), (r.text, k)
                elif about is not None and about[0] == r.text and r.kind != "told":
                    window = Window(about[1], reached)  # (who was told what is the start's, whatever the sentence)
                if r.kind == "case knowledge" and r.key.formula[0] == "Implies" and \
                        0 < (k := restated.get(r.key.formula[2], 0)) <= reached:
                    about = (r.text, k)  # "So P with 18 would know → (2,9) survives.": the case weighs statement k,
                    # and what follows it in the sentence is about the stage it made
            named = [c.stage for c in al.cues + lines if c.at <= r.start] if may_pin and r.kind in _PINNED_KINDS else ()
            if may_pin and al.retold and r.kind in _PINNED_KINDS:  # a recap's lines, in order: "- P: now can
                # determine → only (4, 13) is left at this point" is dated by its own line, the last cue before it
                named = [c.stage for c in al.retold if c.at <= r.start][-1:]
            if evident is not None and may_pin and r.kind in _PINNED_KINDS:
                named = [*named, evident]  # "Remaining: Apr 14, …, Jun 19. At this point Bernard already knows":
                # the list just read, exact at stage j, says where the trace stands
            if named and says_already(text, r.start, r.end):
                # "Ali is sure Bo doesn't know → … Already only March 18, July 16, July 17 remain": the claim dates
                # itself at the latest statement named before it in the step, even after later ones were mentioned
                pin = max([window.stage, *named])
                window = Window(pin, pin, window.fresh)
            if r.kind == "count" and BARE_LEFT.match(r.text) is not None:  # "16 left.": dated by the statement the
                # step named last before it ("Father's announcement: … Removes CCCC. 15 left."), else by nothing
                cue = next((c for c in reversed(al.cues) if c.at <= r.start), None)
                if cue is None:
                    r = r.read_as(UNALIGNED)
                else:
                    window = Window(cue.stage, cue.stage)
            if lined and r.kind == "knowledge" and \
                    (line := next((ln for ln in lined if ln.start <= r.start < ln.end), None)) is not None and \
                    says_already(text, r.start, r.end):  # "- **L2.** … At this point L4 already knows the answer":
                window, by_line, own_line = Window(line.stage, line.stage), True, True  # dated by its line, whatever
                # it restates or names after it
            credit = r.kind == "exclusion" and crediting and \
                (k_c := credit_stage(ctx.aligner, text, r.start, r.end, max(al.stage_at(r.start), told))) is not None
            part = None if credit or r.kind != "exclusion" or not crediting else \
                quoted_credit(ctx.aligner, text, r.start, r.end)
            if part is None and not credit and r.kind == "exclusion" and ("半句" in text or "half" in low or
                                                                         "clause" in low):
                part = half_credit(ctx.aligner, text, r.start, r.end, al.stage_at(r.start))
            if part is None and not credit and r.kind == "exclusion":  # ("Since Albert doesn't know, …": the reason
                # is the credit, whatever verb follows)
                part = reason_credit(ctx.aligner, text, r.start, r.end, al.stage_at(r.start))
            if part is not None:  # Albert's "I don't know" alone "rules out March and May"
                credit, k_c = True, (part[0],)
            elif not credit and r.kind == "exclusion" and (k_i := ignorance_credit(ctx.aligner, text, r.start,
                                                                                   r.end)) is not None:
                credit, k_c = True, (k_i,)  # "P说不知道，所以Q的花色不可能是黑桃或梅花": drawn from his statement
            if not credit and r.kind == "exclusion" and (now := al.stage_at(r.start)) > 0 and \
                    _ONLY_NEED.search(text, max(0, r.start - 12), r.end) is not None:
                credit, k_c = True, (now,)  # "所以只需排除6月18日和5月19日" on Albert's statement: what it removes, all of it
            if credit:  # "Q's statement rules out spades and clubs": possible before it, gone after it
                exact = exact_credit(text, r.start, r.end) and not _relation(r.key.formula)
                r, window = credited(r, k_c, part[1] if part else None, exact), \
                    Window(k_c[0], k_c[0])
            anchored = not credit and not own_line and r.kind in _ANCHORED_KINDS and dating and \
                (k_a := anchor_stage(ctx.aligner, text, r.start, r.end, max(al.stage_at(r.start), told))) is not None
            if not anchored and r.kind == "possible" and ("'s" in text or "’s" in text or "surviv" in text) and \
                    (k_a := survived_stage(ctx.aligner, text, r.end)) is not None:  # "July 17 survives Bo's turn"
                anchored, window = True, Window(k_a, k_a)
            if anchored:  # "after P's first statement we already know …": the trace dates the claim itself, unless
                # it looks back ("June dates after Bernard's statement: only June 12" while on Albert's) or walks
                # through the dialogue in a recap without saying "already": then it may be a case or a restatement
                anchored = (k_a >= window.stage and al.how != "recap") or says_already(text, r.start, r.end) or \
                    ((al.how != "recap" or r.kind == "possible") and
                     (tight_after(text, r.start) or r.kind != "count" and trailing_after(text, r.end)))
                # ("his sum has one pair left after …": his; "so exactly two muddy is still on the table after the
                # second silence" dates itself even in a step that names three statements)
                window = Window(k_a, k_a) if anchored else Window(k_a, max(k_a, reached))
            if r.at is not None:  # "if exactly two were muddy, each would know in round 2": dated by its own words
                window, anchored = Window(r.at, r.at), True
            elif r.kind == "case knowledge" and r.key.formula[0] == "Implies" and r.key.formula[1][0] == "Not" and \
                    (k_i := ignorance_said(ctx.puzzle, r.key.formula[2], window.stage)) is not None:
                window, anchored = Window(k_i - 1, k_i - 1), True  # "Bill只有在b=0或b=10时才能直接确定" (only_if.py)
            elif r.kind == "case knowledge" and r.key.formula[0] == "Implies" and \
                    0 < (k_s := restated.get(r.key.formula[2], 0)) <= window.stage and \
                    (ref is not None and k_s == ref.stage or
                     _last_word(ctx.aligner, r.key.formula[2], k_s, window.stage)):
                # "Is (1, 0) still alive after Anne's statement? … Anne with 1 doesn't know": a case checked
                # against what that statement says, where it was made
                window = Window(k_s - 1, window.reached, window.fresh)
            if r.kind in ("knowledge", "case knowledge", "hypothetical") and r.certain and \
                    _BARE_SURE.search(r.text) is not None and \
                    _weighs_ignorance(ctx.puzzle, al.stage, r.key.formula):
                r = r.read_as(HEDGED)  # "Q拿到黑桃就没法确定" on Q's "I knew you didn't know": sure that P doesn't
                # know, not sure of the card (the object left out)
            hit = judge(r, window, lex)
            if hit is None:
                continue
            v, source = hit
            anchored = anchored or (by_line and v.verdict == PREMATURE)  # "3. P now knows ⇒ … pins it: (4, 13)": a
            # line of a worked outline dates what it says by its statement (a list misread there is false, not early)
            audits.append(ClaimAudit(st.index, r, source, v, lex, anchored=anchored))
            if r.kind == "candidates" and r.certain and r.key.witnesses and v.verdict == ENTAILED:
                evident = v.stage if evident is None else max(evident, v.stage)
            if r.kind == "answer" and (r.certain or r.reading not in _NOT_GIVEN):
                final, final_at = r.answer, st.index  # not "I shouldn't just assume the answer is July 16", nor
                # "假如是5月16，阿尔伯特第一句就说不出口" (a rival supposed)
            elif r.answer is not None and r.kind == "candidates" and r.certain and r.reading != LEFT:
                fallback = r.answer
        judged.append((st, al, audits))
        if any(r.kind in _RESULT_KINDS for r in records):
            opened = None
        before = max(before, al.stage_at(len(st.text)))  # (with the cues inside the step: "S: now knows" after "P: now knows")
    top = max((al.reached for al in alignment), default=0)  # the latest announcement the trace reaches at all
    boxed = next(((a, st.index) for st in reversed(seg.steps) if "boxed" in st.text or "answer>" in st.text
                  for a in (boxed_answer(lex, ctx.memo, st.text),) if a), None)
    if boxed is not None:  # "\boxed{9}", "<answer>9</answer>": the answer the trace commits to, whatever a remark
        # after it names
        final, final_at = boxed
    if final is not None and final_at is not None and final_at < len(seg.steps) - 3 and \
            (final_at <= 1 or SUMMARY_LABEL.match(seg.steps[final_at].text) is not None):  # "Short answer: no." in
        # the opening, to the trace's own question, then "Answer to the puzzle's question: **yes (1)**." at its close:
        # the answer the trace closes on, not its summary's
        closing = ((a, st.index) for st in seg.steps[:-4:-1]
                   for a in (_set_apart(lex, ctx.memo, st.text, texts, st.index),) if a)
        final, final_at = next(closing, (final, final_at))
        judged = _closing_line(judged, final, final_at, texts, top == ctx.judge.last, judge, ctx.judge.last)
    if final is None and seg.steps:  # "**March 18.**" or "Hence 4." in the last three steps (a verification may
        # follow), else a headline, else the candidates of the last certain list that names a whole answer
        final, final_at = next(((a, st.index) for st in seg.steps[:-4:-1]
                                for a in (_set_apart(lex, ctx.memo, st.text, texts, st.index),) if a), (None, None))
        judged = _closing_line(judged, final, final_at, texts, top == ctx.judge.last, judge, ctx.judge.last)
        if final is None:  # "Cheryl's birthday is **July 16**" where no month is July: a wrong answer named anyway
            foreign, foreign_at = next(((a, st.index) for st in seg.steps[:-4:-1]
                                        for a in (foreign_answer(lex, st.text),) if a), (None, None))
            final_at = foreign_at
        if final is None and foreign is None:  # a headline: the summary of an answer, not a step of the reasoning
            # (final_at stays None)
            opens = next((n for n, st in enumerate(seg.steps[:3]) if _POSTER.fullmatch(st.text) is None), 0)
            head = seg.steps[opens].text  # (under a thread's "u/name · 150 points": the first post's opening)
            final = (bold_answer(lex, ctx.memo, head, last=False) or  # ("Yes — the three numbers are all different.")
                     (opening_answer(lex, ctx.memo, head) if len(head) <= _HEADLINE else None) or
                     first_line_answer(lex, ctx.memo, head)) \
                if len(seg.steps) > 1 else _opening_sentence_answer(lex, ctx.memo, head)
        if final is None and foreign is None and not (undetermined(texts[-1]) and (
                len(texts[-1]) <= _CLOSING_LINE or ANSWER_LINE.match(texts[-1]) is not None)):
            final = fallback  # the last list of candidates: no stated answer, so no step to flag (final_at stays
            # None), unless the trace closes on none to give ("**He cannot know his colour for certain.**")
    if final is not None and final_at is not None and final_at < len(texts) - 1 and \
            ANSWER_LINE.match(texts[-1]) is not None and undetermined(texts[-1]):
        final, final_at = None, None  # "If he has to answer, **white** is likely. … **Answer: the blind man cannot be
        # sure; …**": the closing answer line gives none; a guess before it is no answer
    if boxed is None and foreign is None and final_at is not None:  # "June has one. … **Answer: Cheryl's birthday is
        # July 16.**": a closing answer naming no world, after the one found, is the answer the trace gives
        foreign, foreign_at = next(((a, st.index) for st in seg.steps[:final_at:-1] if st.index >= len(texts) - 3
                                    for a in (foreign_answer(lex, st.text),) if a), (None, None))
        if foreign is not None:
            final, final_at = None, foreign_at
    judged = [(st, al, [_quoted_fact(_unaligned(c, top, text), ctx.judge) for c in audits])
              for (st, al, audits), text in zip(judged, texts)]
    opening = next((n for n, (_, _, audits) in enumerate(judged) if audits), 0)
    judged = [(st, al, _summary(_headlines(audits, al, final, st.text, opening_answer(lex, ctx.memo, st.text),
                                           headed=n > 0 and _ANSWER_HEADING.match(texts[n - 1]) is not None)
                                if n <= opening + 1 else audits, al, st.text))
              for n, (st, al, audits) in enumerate(judged)]
    backed = final is not None and set(final) != set(ctx.solution.answer) or foreign is not None  # a wrong answer corroborates
    solved = next((n for n, (_, _, audits) in enumerate(judged) if any(
        c.record.certain and c.record.answer is not None and set(c.record.answer) == set(ctx.solution.answer)
        and c.verdict.verdict == ENTAILED for c in audits)), len(judged))  # where the trace first names the answer, rightly
    long = len(seg.steps) >= LONG_TRACE  # many claims: only the kinds never misread weigh alone (evidence.py)
    steps = [_step_audit(shown, al, audits, backed, text, recap=n > solved, long=long)
             for n, ((_, al, audits), text, shown) in enumerate(zip(judged, texts, written))]
    if backed and final is not None:  # the wrong answer first concluded: an earlier claim naming exactly it, false there however it was read
        first = first_error([st.label for st in steps])
        early = next((st.index for st in steps if (first < 0 or st.index < first) and any(
            c.record.answer is not None and set(c.record.answer) == set(final) and c.verdict.verdict in (FALSE, PREMATURE)
            and c.record.reading not in _NOT_CONCLUDED and not _case_apart(c.record, texts[st.index])
            and not (c.record.reading == REJECTED and st.reached == 0)
            for c in st.claims)), None)  # an opening summary is no step (nor another puzzle's answer recalled before
        # any statement: "In the original, the answer was July 16. The dates here are different, …"; but "Just as in
        # the original puzzle, … is July 16" after the dialogue concludes it)
        if early is not None:
            steps[early] = replace(steps[early], label=-1, wrong_answer=True)
    if foreign is not None:  # the answer naming no world first concluded: "So Cheryl's birthday is July 16." before
        # "### Final Answer"
        final_at = next((st.index for st in seg.steps if foreign_answer(lex, st.text) == foreign), final_at)
    if backed and final_at is not None and not 0 <= first_error([st.label for st in steps]) <= final_at:
        # a wrong final answer is an error at the latest where it is stated, whatever was (not) read before it
        steps[final_at] = replace(steps[final_at], label=-1, wrong_answer=True)
    if backed and final is not None:
        steps = _headline_deferred(steps, opening, final)
    steps = _lemmas_deferred(steps, texts)
    return AuditReport(ctx.puzzle, ctx.solution, tuple(steps), final, seg.method, seg.truncated, seg.text, foreign)


# Readings that conclude nothing: an opening summary, a supposition ("If exactly three were muddy, …"), a question
# (a "rejected idea" may be the trace's own answer: "Just as in the original puzzle, … is July 16")
# What an agent could know under a condition: "Albert can only be sure if his month …" (no narration of his statement;
# but "So S knows only if the sum is 17" tells S's)
_CAN_KNOW = re.compile(r"(?i:\b(?:can|could|would|might)\s+(?:only\s+|then\s+)?(?:be\s+(?:sure|certain)|know|tell)\b)")
_NOT_GIVEN = frozenset({REJECTED, CROSSED, HEDGED, QUESTION, OTHERS, SUPPOSED})  # readings of an answer not given
_NOT_CONCLUDED = frozenset({HEADLINE, SUPPOSED, QUESTION, OTHERS})  # ("另一个常见答案是8月17日": others')
# A case named as a world of its own: "But in the k = 3 world, B sees A and C muddy", "the k = 2 case", "k = 3 的情况"
_CASE_NAMED = re.compile(r"(?i:\b[a-z]\s*=\s*\d{1,4}\s+(?:world|case|scenario|situation)s?\b)|"
                         r"[a-z]\s*=\s*\d{1,4}\s*(?:的)?(?:情况|世界|情形)|^[\s*#>-]*[a-z]\s*=\s*\d{1,4}\s*[:：]")
# (or a line labelled by its case: "k=2：两个有泥的孩子各看到一个有泥的。")


def _case_apart(r: ClaimRecord, text: str) -> bool:
    """Whether a claim read as a case is set apart from the trace's own conclusions: in a sentence naming its case as
    such ("in the k = 3 world") or after the step says it tests a world ("Let me also test the main competitor,
    July 16: …")."""
    return r.reading == CASE and (_CASE_NAMED.search(r.text) is not None or checks_before(text, r.start) or
                                  SUPPOSING_WORD.search(r.text) is not None)  # ("他想：如果我干净，那就是k=2": a
    # supposed case)


_PREMISE_AFTER = re.compile(r"\s*(?:[,，;；]\s*)?(?:so|therefore|thus|hence|which means|→|->|⇒|所以|因此|于是)",
                            re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.。!?！？\n]")


def _premise(text: str, start: int, end: int) -> bool:
    """Whether a claim at text[start:end] is a premise ("…, and Bernard now knows, so it isn't the 19th"): a
    conclusion follows it, and none leads to it in its sentence."""
    if _PREMISE_AFTER.match(text, end) is None:
        return False
    opening = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
    return _CONCLUSION.match(text, opening) is None and _PREMISE_AFTER.search(text, opening, start) is None


def _last_word(aligner: Aligner, said: tuple, k: int, now: int) -> bool:
    """Whether statement `k`, of the knower of `said`, is that agent's last word by the statement after stage `now`,
    those between being another's: "a = 3: Bill with 2 doesn't know, Bill with 4 doesn't know" on Anne's final "I
    know" checks Bill's "I don't know" (stage 2) case by case, where he said it, not whether he would still be unsure
    now (but with P to speak next, "P with 18 can't know" at S's statement is about P's coming turn)."""
    agent = knower(said)
    return agent is not None and k < now and aligner.speakers[k - 1] == agent and \
        all(aligner.speakers[j - 1] not in (agent, None) for j in range(k + 1, min(now + 1, len(aligner.speakers)) + 1))


def _outlines(records: list, restated: dict, lex: Lexicon, aligner: Aligner) -> frozenset[str]:
    """Sentences that retell three or more announcements in a row (the dialogue outlined): each part is judged
    at its own announcement, and none moves the trace. Also "P can't; S knew that; P now can; S now can too":
    parts that open on the dialogue's speakers in its order, however few of them the reader understands."""
    ks: dict[str, set[int]] = {}
    for r in records:
        k = restated.get(r.key.formula) if r.kind == "knowledge" else None
        if k is not None:
            ks.setdefault(r.text, set()).add(k)
    return frozenset(t for t, found in ks.items() if len(found) >= 3 or (len(found) >= 2 and _OUTLINE.search(t))
                     or aligner.memoised(("@speaker-run", t), lambda t=t: _speaker_run(lex, t, aligner.speakers)))


_PARTS = re.compile(r"[;；,，]|→|->|⇒")


def _speaker_run(lex: Lexicon, text: str, speakers: tuple) -> bool:
    """Whether the first three or more parts of a sentence (between `;`, `,` or arrows) each open on the next speaker
    of the dialogue."""
    parts = _PARTS.split(text.split(":", 1)[-1] if ":" in text[:40] else text)  # "The exchange is: P is stuck, …"
    if len(parts) < 3:
        return False
    names = _names(lex)
    if sum(text.count(n) for n in names) < 3 or any(not any(n in part[:12] for n in names) for part in parts[:3]):
        return False  # quick tests: three speakers named, each of the first three parts opening on a name
    opening = []
    for part in parts:
        toks = tokens(lex, part[:24])  # only its opening matters
        if not toks or toks[0].kind != "agent" or part[:toks[0].start].strip(" *-,") not in ("", "and", "then"):
            break
        opening.append(toks[0].payload)
    return len(opening) >= 3 and tuple(opening) == tuple(speakers[:len(opening)])


def _outline_part(lex: Lexicon, sentence: str, at: int, speakers: tuple) -> int | None:
    """The statement whose part of an outlined dialogue (_speaker_run) holds offset `at` of the sentence: the number
    of parts opening on the next speaker in order, up to `at`; None outside them."""
    start = sentence.index(":") + 1 if ":" in sentence[:40] else 0
    k = 0
    for m in _PARTS.finditer(sentence + ";", start):
        part, start_of = sentence[start:m.start()], start
        toks = tokens(lex, part[:24])
        if toks and toks[0].kind == "agent" and part[:toks[0].start].strip(" *-,") in ("", "and", "then") and \
                k < len(speakers) and speakers[k] == toks[0].payload:
            k += 1
        if start_of <= at < m.end():
            return k or None
        start = m.end()
    return None


def _names(lex: Lexicon) -> tuple[str, ...]:
    """Every surface of the puzzle's agents ("P", "Mr. P", "P先生"), for quick substring tests."""
    return tuple(dict.fromkeys(d for a in lex.puzzle.agents for d in (a.name, *a.display)))


def _set_apart(lex: Lexicon, memo: ClaimMemo, text: str, texts: list[str],
               index: int) -> tuple[tuple[int, ...], ...] | None:
    """The answer a closing step sets apart, by the first reader that finds one: bold ("**March 18.**"), a closing
    line ("Hence 4."), a labelled summary's head ("**Summary: 3 children are muddy — …"), a step under an answer
    heading, the last row of a closing table ("| Ali: then I know | Mar 18 |"), a yes or no opening the step ("Yes.
    Anne can only …"), a closing sentence's subject, bracket or correction ("… — June 12 — is her birthday"), a bare
    last line ("6月12日。") or a last line answering a question ("**Q: So how old is Cheryl?**\n9.")."""
    last = index == len(texts) - 1
    headed = index > 0 and _ANSWER_HEADING.match(texts[index - 1]) is not None
    return (bold_answer(lex, memo, text) or closing_answer(lex, memo, text) or summary_answer(lex, memo, text) or
            (headed_answer(lex, memo, text) if headed else None) or
            (table_answer(lex, memo, text) if last or headed else None) or opening_answer(lex, memo, text) or
            subject_answer(lex, memo, text) or (bare_answer(lex, memo, text) or asked_answer(lex, memo, text)
                                                if last else None))


_TUPLE_CLOSE = re.compile(r"[)）](?:[ ,，:：])")  # "(12,4,3): 18", "(12, 4, 3)，和 18", "(9,8,2) 18"
_ENUMERATED_NAMED = re.compile(r"\d、\d[\d、]{0,12}\s*[，,：:]\s*[和积]")  # "- 12、4、3，和是18"
_TUPLE_NAMED = re.compile(r"[)）]\s*[,，]?\s*(?:(?i:sum|product)|和|积)\s*(?:=|:|为|是)?\s*\d")  # "(12, 4, 3), sum 18"
_COMMA_TRIPLE = re.compile(r"\d,\d{1,3},\d{1,3}:")
_ARROW_TRIPLE = re.compile(r"\d, ?\d{1,4}, ?\d{1,4} →")  # ("- 12, 4, 3 → 18", "12,6,2 → 19": a column of triples and
# their sums)
# The line that names a post's author in a forum thread: "u/name · 150 points", "[–] name 233 points", "↳ level 1 ·
# u/name"
_POSTER = re.compile(r"[\s↳>*]*(?:\[[–-]\]\s*)?(?:\*\*)?(?:u/|level\s+\d)[^\n]{0,80}\s*|"
                     r"[\s↳>*]*(?:\[[–-]\]\s*)?\S{1,40}\s+\d[\d.,]*k?\s+(?:points?|分|赞)\s*")
_HEADLINE = 160  # characters: a first step short enough to be a headline ("Yes — all three differ.")
_CLOSING_LINE = 60  # characters: a step that is only the closing answer line, not a sentence concluding early


def _agent_named(lex: Lexicon, words: str) -> str | None:
    """The agent a description names alone ("拿月份的", "the month-holder"), or None."""
    toks = lex.scan(words)
    return toks[0].payload if len(toks) == 1 and toks[0].kind == "agent" and \
        not words[:toks[0].start].strip() and not words[toks[0].end:].strip() else None


def _closing_line(judged: list, final, final_at: int | None, texts: list[str], through: bool, judge,
                  last: int) -> list:
    """"**→ (x, y) = (4, 13).**" alone, last, the dialogue gone through (`through`): the answer of the whole
    dialogue, its lists judged after it (_closing), whether or not a headline gave the answer first."""
    if final is None or final_at != len(texts) - 1 or len(texts[final_at]) > _CLOSING_LINE or \
            ALREADY.search(texts[-1]) or not through:
        return judged
    st, al, audits = judged[final_at]
    return judged[:final_at] + [(st, al, [_closing(c, final, judge, last) for c in audits])] + judged[final_at + 1:]


def _closing(c: ClaimAudit, final, judge, last: int) -> ClaimAudit:
    """A list in the closing line that names exactly the stated final answer is that answer: judged after the
    whole dialogue, like an "Answer:" line."""
    if c.record.kind != "candidates" or c.record.answer is None or set(c.record.answer) != set(final) or \
            c.verdict.verdict != PREMATURE:
        return c
    hit = judge(c.record, Window(last, last), c.lexicon)
    return c if hit is None else dataclasses.replace(c, verdict=hit[0])


def _unaligned(c: ClaimAudit, top: int, text: str) -> ClaimAudit:
    """A claim that holds only after announcement j is premature only if the trace reaches j by some cue
    later on; if no cue for j is found anywhere, the alignment, not the trace, may be at fault."""
    v = c.verdict
    if v.verdict == PREMATURE and c.record.certain and v.holds_at is not None and v.holds_at > top and \
            c.record.kind not in ("told", "credit") and not c.anchored and \
            (c.record.kind == "knowledge" or not says_already(text, c.record.start, c.record.end)):
        # credits, anchored claims and lists "already" true name their stage themselves ("S had already known"
        # is what S's statement says, not a date)
        return dataclasses.replace(c, record=c.record.read_as(UNALIGNED))
    return c


def _quoted_fact(c: ClaimAudit, judge: Judge) -> ClaimAudit:
    """"At least one is muddy." before the father's statement is discussed: the announcement itself, quoted (it
    says exactly what the fact announced says), not a conclusion drawn too early."""
    v = c.verdict
    if v.verdict == PREMATURE and c.record.certain and v.holds_at is not None and c.record.kind != "answer" and \
            judge.quotes_fact(c.claim.formula, v.holds_at):
        return dataclasses.replace(c, record=c.record.read_as(REPORTED))
    return c


def _opening_sentence_answer(lex, memo, text: str):
    """The answer a one-paragraph trace's short first sentence names and nothing else ("盲人的帽子是白色的。" before the
    whole argument in one paragraph): its headline, read only when the paragraph goes on after it."""
    end = _FIRST_SENTENCE_END.search(text)
    return first_line_answer(lex, memo, text[:end.end()]) if end is not None and text[end.end():].strip() else None


def _headlines(audits: list[ClaimAudit], al, final, text: str, said=None, headed: bool = False) -> list[ClaimAudit]:
    """An opening summary of the response's own final answer ("**Cheryl's birthday is July 16.**" as the
    first sentence, before any announcement is discussed, even in a paragraph that goes on through the whole dialogue)
    is not a reasoning step: read as a headline.
    A conclusion ("so the birthday is July 16") after the opening sentence is judged as usual. `said`: the answer
    of a yes or no opening the step ("Yes — the three numbers are all different."); `headed`: the step comes right
    under an "### 答案" heading, so what its opening sentence names is the answer, part by part ("x = 4, y = 13")."""
    if al.stage > 0 or final is None:
        return audits
    greeting = _OPENER.match(text)
    first = _FIRST_SENTENCE_END.search(text, greeting.end() if greeting else 0)
    end = first.end() if first else len(text)
    if _CONCLUSION.match(text, greeting.end() if greeting else 0):
        return audits
    answered = said is not None and set(said) <= set(final) or any(
        c.record.kind == "answer" and c.record.answer is not None and set(c.record.answer) <= set(final)
                   and c.record.start < end for c in audits)  # "**答案：是，三个数互不相同。**": the answer, then what it means
    answered = answered or headed or any(c.record.answer is not None and set(c.record.answer) <= set(final) and
                                         c.record.start < end for c in audits)
    second = _FIRST_SENTENCE_END.search(text, end) if answered else None
    if second is not None and second.end() <= _HEADLINE:  # "**x = 4 and y = 13.** The sum is 17 and the product is 52."
        end = second.end()
    stop = len(text[:end].rstrip())
    after = [c.stage for c in al.cues + al.retold if c.stage > 0 and c.at >= stop]
    if any(c.stage > 0 and c.at < stop for c in al.cues + al.retold) or al.reached > max(after, default=0):
        return audits  # the opening sentence discusses a statement already: a conclusion, not a summary (a paragraph
        # that goes on through the dialogue after its headline still opens on one)
    return [dataclasses.replace(c, record=c.record.read_as(HEADLINE))
            if c.verdict.verdict == PREMATURE and (answered or c.record.answer is not None and
                                                    set(c.record.answer) <= set(final)) and c.record.start < end else c
            for c in audits]


_LEMMA_LABEL = re.compile(r"[\s*#>\-]*(?i:lemma|claim|proposition|引理|命题|断言)\s*\d{0,2}\s*(?:[(（][^)）\n]{0,30}[)）])?"
                          r"\s*[.:：\u3000]?\s*\**")
_PROOF_LABEL = re.compile(r"[\s*#>\-]*(?i:proof|证明)\s*\**\s*[.:：\u3000]")
_PROOF_REACH = 3  # steps: a lemma's proof opens within this many steps after it


def _lemmas_deferred(steps: list, texts: list[str]) -> list:
    """A step that states a lemma ("*Lemma 2.* S₂ = {April 14, June 12}.", "引理 1　…之后，a ∉ {0, 1, 10}。") with its
    proof following ("*Proof.* …", "证明：…") states its result ahead of the argument: when a step of the proof (up to
    the next lemma) is flagged for a claim of its own, that step is where the reasoning went wrong and the lemma waits
    for it, as an opening headline does; with none, the lemma stays the first error."""
    steps = list(steps)
    for n, text in enumerate(texts):
        if steps[n].label != -1 or _LEMMA_LABEL.match(text) is None:
            continue
        proved = _PROOF_LABEL.search(text) is not None or any(_PROOF_LABEL.match(t)
                                                               for t in texts[n + 1:n + 1 + _PROOF_REACH])
        if not proved:
            continue
        end = next((j for j in range(n + 1, len(texts)) if _LEMMA_LABEL.match(texts[j]) is not None), len(texts))
        if not any(st.label == -1 and not st.wrong_answer and any(c.evidence in (STRONG_EVIDENCE, CORROBORATED)
                                                                 for c in st.claims) for st in steps[n + 1:end]):
            continue
        head = steps[n]
        claims = tuple(dataclasses.replace(c, record=c.record.read_as(LEMMA), evidence="")
                       if c.evidence in (STRONG_EVIDENCE, CORROBORATED) else c for c in head.claims)
        steps[n] = replace(head, claims=claims, label=0, unchecked=tuple(dict.fromkeys((*head.unchecked, LEMMA))))
    return steps


def _summary(audits: list[ClaimAudit], al, text: str) -> list[ClaimAudit]:
    """A step that opens on a summary label before the trace discusses any statement ("Short answer: no. In every
    surviving triple all three numbers are different."): what holds only later is the summary's, a headline."""
    if al.reached > 0 or SUMMARY_LABEL.match(text) is None:
        return audits
    return [dataclasses.replace(c, record=c.record.read_as(HEADLINE)) if c.verdict.verdict == PREMATURE else c
            for c in audits]


# Being sure with no object: "Q拿到黑桃就没法确定，排除", "if Q held spades, he couldn't be sure."
_BARE_SURE = re.compile(r"(?:没法|无法|不能|没办法)(?:确定|断定|肯定)(?=\s*(?:[，,。；;]|$))|"
                        r"(?i:\b(?:can't|cannot|can\s+not|couldn't|could\s+not|wouldn't|would\s+not)\s+be\s+"
                        r"(?:sure|certain)(?=\s*(?:[,.;:]|$)))")


def _weighs_ignorance(puzzle, k: int, f: tuple) -> bool:
    """Whether statement k (the one the step opens on) is the claim's knower's knowledge of another's ignorance ("I
    knew you didn't know")."""
    agent = knower(f[2] if f[0] == "Implies" else f)
    if agent is None or not 0 < k <= len(puzzle.announcements):
        return False
    said = puzzle.announcements[k - 1]
    return said.speaker == agent and knows_others_ignorance(said.said, agent)


def _relation(f: tuple) -> bool:
    """Whether an exclusion removes a relation between two variables ("b ≠ c"): "第一句只排除 b = c，像 a = b 的…还在"
    says which of the equalities it removes, not that it removes nothing else (the sums over 50 go with it too)."""
    f = ("Compare", "=") + f[2:] if f[0] == "Compare" and f[1] == "!=" else f[1] if f[0] == "Not" else f
    return f[0] == "Compare" and f[1] == "=" and f[2][0] == "Var" and f[3][0] == "Var"


def _headline_deferred(steps: list, opening: int, final) -> list:
    """A wrong answer in an opening headline ("**Answer: 5 children are muddy.**") is the conclusion announced ahead
    of the reasoning: when a later step is flagged for a claim of its own (not the same wrong answer again), that
    step is where the reasoning went wrong, and the headline waits for it. With no such step, or when the headline
    says anything else wrong, the headline stays the first error (a right derivation closed by a wrong answer)."""
    if not 0 <= opening < len(steps) or steps[opening].label != -1 or steps[opening].reached > 0 or \
            len(steps[opening].text) > _HEADLINE:
        return steps
    head = steps[opening]
    greeting = _OPENER.match(head.text)
    if _CONCLUSION.match(head.text, greeting.end() if greeting else 0):
        return steps  # "所以，生日是8月15。": a conclusion drawn, not an answer announced ahead

    def naming_final(c) -> bool:
        return c.record.answer is not None and set(c.record.answer) == set(final)

    bad = [c for c in head.claims if c.evidence in (STRONG_EVIDENCE, CORROBORATED)]
    if not bad or not all(naming_final(c) for c in head.claims if c.verdict.verdict in (FALSE, PREMATURE)):
        return steps  # ("**Answer: June 16** — reading it as Ali holding the day number": a premise of its own)
    concluded = None
    if not any(st.label == -1 and not st.wrong_answer and any(
            c.evidence in (STRONG_EVIDENCE, CORROBORATED) and not naming_final(c) for c in st.claims)
               for st in steps[opening + 1:]):
        concluded = next((st.index for st in steps[opening + 1:] if len(st.text) > _ARGUED and any(
            naming_final(c) and c.verdict.verdict in (FALSE, PREMATURE) and c.record.reading not in _NOT_CONCLUDED
            for c in st.claims)), None)
        if concluded is None:
            return steps
    claims = tuple(dataclasses.replace(c, record=c.record.read_as(HEADLINE), evidence="") if c in bad else c
                   for c in head.claims)
    steps = list(steps)
    steps[opening] = replace(head, claims=claims, label=0, wrong_answer=False,
                             unchecked=tuple(dict.fromkeys((*head.unchecked, HEADLINE))))
    if concluded is not None:
        steps[concluded] = replace(steps[concluded], label=-1, wrong_answer=True)
    return steps


_ARGUED = 160  # a step this long that names the wrong answer argues for it ("… so the date is April 17"), unlike a
# bare closing line ("**Answer: April 17**")


_NAMING = frozenset({"quote", "label", "ordinal", "heading", "paraphrase"})  # alignments that name their statement


def _ahead(alignment: list) -> list[int]:
    """For each step, the next stage the trace moves to after it (its own stage when it moves no more): one pass
    from the end, so a trace of 20,000 steps at one stage costs 20,000 steps, not 200 million."""
    out = [a.stage for a in alignment]
    for n in range(len(alignment) - 2, -1, -1):
        here, after = alignment[n].stage, alignment[n + 1].stage
        out[n] = after if after != here else out[n + 1]
    return out


# A supposition's own clause: "If the month were August," (the agents it names hold the supposed value; an agent named
# after it, "Albert would still be choosing among three dates, so Bernard couldn't know", reasons about the case)
_IF_CLAUSE = re.compile(r"[^,，;；:：]*")


def _looks_wrong(c: ClaimAudit) -> bool:
    return c.record.certain and c.verdict.verdict in (FALSE, PREMATURE)


def _weighed(c: ClaimAudit, backed: bool, text: str, recap: bool = False, long: bool = False,
             drawn: frozenset[str] = frozenset()) -> ClaimAudit:
    """The claim with the weight of its false verdict (evidence.py); unchanged when it holds or is uncertain.
    `recap`: the trace has rightly named the answer before this step, so a list of an earlier stage here is a
    recap, not where a wrong final answer came from. `long`: the trace is long, so only the kinds of STRONG_IN_LONG
    weigh alone, and candidate lists drawn in a sentence (`drawn`) from what an agent is rightly said to know or not
    know ("P先生原来不知道，说明点数是重复的，即A或5。")."""
    if not _looks_wrong(c):
        return c
    r = c.record
    informed = r.kind == "hypothetical" and c.verdict.verdict == FALSE and wrong_information(
        r.key.formula, {t.payload for t in tokens(c.lexicon, _IF_CLAUSE.match(r.text).group(0)) if t.kind == "agent"},
        c.lexicon)
    forced = r.kind == "candidates" and c.verdict.verdict == PREMATURE and must_be(text, r.start, r.end)
    alone = (c.anchored and c.verdict.verdict == PREMATURE) or informed or forced or \
        (c.anchored and c.verdict.verdict == FALSE and r.kind == "candidates" and c.verdict.earlier is None) or \
        weighs_alone(r.kind, c.verdict.verdict, c.verdict.earlier, text, r.start, r.end, c.lexicon, r.reading)
    if alone and long:
        alone = EvidenceKind(r.kind, c.verdict.verdict) in STRONG_IN_LONG or r.kind == "candidates" and r.text in drawn \
            or (c.anchored and c.verdict.verdict == PREMATURE) or r.reading == SUM_TEST or forced \
            or (c.verdict.verdict == PREMATURE and says_already(text, r.start, r.end)) \
            or (r.kind, c.verdict.verdict, r.reading) in STRONG_READINGS or informed \
            or (r.kind == "possible" and c.verdict.verdict == FALSE and kept_verdict(r.text))
        # ("At this point the card has to be ♦5" one statement early: in long traces of the tuning split 14 at gold
        # first errors, none before one; "That leaves ♥Q, ♥4, ♦5." one statement early, session 43: 7, none before)
    weight = STRONG_EVIDENCE if alone else \
        CORROBORATED if backed and not ((recap or r.kind in RESTATED_ANYWHERE) and c.verdict.earlier is not None) else \
        UNCORROBORATED
    return dataclasses.replace(c, evidence=weight)


def _step_audit(st, al, audits: list[ClaimAudit], backed: bool, text: str, recap: bool = False,
                long: bool = False) -> "StepAudit":
    """-1 if a claim read with certainty is false or premature and weighs enough (evidence.py: a strong kind, or
    corroborated; in a long trace, a kind that stays strong there); 0 with the reasons when only uncertain readings
    or uncorroborated claims look wrong (or nothing was checked); +1 when checked claims hold."""
    drawn = frozenset(c.record.text for c in audits if c.record.kind == "knowledge" and c.record.reading == KNOWLEDGE
                      and c.verdict.verdict == ENTAILED) if long else frozenset()
    audits = [_weighed(c, backed, text, recap, long, drawn) for c in audits]
    bad = any(c.evidence in (STRONG_EVIDENCE, CORROBORATED) for c in audits)
    unchecked = tuple(dict.fromkeys([c.record.reading for c in audits
                                     if not c.record.certain and c.verdict.verdict in (FALSE, PREMATURE)] +
                                    [f"{UNCORROBORATED} {c.record.reading}" for c in audits
                                     if c.evidence == UNCORROBORATED]))
    checked = any(c.record.certain for c in audits)
    label = -1 if bad else (0 if unchecked or not checked else 1)
    return StepAudit(st.index, st.text, al.stage, al.how, tuple(audits), label, st.start, st.end,
                     al.reached, unchecked, checked)
