"""Generic: a random table of attributes; each of 2-3 agents is told one attribute of the chosen row."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...language import syntax as s
from .. import dialogue as d
from ..base import Candidate, bounds, knob_error, pick, require_within
from ..screen import build_model

ATTRIBUTES = {
    "color": (("red", "红"), ("blue", "蓝"), ("green", "绿"), ("yellow", "黄"), ("white", "白"), ("black", "黑"),
              ("purple", "紫")),
    "animal": (("cat", "猫"), ("dog", "狗"), ("fox", "狐狸"), ("owl", "猫头鹰"), ("horse", "马"), ("rabbit", "兔子"),
               ("tiger", "老虎")),
    "city": (("Paris", "巴黎"), ("Rome", "罗马"), ("Tokyo", "东京"), ("Cairo", "开罗"), ("Lima", "利马"),
             ("Oslo", "奥斯陆"), ("Seoul", "首尔")),
    "fruit": (("apple", "苹果"), ("pear", "梨"), ("plum", "李子"), ("grape", "葡萄"), ("mango", "芒果"),
              ("cherry", "樱桃"), ("lemon", "柠檬")),
}
ZH_ATTR = {"color": "颜色", "animal": "动物", "city": "城市", "fruit": "水果"}
AGENTS = (("Alice", "爱丽丝"), ("Bob", "鲍勃"), ("Carol", "卡罗尔"))
@lru_cache(maxsize=None)
def answer_terms(cols: tuple[str, ...]) -> tuple[s.Term, ...]:
    """The terms of `item`: its columns (one tuple object per column set, so the screen compares by identity)."""
    return tuple(s.Var(c) for c in cols)


VOICE = d.Voice("the item", "这件东西", {a[0]: a[0] for a in AGENTS}, {a[0]: a[1] for a in AGENTS})
PRESETS = {
    "easy": {"rows": (5, 7), "columns": 2, "values": 3, "agents": 2, "lines": (2, 3)},
    "medium": {"rows": (8, 12), "columns": (2, 3), "values": (4, 5), "agents": (2, 3), "lines": 3},
    "hard": {"rows": (12, 20), "columns": 3, "values": (5, 7), "agents": 3, "lines": (4, 5)},
}
DEFAULTS = {"rows": 10, "columns": 2, "values": 4, "agents": 2, "lines": 3, "dialogue": "random"}


@dataclass(frozen=True)
class Generic:
    name: str = "generic"
    presets: dict = field(default_factory=lambda: PRESETS, compare=False)  # difficulty -> knob ranges
    defaults: dict = field(default_factory=lambda: DEFAULTS, compare=False)  # its keys are the knobs
    synthesizable: bool = False

    def check(self, knobs: dict) -> None:
        c_hi = bounds(knobs["columns"])[1]
        a_hi = bounds(knobs["agents"])[1]
        v_hi = bounds(knobs["values"])[1]
        r_lo, r_hi = bounds(knobs["rows"])
        require_within(self.name, knobs, {"columns": (2, 3), "agents": (2, 3), "values": (2, 7)})
        if a_hi > c_hi:
            raise knob_error(self.name, f"{a_hi} agents need at least {a_hi} columns (one told to each)")
        if r_lo < 2 or r_hi > v_hi ** c_hi:
            raise knob_error(self.name, f"cannot choose {r_hi} distinct rows with {v_hi} values in each of "
                             f"{c_hi} columns", "lower rows or raise values/columns")

    def sample(self, rng, knobs: dict) -> Candidate:
        n_agents = pick(rng, knobs["agents"])
        n_cols = max(pick(rng, knobs["columns"]), n_agents)
        cols = tuple(sorted(rng.sample(sorted(ATTRIBUTES), n_cols)))
        n_vals = pick(rng, knobs["values"])
        domains = [sorted(rng.sample(range(len(ATTRIBUTES[c])), n_vals)) for c in cols]
        rows: set[tuple[int, ...]] = set()
        want = min(pick(rng, knobs["rows"]), n_vals ** n_cols)
        while len(rows) < want:
            rows.add(tuple(rng.choice(dom) for dom in domains))
        table = sorted(rows)
        told = tuple(rng.sample(range(n_cols), n_agents))
        names = tuple(a[0] for a in AGENTS[:n_agents])
        lines = d.sample_dialogue(rng, names, VOICE, answer_terms(cols), pick(rng, knobs["lines"]),
                                  pick(rng, knobs["dialogue"]))
        return self.candidate(cols, table, told, lines)

    def candidate(self, cols, table, told, lines) -> Candidate:
        keys = {AGENTS[a][0]: [row[c] for row in table] for a, c in enumerate(told)}
        model = build_model(keys, answer=answer_terms(cols))

        def answer(i: int) -> str:
            return "(" + ", ".join(ATTRIBUTES[c][v][0] for c, v in zip(cols, table[i])) + ")"

        return Candidate(self.name, model, lines, "item", {}, lambda: self.header(cols, table, told), answer,
                         ask=("Which item is it?", "这件东西是哪一件？"), agents=len(told))

    def header(self, cols, table, told) -> str:
        n = len(table)
        tell_en = ", ".join(f"{AGENTS[a][0]} its {cols[c]}" for a, c in enumerate(told))
        tell_zh = "，".join(f"把它的{ZH_ATTR[cols[c]]}告诉{AGENTS[a][1]}" for a, c in enumerate(told))
        out = [f'en: "There are {n} items, each described by its {", ".join(cols)}. One of them is chosen; '
               f'the host tells {tell_en}."',
               f'zh: "有{n}件东西，每件都有{"、".join(ZH_ATTR[c] for c in cols)}。主持人选中其中一件，{tell_zh}。"', ""]
        for j, c in enumerate(cols):
            used = sorted({row[j] for row in table})
            out.append(f"values {c}: " + ", ".join(f"{ATTRIBUTES[c][v][0]} ({ATTRIBUTES[c][v][1]})" for v in used))
        out.append(f"worlds item({', '.join(cols)}):")
        for v in sorted({row[0] for row in table}):
            rest = [row[1:] for row in table if row[0] == v]
            if len(cols) == 2:
                entries = " ".join(ATTRIBUTES[cols[1]][r[0]][0] for r in rest)
            else:
                entries = " ".join("(" + ", ".join(ATTRIBUTES[cols[k + 1]][x][0] for k, x in enumerate(r)) + ")"
                                   for r in rest)
            out.append(f"  {ATTRIBUTES[cols[0]][v][0]}: {entries}")
        out.append("")
        for a, c in enumerate(told):
            out.append(f"agent {AGENTS[a][0]} ({AGENTS[a][1]}) observes {cols[c]}")
        return "\n".join(out)
