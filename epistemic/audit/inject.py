"""Evaluation data without a model: reference traces from `explain` with one labelled error injected.

Error kinds: wrong_exclusion ("the rank cannot be 5"), premature (a later stage's conclusion stated
early), wrong_answer (a wrong final answer), false_knowledge ("Now Mr. Q knows the card" when he
does not). Every injected formula is checked against the solver before it is used, so the gold
label (the index of the first wrong step, ProcessBench style) is right by construction.
"""
from __future__ import annotations

import random
from dataclasses import asdict, dataclass


from .claims import Claim
from .judge import Judge
from .explain import (Explanation, ExplainStep, agent_word, answer_words, attr_word, explain, join_values,
                      question_word, value_word, _plain_vars, _term_value_source, _values_at)
from ..language import syntax as s
from ..stages.solve import Solution, answer_values

KINDS = ("wrong_exclusion", "premature", "wrong_answer", "false_knowledge")


@dataclass(frozen=True)
class Injected:
    """One evaluation trace: its text, the gold first-error step (-1: correct) and what was injected."""

    puzzle: str
    lang: str
    kind: str
    text: str
    label: int
    steps: int
    final_answer_correct: bool
    sentence: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _wrong(judge: Judge, claim: Claim, stage: int) -> bool:
    """Neither entailed at the stage nor when its announcement was made."""
    return not any(judge.holds(claim, stage, b) for b in range(min(1, stage) + 1))


def _join(text: str, sentence: str, lang: str) -> str:
    return text + ("" if lang == "zh" else " ") + sentence


def _candidates(sol: Solution, judge: Judge, step: ExplainStep, kind: str, lang: str, rng: random.Random):
    """Sentences of one error kind that are wrong at the step's stage (sentence, claim) — may be empty."""
    p, k, zh = sol.puzzle, step.stage, lang == "zh"
    qword = question_word(p, lang)
    last = len(sol.stages) - 1
    out: list[str] = []
    if kind == "wrong_exclusion":
        for var in _plain_vars(p):
            final = _values_at(sol, var, last)
            for c in _values_at(sol, var, k):
                if c not in final and rng.random() < 0.5:
                    continue
                claim = Claim("exclusion", s.Compare("!=", s.Var(var.name), s.Const(c)))
                if _wrong(judge, claim, k):
                    a, v = attr_word(var, lang), value_word(var, c, lang)
                    out.append(rng.choice([f"{a}不能是{v}。", f"所以{a}不是{v}。"] if zh else
                                          [f"{a.capitalize()} cannot be {v}.", f"So {a} is not {v}."]))
    elif kind == "premature" and k < last:
        for var in _plain_vars(p):
            later = next((_values_at(sol, var, j) for j in range(k + 1, last + 1)
                          if _values_at(sol, var, j) != _values_at(sol, var, k)), None)
            if later and len(later) <= 8:
                claim = Claim("candidates", s.Member(s.Var(var.name), tuple(sorted(later))),
                              tuple(s.Compare("=", s.Var(var.name), s.Const(c)) for c in later))
                if _wrong(judge, claim, k):
                    items = join_values([value_word(var, c, lang) for c in later], lang)
                    out.append(f"所以{attr_word(var, lang)}只能是{items}。" if zh else
                               f"So {attr_word(var, lang)} can only be {items}.")
        if qword and sol.answer and len(answer_values(sol.space, sol.stages[k].mask, p.question.terms)) > 1:
            ans = join_values([answer_words(p, a, lang) for a in sol.answer], lang)
            out.append(f"所以{qword}是{ans}。" if zh else f"So {qword} is {ans}.")
    elif kind == "false_knowledge" and qword:
        for agent in p.agents:
            knows = s.Knows("agent", (agent.name,), "value", p.question.terms)
            who = agent_word(p, agent.name, lang)
            if _wrong(judge, Claim("knowledge", knows), k):
                out.append(f"现在{who}知道{qword}了。" if zh else f"Now {who} knows {qword}.")
            if _wrong(judge, Claim("knowledge", s.Not(knows)), k):
                out.append(f"{who}还不知道{qword}。" if zh else f"{who} does not know {qword} yet.")
    return out


