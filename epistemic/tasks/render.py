"""Natural-language statement of any puzzle (English or Chinese), with the answer format the scorer reads.

Generated and hand-written puzzles carry `en:`/`zh:` texts for the setting, each announcement and the
question; whatever is missing is described from the puzzle itself (its table, variables, agents and
formulas), so every puzzle renders.
"""
from __future__ import annotations


from ..language import syntax as s
from .items import puzzle_of
from ..language.printer import formula_source, term_source
from ..worlds.labels import value_text

LANGS = ("en", "zh")
WORDS = {
    "en": {"worlds": "The possibilities are:", "dialogue": "Then the following conversation takes place:",
           "public": "Announcement", "question": "Question:", "told": "{agent} is told {what}.",
           "nothing": "{agent} is told nothing.", "say": "{agent}: {text}",
           "format": "Reason step by step. Give your final answer on the last line as `Answer: {form}` "
                     "(or inside <answer></answer>).",
           "which": "What is {q}?", "var": "{name} is one of {values}.", "range": "{name} is an integer from {lo} to {hi}.",
           "where": "It is known that {cond}.", "sep": "; ", "list": ", "},
    "zh": {"worlds": "所有可能的情况是：", "dialogue": "于是，有如下的对话：", "public": "公开宣布",
           "question": "请问：", "told": "{agent}被告知{what}。", "nothing": "{agent}什么也没有被告知。",
           "say": "{agent}：{text}",
           "format": "请一步一步推理，并在最后一行按照“答案：{form}”的格式给出最终答案（也可以写在<answer></answer>中）。",
           "which": "{q}是什么？", "var": "{name}是{values}之一。", "range": "{name}是{lo}到{hi}之间的整数。",
           "where": "已知{cond}。", "sep": "；", "list": "、"},
}


def render_prompt(puzzle, lang: str = "en") -> str:
    """The puzzle as a natural-language problem statement in `lang` ('en' or 'zh')."""
    if lang not in LANGS:
        from ..errors import EpistemicError

        raise EpistemicError(f"unknown language {lang!r}", hint="use en or zh")
    p = puzzle_of(puzzle)
    w = WORDS[lang]
    parts = []
    intro = p.text(lang) or p.text("en")
    if intro:
        parts.append(intro)
    listing = worlds_text(p, lang)
    if listing:
        parts.append(listing)
    if not intro:
        parts.extend(_told(p, a, lang) for a in p.agents)
    if p.announcements:
        parts.append(w["dialogue"])
        parts.append("\n".join(announcement_text(p, a, lang) for a in p.announcements))
    parts.append(w["question"] + ("" if lang == "zh" else " ") + question_text(p, lang))
    parts.append(w["format"].format(form=answer_form(p, lang)))
    return "\n\n".join(part for part in parts if part)


def display_name(agent: s.Agent, lang: str) -> str:
    """How an agent is named in a language: its display alias of that script, else its name."""
    for alias in agent.display:
        if _is_zh(alias) == (lang == "zh"):
            if "[" in agent.name and alias.isalpha():
                index = agent.name[agent.name.index("[") + 1 : -1]
                return f"{alias} {index}" if lang == "en" else f"{alias}{index}"
            return alias
    return agent.name


def _is_zh(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def worlds_text(p: s.Puzzle, lang: str) -> str:
    """The world table grouped by its first column, or the variables' domains and constraints."""
    w = WORDS[lang]
    if p.table_columns:
        cols = [p.variable(c) for c in p.table_columns]
        groups: dict[int, list[str]] = {}
        for row in p.table_rows:
            rest = [value_text(v, c, "zh" if lang == "zh" else "name") for v, c in zip(cols[1:], row[1:])]
            groups.setdefault(row[0], []).append(rest[0] if len(rest) == 1 else "(" + ", ".join(rest) + ")")
        lines = []
        for code, items in groups.items():
            head = value_text(cols[0], code, "zh" if lang == "zh" else "name")
            glued = lang == "zh" and _is_zh(head) and items[0][:1].isascii()
            lines.append(f"{head}{'' if glued else (': ' if lang == 'en' else '：')}{w['list'].join(items)}")
        return w["worlds"] + "\n" + "\n".join(lines)
    if p.text(lang) or p.text("en"):
        return ""
    out = []
    for var in p.variables:
        if var.sort == "bool":
            continue
        if var.numeric and len(var.values) > 6:
            out.append(w["range"].format(name=var.name, lo=var.values[0].number, hi=var.values[-1].number))
        else:
            out.append(w["var"].format(name=var.name, values=w["list"].join(v.name for v in var.values)))
    for f in p.constraints:
        out.append(w["where"].format(cond=formula_source(f, p)))
    return " ".join(out)


def _told(p: s.Puzzle, agent: s.Agent, lang: str) -> str:
    w = WORDS[lang]
    name = display_name(agent, lang)
    if not agent.observes:
        return w["nothing"].format(agent=name)
    what = w["list"].join(term_source(t, p) for t in agent.observes)
    return w["told"].format(agent=name, what=what)


def announcement_text(p: s.Puzzle, a: s.Announcement, lang: str) -> str:
    """One line of the dialogue: the speaker and what is said (the puzzle's text, else the formula)."""
    w = WORDS[lang]
    text = a.text(lang) or a.text("en") or _formula_words(p, a.said, a.speaker, lang)
    if a.speaker is None and _has_speaker(text):
        return text
    who = display_name(p.agent(a.speaker), lang) if a.speaker else w["public"]
    return w["say"].format(agent=who, text=text)


def _has_speaker(text: str) -> bool:
    """Public texts that already name who speaks ("Father: ...", "父亲：...")."""
    head = text[:12]
    return "：" in head or ": " in head


def _formula_words(p: s.Puzzle, f: s.Formula, speaker: str | None, lang: str) -> str:
    """A plain reading of common statements ("I don't know the card"), else the formula itself."""
    q = p.question.source if p.question else "it"
    me = speaker
    if isinstance(f, s.Knows) and f.kind == "agent" and f.mode == "value" and f.agents[0] == me:
        return f"I know {q}." if lang == "en" else f"我知道{q}了。"
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows) and f.body.kind == "agent" and f.body.mode == "value" \
            and f.body.agents[0] == me:
        return f"I don't know {q}." if lang == "en" else f"我不知道{q}。"
    return formula_source(f, p)


def question_text(p: s.Puzzle, lang: str) -> str:
    if p.question is None:
        return ""
    text = p.question.texts and dict(p.question.texts).get(lang)
    return text or WORDS[lang]["which"].format(q=p.question.source)


def answer_form(p: s.Puzzle, lang: str = "en") -> str:
    """The answer's shape with placeholders: `<suit> <rank>`, `(<x>, <y>)`."""
    if p.question is None:
        return "<answer>"
    names = [term_source(t, p) for t in p.question.terms]
    if all(isinstance(t, s.Var) and p.variable(t.name).sort == "bool" for t in p.question.terms):
        return "<the numbers of those for whom it is true, e.g. 1, 3>" if lang == "en" else "<符合条件者的编号，例如 1, 3>"
    if len(names) == 1:
        return f"<{names[0]}>" if isinstance(p.question.terms[0], s.Var) else ("<number>" if lang == "en" else "<数>")
    if all(isinstance(t, s.Var) and p.variable(t.name).numeric for t in p.question.terms):
        return "(" + ", ".join(f"<{n}>" for n in names) + ")"
    return " ".join(f"<{n}>" for n in names)
