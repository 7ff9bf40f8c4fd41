"""A correct step-by-step reasoning trace written from the solver's stages (English or Chinese).

It is the reference solution and the auditor's self-check: every step states something checkable
(a candidate set, an exclusion, a hypothetical, a knowledge claim or an inline formula) that holds
at the stage the step is about, so the auditor must label every step +1.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..language import syntax as s
from ..language.printer import formula_source
from ..stages.solve import Solution
from .lexicon import ATTRIBUTE_WORDS

MAX_LIST = 8
MAX_WORLDS_SHOWN = 12


@dataclass(frozen=True)
class ExplainStep:
    text: str
    stage: int
    role: str  # intro, announcement, consequence, answer


@dataclass(frozen=True)
class Explanation:
    steps: tuple[ExplainStep, ...]
    lang: str

    @property
    def text(self) -> str:
        return "\n\n".join(st.text for st in self.steps) + "\n"


def join_values(items: list[str], lang: str, word: str = "or") -> str:
    if not items:  # an announcement removed every world: nothing is left to name
        return "无" if lang == "zh" else "nothing"
    if lang == "zh":
        conj = "或" if word == "or" else "和"
        return items[0] if len(items) == 1 else "、".join(items[:-1]) + conj + items[-1]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def attr_word(var: s.Variable, lang: str) -> str:
    if lang == "zh":
        return ATTRIBUTE_WORDS.get(var.name, (var.name,))[0]
    return "the " + var.name


def value_word(var: s.Variable, code: int, lang: str) -> str:
    value = var.value_of(code)
    if lang == "zh":
        return value.alias_of_kind("zh") or value.name
    return value.name


def agent_word(puzzle: s.Puzzle, name: str, lang: str) -> str:
    agent = puzzle.agent(name)
    for d in agent.display:
        is_zh = any("\u3400" <= ch <= "\u9fff" for ch in d)
        if is_zh == (lang == "zh"):
            return d
    return name


def question_word(puzzle: s.Puzzle, lang: str) -> str | None:
    q = puzzle.question
    if q is None or not all(isinstance(t, s.Var) and "[" not in t.name for t in q.terms):
        return None
    names = tuple(t.name for t in q.terms)
    qname = next((n for n, cols in puzzle.names if cols == names), None)
    if qname:
        return ATTRIBUTE_WORDS.get(qname, (qname,))[0] if lang == "zh" else "the " + qname
    if len(names) == 1:
        return attr_word(puzzle.variable(names[0]), lang)
    return "这两个数" if lang == "zh" else "the numbers"


def answer_words(puzzle: s.Puzzle, codes: tuple[int, ...], lang: str) -> str:
    """An answer tuple written so the auditor's lexicon reads it back: 方块5, 5 of diamonds, July 16, (4, 13)."""
    q = puzzle.question
    vars_ = [puzzle.variable(t.name) for t in q.terms]
    if all(v.numeric for v in vars_) and len(vars_) > 1:
        return "(" + ", ".join(str(c) for c in codes) + ")"
    if len(vars_) == 1:
        return value_word(vars_[0], codes[0], lang)
    words = [value_word(v, c, lang) for v, c in zip(vars_, codes)]
    if lang == "zh":
        return "".join(words)
    if q.template and "{rank} of {suit}" in q.template:
        return f"{words[1]} of {words[0]}"
    return " ".join(words)


def _plain_vars(puzzle: s.Puzzle) -> list[s.Variable]:
    return [v for v in puzzle.variables if v.sort != "bool" and "[" not in v.name]


def _values_at(sol: Solution, var: s.Variable, stage: int) -> list[int]:
    col = sol.space.columns[var.name][sol.stages[stage].mask]
    present = set(np.unique(col).tolist())
    return [c for c in var.codes if c in present]


