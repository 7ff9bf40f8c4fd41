"""Sum and product: two numbers x < y; S is told one operation of them, P another."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...language import syntax as s
from .. import dialogue as d
from ..base import Candidate, bounds, knob_error, pick
from ..screen import build_model

OPS = {
    "sum": ("x + y", lambda x, y: x + y, "sum", "和", "S"),
    "product": ("x * y", lambda x, y: x * y, "product", "积", "P"),
    "difference": ("y - x", lambda x, y: y - x, "difference", "差", "D"),
}
ANSWER = (s.Var("x"), s.Var("y"))  # `pair` or `(x, y)`
VOICE = d.Voice("the numbers", "这两个数", {o[4]: f"Mr. {o[4]}" for o in OPS.values()},
                {o[4]: f"{o[4]}先生" for o in OPS.values()})
PRESETS = {
    "easy": {"low": 1, "high": (6, 9), "pairs": (6, 10), "lines": (2, 3)},
    "medium": {"low": 2, "high": (9, 15), "pairs": (10, 20), "lines": 3},
    "hard": {"low": 2, "high": (15, 30), "pairs": (20, 40), "lines": (3, 5), "ops": ["sum/product", "sum/difference", "product/difference"]},
}
DEFAULTS = {"low": 2, "high": 12, "pairs": 15, "ops": "sum/product", "lines": 3, "dialogue": "random"}


@dataclass(frozen=True)
class SumProduct:
    name: str = "sum_product"
    presets: dict = field(default_factory=lambda: PRESETS, compare=False)  # difficulty -> knob ranges
    defaults: dict = field(default_factory=lambda: DEFAULTS, compare=False)  # its keys are the knobs
    synthesizable: bool = False

    def check(self, knobs: dict) -> None:
        lo = bounds(knobs["low"])[0]
        hi = bounds(knobs["high"])[1]
        ops = knobs["ops"] if isinstance(knobs["ops"], list) else [knobs["ops"]]
        for o in ops:
            a, _, b = str(o).partition("/")
            if a not in OPS or b not in OPS or a == b:
                raise knob_error(self.name, f"ops must name two different operations as A/B from {', '.join(OPS)}; got {o!r}")
        if hi <= lo:
            raise knob_error(self.name, f"high ({hi}) must be above low ({lo})")
        if hi - lo > 60:
            raise knob_error(self.name, "ranges wider than 60 are too slow to screen", "use a smaller --knob high")
        total = (hi - lo + 1) * (hi - lo) // 2
        if knobs["pairs"] != "all" and bounds(knobs["pairs"])[1] > total:
            raise knob_error(self.name, f"cannot choose {bounds(knobs['pairs'])[1]} pairs from the {total} with "
                             f"{lo} <= x < y <= {hi}")
        if knobs["pairs"] != "all" and bounds(knobs["pairs"])[0] < 2:
            raise knob_error(self.name, "a puzzle needs at least 2 pairs")

    def sample(self, rng, knobs: dict) -> Candidate:
        lo, hi = pick(rng, knobs["low"]), pick(rng, knobs["high"])
        a, _, b = str(pick(rng, knobs["ops"])).partition("/")
        everything = [(x, y) for x in range(lo, hi + 1) for y in range(x + 1, hi + 1)]
        full = knobs["pairs"] == "all"
        pairs = everything if full else sorted(rng.sample(everything, min(pick(rng, knobs["pairs"]), len(everything))))
        na, nb = OPS[a][4], OPS[b][4]
        lines = d.sample_dialogue(rng, (na, nb), VOICE, ANSWER, pick(rng, knobs["lines"]), pick(rng, knobs["dialogue"]))
        return self.candidate(pairs, lines, (a, b), (lo, hi) if full else None)

    def candidate(self, pairs, lines, ops=("sum", "product"), full_range=None) -> Candidate:
        a, b = ops
        keys = {OPS[a][4]: [OPS[a][1](x, y) for x, y in pairs], OPS[b][4]: [OPS[b][1](x, y) for x, y in pairs]}
        model = build_model(keys, answer=ANSWER)
        question = "(x, y)" if full_range else "pair"
        return Candidate(self.name, model, lines, question, {}, lambda: self.header(pairs, ops, full_range),
                         lambda i: f"({pairs[i][0]}, {pairs[i][1]})",
                         ask=("What are x and y?", "x和y分别是多少？"))

    def header(self, pairs, ops, full_range) -> str:
        (a_src, _, a_en, a_zh, na), (b_src, _, b_en, b_zh, nb) = OPS[ops[0]], OPS[ops[1]]
        if full_range:
            lo, hi = full_range
            en_worlds = f"Two integers x and y are chosen with {lo} ≤ x < y ≤ {hi}."
            zh_worlds = f"选定两个整数x和y，满足{lo} ≤ x < y ≤ {hi}。"
        else:
            en_worlds = f"Two integers x < y are chosen; there are {len(pairs)} possible pairs."
            zh_worlds = f"选定两个整数x < y，共有{len(pairs)}种可能的组合。"
        out = [f'en: "{en_worlds} Mr. {na} is told their {a_en} ({a_src}) and Mr. {nb} their {b_en} ({b_src})."',
               f'zh: "{zh_worlds}把它们的{a_zh}（{a_src}）告诉{na}先生，把它们的{b_zh}（{b_src}）告诉{nb}先生。"', ""]
        if full_range:
            lo, hi = full_range
            out += [f"var x in {lo}..{hi}", f"var y in {lo}..{hi}", "where x < y"]
        else:
            out.append("worlds pair(x, y):")
            for x in sorted({p[0] for p in pairs}):
                out.append(f"  {x}: " + " ".join(str(y) for xx, y in pairs if xx == x))
        out += ["", f'agent {na} ({na}先生, "Mr. {na}") observes {a_src}',
                f'agent {nb} ({nb}先生, "Mr. {nb}") observes {b_src}']
        return "\n".join(out)