def inject(sol: Solution, exp: Explanation, kind: str, step: int, rng: random.Random,
           separate: bool = False) -> Injected | None:
    """One error of `kind` at step `step` (appended to it, or as a new step after it); None if impossible."""
    judge = Judge.build(sol)
    steps = [st.text for st in exp.steps]
    title = sol.puzzle.file or sol.puzzle.title
    if kind == "wrong_answer":
        return _wrong_answer(sol, exp, rng)
    options = _candidates(sol, judge, exp.steps[step], kind, exp.lang, rng)
    if not options:
        return None
    sentence = rng.choice(options)
    if separate:
        steps.insert(step + 1, sentence)
        label = step + 1
    else:
        steps[step] = _join(steps[step], sentence, exp.lang)
        label = step
    return Injected(title, exp.lang, kind, "\n\n".join(steps) + "\n", label, len(steps), True, sentence)


def _wrong_answer(sol: Solution, exp: Explanation, rng: random.Random) -> Injected | None:
    p = sol.puzzle
    answer_steps = [i for i, st in enumerate(exp.steps) if st.role == "answer"]
    if not answer_steps or p.question is None or not sol.answer:
        return None
    others = [a for j in range(len(sol.stages) - 2, -1, -1)
              for a in answer_values(sol.space, sol.stages[j].mask, p.question.terms) if a not in sol.answer]
    if not others:
        return None
    wrong = rng.choice(others[:6])
    right_words = [answer_words(p, a, exp.lang) for a in sol.answer] if question_word(p, exp.lang) else None
    steps = [st.text for st in exp.steps]
    for i in answer_steps:
        if right_words:
            steps[i] = steps[i].replace(join_values(right_words, exp.lang), answer_words(p, wrong, exp.lang))
        else:
            term = p.question.terms[0]
            old = _term_value_source(p, term, sol.answer[0][0])
            new = _term_value_source(p, term, wrong[0])
            steps[i] = steps[i].replace(f"= {old}`", f"= {new}`")
    return Injected(p.file or p.title, exp.lang, "wrong_answer", "\n\n".join(steps) + "\n", answer_steps[0],
                    len(steps), False, steps[answer_steps[0]])


def correct_variant(sol: Solution, exp: Explanation, rng: random.Random) -> Injected:
    """A correct trace: the reference with some consequence steps left out (still all true)."""
    keep = [st.text for st in exp.steps if st.role != "consequence" or rng.random() < 0.6]
    p = sol.puzzle
    return Injected(p.file or p.title, exp.lang, "none", "\n\n".join(keep) + "\n", -1, len(keep), True)


def dataset(sol: Solution, seed: int = 0, langs: tuple[str, ...] = ("en", "zh"), per_kind: int = 6,
            correct: int = 6) -> list[Injected]:
    """Labelled traces for one solved puzzle: `correct` correct ones and up to `per_kind` per error kind."""
    rng = random.Random(seed)
    out: list[Injected] = []
    for lang in langs:
        exp = explain(sol, lang)
        for _ in range(correct):
            out.append(correct_variant(sol, exp, rng))
        seen = {item.text for item in out}
        for _ in range(max(1, per_kind // 2)):
            item = _wrong_answer(sol, exp, rng)
            if item is not None and item.text not in seen:
                seen.add(item.text)
                out.append(item)
        for kind in KINDS[:2] + KINDS[3:]:
            made = 0
            positions = list(range(len(exp.steps)))
            rng.shuffle(positions)
            for i in positions * 2:
                if made >= per_kind:
                    break
                item = inject(sol, exp, kind, i, rng, separate=rng.random() < 0.3)
                if item is not None and item.text not in seen:
                    seen.add(item.text)
                    out.append(item)
                    made += 1
    return out