def _said_sentence(puzzle: s.Puzzle, ann: s.Announcement, lang: str, qword: str | None) -> str:
    f = ann.said
    who = agent_word(puzzle, ann.speaker, lang) if ann.speaker else None
    q_terms = puzzle.question.terms if puzzle.question else None

    def knows_q(g) -> str | None:
        if isinstance(g, s.Knows) and g.kind == "agent" and g.mode == "value" and g.body == q_terms and qword:
            return g.agents[0]
        return None

    if who and qword:
        if isinstance(f, s.Not) and knows_q(f.body) == ann.speaker:
            return f"也就是说，{who}不知道{qword}。" if lang == "zh" else f"So {who} does not know {qword}."
        if knows_q(f) == ann.speaker:
            return f"也就是说，{who}现在知道{qword}了。" if lang == "zh" else f"So {who} now knows {qword}."
        if (isinstance(f, s.Past) and isinstance(f.body, s.Knows) and f.body.mode == "that"
                and f.body.agents == (ann.speaker,) and isinstance(f.body.body, s.Not)
                and knows_q(f.body.body.body)):
            other = agent_word(puzzle, knows_q(f.body.body.body), lang)
            if lang == "zh":
                return f"也就是说，{who}原来就知道{other}不知道{qword}。"
            return f"So {who} knew before anyone spoke that {other} did not know {qword}."
    src = formula_source(f, puzzle)
    return f"用谜题语言写：`{src}`。" if lang == "zh" else f"In the puzzle language: `{src}`."


def explain(solution: Solution, lang: str = "en") -> Explanation:
    """The reference trace: one announcement step and one consequence step per announcement, then the answer."""
    p = solution.puzzle
    zh = lang == "zh"
    qword = question_word(p, lang)
    steps: list[ExplainStep] = []
    intro = _intro(solution, lang)
    if intro:
        steps.append(ExplainStep(intro, 0, "intro"))
    for k in range(1, len(solution.stages)):
        ann = solution.stages[k].announcement
        quote = ann.text(lang) or ann.text("en") or ann.source
        if ann.speaker:
            who = agent_word(p, ann.speaker, lang)
            head = f"{who}说：“{quote}”" if zh else f"{who} says: “{quote}”"
        else:
            head = f"宣布：“{quote}”" if zh else f"It is announced: “{quote}”"
        steps.append(ExplainStep(head + " " + _said_sentence(p, ann, lang, qword), k, "announcement"))
        body, checkable = _consequences(solution, k, lang, qword)
        if checkable:
            steps.append(ExplainStep(body, k, "consequence"))
        else:
            last = steps[-1]
            steps[-1] = ExplainStep(last.text + " " + body, k, "announcement")
    if solution.answer and qword:
        words = [answer_words(p, a, lang) for a in solution.answer]
        ans = join_values(words, lang)
        if zh:
            steps.append(ExplainStep(f"所以，{qword}是{ans}。", len(solution.stages) - 1, "answer"))
            steps.append(ExplainStep(f"最终答案：{ans}", len(solution.stages) - 1, "answer"))
        else:
            steps.append(ExplainStep(f"Therefore {qword} is {ans}.", len(solution.stages) - 1, "answer"))
            steps.append(ExplainStep(f"Final answer: {ans}", len(solution.stages) - 1, "answer"))
    elif len(solution.answer) == 1 and p.question is not None and len(p.question.terms) == 1:
        value = _term_value_source(p, p.question.terms[0], solution.answer[0][0])
        src = f"{p.question.source} = {value}"
        steps.append(ExplainStep(f"最终答案：`{src}`" if zh else f"Final answer: `{src}`",
                                 len(solution.stages) - 1, "answer"))
    return Explanation(tuple(steps), lang)


def _term_value_source(p: s.Puzzle, term: s.Term, code: int) -> str:
    if isinstance(term, s.Var):
        var = p.variable(term.name)
        if not var.numeric and var.sort != "bool":
            return var.value_of(code).name
    return str(code)


def _intro(sol: Solution, lang: str) -> str:
    p = sol.puzzle
    zh = lang == "zh"
    n = sol.stages[0].count
    parts = [f"一开始共有{n}种可能。" if zh else f"At the start there are {n} possible worlds."]
    if p.table_columns and len(p.table_columns) == 2:
        first, second = (p.variable(c) for c in p.table_columns)
        col1, col2 = sol.space.columns[first.name], sol.space.columns[second.name]
        for code in first.codes:
            vals = [int(x) for x in col2[col1 == code]]
            if not vals or len(vals) > MAX_LIST * 2:
                continue
            items = [value_word(second, c, lang) for c in dict.fromkeys(vals)]
            head = value_word(first, code, lang)
            parts.append(f"{head}：{'、'.join(items)}。" if zh else f"{head}: {join_values(items, lang, 'and')}.")
    return "\n".join(parts) if len(parts) > 1 else ""


