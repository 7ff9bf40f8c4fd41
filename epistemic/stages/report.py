"""Terminal text for a solution: each stage, what it removed, who knows, then the answer."""
from __future__ import annotations

from .solve import Solution

SHOW_WORLDS = 24
LINE_WIDTH = 100


def solution_text(sol: Solution, lang: str = "en") -> str:
    p = sol.puzzle
    out = []
    shown = p.agents if len(p.agents) <= 4 else p.agents[:3]
    agents = "; ".join(
        f"{a.name}{' (' + ', '.join(a.display) + ')' if a.display else ''} observes {a.observes_text}" for a in shown
    ) + (f"; … ({len(p.agents)} agents)" if len(p.agents) > len(shown) else "")
    out.append(f"{p.title} — {sol.space.size:,} worlds; {agents}")
    if p.question:
        out.append(f"question: {p.question.source}")
    out.append("")
    width = max([len(_announcement_head(st)) for st in sol.stages] + [10])
    for st in sol.stages:
        head = _announcement_head(st)
        change = _worlds(st.count) if st.index == 0 else f"−{st.removed:,} → {_worlds(st.count)}"
        out.append(f"stage {st.index}  {head.ljust(width)}  {change}")
        pad = " " * (len(f"stage {st.index}  "))
        if st.announcement is not None:
            said = st.announcement.text(lang) or st.announcement.text("en")
            if said:
                out.append(f"{pad}“{said}”")
        if st.count:
            shown = _fit(_examples(sol, st), LINE_WIDTH)
            more = f" … and {st.count - len(shown):,} more" if st.count > len(shown) else ""
            out.append(f"{pad}{' '.join(shown)}{more}")
        if st.knows and p.question:
            out.append(f"{pad}knows {p.question.source}: " + _knows_text(st))
    out.append("")
    out.append(answer_line(sol))
    if p.expected_answer is not None:
        mark = "✓" if sol.answer_matches else "✗"
        out.append(f"expected: {', '.join(_expected(sol))} {mark}")
    if p.expected_stages is not None:
        mark = "✓" if sol.stages_match else "✗"
        out.append(f"expected stages: {' → '.join(str(n) for n in p.expected_stages)} {mark}")
    if p.not_applicable:
        changed = ", ".join(f"{n}={v}" for n, v in p.params if dict(p.param_defaults).get(n) != v)
        written = ", ".join(f"{n}={v}" for n, v in p.param_defaults)
        out.append(f"expected {' and '.join(p.not_applicable)}: not applicable at {changed} (written for {written})")
    for lint in sol.lints:
        where = f"line {lint.line}: " if lint.line else ""
        out.append(f"{lint.level}: {where}{lint.message}")
        if lint.hint:
            out.append(f"  hint: {lint.hint}")
    return "\n".join(out)


def answer_line(sol: Solution) -> str:
    p = sol.puzzle
    if p.question is None:
        return f"{sol.stages[-1].count:,} worlds remain (the puzzle asks no question)"
    texts = sol.answer_text()
    if not texts:
        return f"answer: {p.question.source} — none (no world survives)"
    if len(texts) == 1:
        return f"answer: {p.question.source} = {texts[0]} — unique"
    shown = ", ".join(texts[:12]) + (" …" if len(texts) > 12 else "")
    return f"answer: {p.question.source} — {len(texts)} possible values: {shown}"


def _expected(sol: Solution) -> list[str]:
    from ..worlds.labels import format_answer

    return [format_answer(sol.puzzle, c) for c in sol.puzzle.expected_answer or ()]


def _announcement_head(st) -> str:
    if st.announcement is None:
        return "start"
    a = st.announcement
    rnd = f" (round {a.round})" if a.round else ""
    return f"{a.source}{rnd}"


def _worlds(n: int) -> str:
    return f"{n:,} world" + ("" if n == 1 else "s")


def _examples(sol: Solution, st) -> list[str]:
    """Up to SHOW_WORLDS world labels of the stage; only the first when it fills half the line (a family
    of hundreds of variables), since the line shows no more and listing worlds of a BDD costs."""
    first = sol.worlds(st.index, 1)
    if st.count <= 1 or len(first[0]) * 2 + 1 > LINE_WIDTH:
        return first
    # only about as many as fit on the line (the caller keeps those), more while every one listed fits
    want = min(SHOW_WORLDS, LINE_WIDTH // (len(first[0]) + 1) + 1)
    labels = sol.worlds(st.index, want)
    while len(labels) == want < SHOW_WORLDS and len(_fit(labels, LINE_WIDTH)) == want:
        want = min(SHOW_WORLDS, 2 * want)
        labels = sol.worlds(st.index, want)
    return labels


def _fit(labels: list[str], width: int) -> list[str]:
    """As many world labels as fit on one line (at least one)."""
    out, used = [], 0
    for label in labels:
        if out and used + len(label) + 1 > width:
            break
        out.append(label)
        used += len(label) + 1
    return out


def _knows_text(st, most: int = 8) -> str:
    """'P in 3 of 5 (yes, at the answer), ...' — or only the answer's world for very large stages."""
    parts = []
    for agent, n in st.knows.items():
        at = None if st.knows_actual is None else st.knows_actual[agent]
        if n is None:
            parts.append(f"{agent} {'yes' if at else 'no'}" if at is not None else f"{agent} ?")
            continue
        where = "" if at is None else (" (yes, at the answer)" if at else " (no, at the answer)")
        parts.append(f"{agent} in {n:,} of {st.count:,}{where}")
    text = ", ".join(parts[:most]) + (f", … ({len(parts) - most} more agents)" if len(parts) > most else "")
    if st.knows and all(n is None for n in st.knows.values()):
        text += " — at the answer's world only (too many worlds × agents to count)"
    return text