def _consequences(sol: Solution, k: int, lang: str, qword: str | None) -> str:
    p = sol.puzzle
    zh = lang == "zh"
    st = sol.stages[k]
    out = []
    removed = int(sol.stages[k - 1].count - st.count)
    out.append(f"这排除了{removed}种可能，还剩{st.count}种。" if zh else
               f"This rules out {removed} worlds; {st.count} remain.")
    if qword and 1 < st.count <= MAX_WORLDS_SHOWN and len(p.question.terms) > 1:
        from ..stages.solve import answer_values

        kept = join_values([answer_words(p, a, lang) for a in answer_values(sol.space, st.mask, p.question.terms)], lang)
        out.append(f"所以{qword}只能是{kept}。" if zh else f"So {qword} is one of {kept}.")
    ann = st.announcement
    observed = _observed_var(p, ann.speaker) if ann.speaker else None
    for var in _plain_vars(p):
        before, now = _values_at(sol, var, k - 1), _values_at(sol, var, k)
        gone = [c for c in before if c not in now]
        if not gone:
            continue
        if len(now) <= MAX_LIST:
            items = join_values([value_word(var, c, lang) for c in now], lang)
            out.append(f"所以{attr_word(var, lang)}只能是{items}。" if zh else
                       f"So {attr_word(var, lang)} can only be {items}.")
        if len(gone) <= MAX_LIST:
            items = join_values([value_word(var, c, lang) for c in gone], lang)
            out.append(f"{attr_word(var, lang)}不能是{items}。" if zh else
                       f"{attr_word(var, lang).capitalize()} cannot be {items}.")
        if observed is var and qword and len(gone) <= 3 and _simple_knowledge(p, ann) is not None:
            positive = _simple_knowledge(p, ann)
            who = agent_word(p, ann.speaker, lang)
            for c in gone:
                v = value_word(var, c, lang)
                if zh:
                    verb = "就会知道" if not positive else "就不会知道"
                    out.append(f"如果{attr_word(var, lang)}是{v}，{who}{verb}{qword}。")
                else:
                    verb = "would know" if not positive else "would not know"
                    out.append(f"If {attr_word(var, lang)} were {v}, {who} {verb} {qword}.")
    out.extend(_knowledge_status(sol, k, lang, qword))
    return (" ".join(out) if not zh else "".join(out)), len(out) > 1


def _observed_var(p: s.Puzzle, agent: str) -> s.Variable | None:
    obs = p.agent(agent).observes
    if len(obs) == 1 and isinstance(obs[0], s.Var) and "[" not in obs[0].name:
        return p.variable(obs[0].name)
    return None


def _simple_knowledge(p: s.Puzzle, ann: s.Announcement) -> bool | None:
    """True for `a knows q`, False for `not a knows q` (a = the speaker), else None."""
    q = p.question.terms if p.question else None
    f = ann.said
    neg = isinstance(f, s.Not)
    g = f.body if neg else f
    if isinstance(g, s.Knows) and g.mode == "value" and g.body == q and g.agents == (ann.speaker,):
        return not neg
    return None


def _knowledge_status(sol: Solution, k: int, lang: str, qword: str | None) -> list[str]:
    from ..engines.base import get_engine

    p = sol.puzzle
    if qword is None:
        return []
    eng = get_engine("explicit")
    live = sol.stages[k].mask
    out = []
    for agent in p.agents:
        f = s.Knows("agent", (agent.name,), "value", p.question.terms)
        where = eng.evaluate(sol.space, sol.history(k), f)
        who = agent_word(p, agent.name, lang)
        if where[live].all():
            out.append(f"现在{who}知道{qword}。" if lang == "zh" else f"Now {who} knows {qword}.")
        elif not where[live].any():
            out.append(f"{who}还不知道{qword}。" if lang == "zh" else f"{who} does not know {qword} yet.")
    return out
