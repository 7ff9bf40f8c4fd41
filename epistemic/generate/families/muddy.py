"""Muddy children (or hats): n children, k of them muddy; each sees the others but not themselves."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from types import MappingProxyType
from typing import Mapping

from ...language import syntax as s
from .. import dialogue as d
from ..base import Candidate, bounds, knob_error, pick, require_within
from ..screen import build_model

STORIES = {
    "muddy": ("muddy", "脸上有泥", "At least one of you is muddy.", "你们当中至少有一个人脸上有泥。",
              "{n} children played in the mud; some got mud on their foreheads. Each child sees the others' "
              "foreheads but not their own. Their father says that at least one of them is muddy, then asks "
              "again and again whether anyone knows if they are muddy.",
              "{n}个孩子在泥地里玩，有些孩子的额头上沾了泥。每个孩子都能看到别人的额头，却看不到自己的。父亲说至少有一个孩子脸上有泥，"
              "然后一遍又一遍地问：有没有人知道自己脸上是否有泥？"),
    "hats": ("wearing a red hat", "戴着红帽子", "At least one of you wears a red hat.", "你们当中至少有一个人戴着红帽子。",
             "{n} people each wear a red or a white hat. Each sees the others' hats but not their own. The host "
             "says that at least one hat is red, then asks again and again whether anyone knows their own hat's color.",
             "{n}个人每人戴一顶红帽子或白帽子。每个人都能看到别人的帽子，却看不到自己的。主持人说至少有一顶红帽子，"
             "然后一遍又一遍地问：有没有人知道自己帽子的颜色？"),
}
PRESETS = {"easy": {"n": (2, 3), "k": (1, 2)}, "medium": {"n": (3, 4), "k": (2, 3)}, "hard": {"n": (5, 6), "k": (3, 5)}}
DEFAULTS = {"n": (3, 5), "k": (1, 3), "story": "muddy"}


@lru_cache(maxsize=None)
def is_muddy(i: int) -> s.Formula:
    """Child i is muddy: `m[i] = 1` (the puzzle writes `m[i]`)."""
    return s.Compare("=", s.Var(f"m[{i}]"), s.Const(1))


@lru_cache(maxsize=None)
def father(n: int) -> s.Formula:
    """The father's "at least one of you is muddy": `any i in 1..n: m[i]`."""
    return s.Or(tuple(is_muddy(i) for i in range(1, n + 1)))


@lru_cache(maxsize=None)
def nobody_knows(n: int) -> s.Formula:
    """ "Nobody knows yet": `all i in 1..n: not c[i] knows whether m[i]`."""
    return s.And(tuple(s.Not(d.knows_whether(f"c[{i}]", is_muddy(i))) for i in range(1, n + 1)))


@lru_cache(maxsize=None)
def spelling(n: int) -> Mapping[s.Formula, str]:
    """The facts as the puzzle writes them: m[i] for m[i] = 1, and the two public lines by quantifiers."""
    out = {is_muddy(i): f"m[{i}]" for i in range(1, n + 1)}
    out[father(n)] = f"any i in 1..{n}: m[i]"
    out[nobody_knows(n)] = f"all i in 1..{n}: not c[i] knows whether m[i]"
    return MappingProxyType(out)


@dataclass(frozen=True)
class Muddy:
    name: str = "muddy"
    presets: dict = field(default_factory=lambda: PRESETS, compare=False)  # difficulty -> knob ranges
    defaults: dict = field(default_factory=lambda: DEFAULTS, compare=False)  # its keys are the knobs
    synthesizable: bool = False

    def check(self, knobs: dict) -> None:
        n_hi = bounds(knobs["n"])[1]
        k_lo, k_hi = bounds(knobs["k"])
        require_within(self.name, knobs, {"n": (2, 10)})
        if k_lo < 1 or k_lo > n_hi:
            raise knob_error(self.name, f"k (muddy children) must be between 1 and n, got k={knobs['k']}, n={knobs['n']}")
        if knobs["story"] not in STORIES:
            raise knob_error(self.name, f"story must be one of {', '.join(STORIES)}")

    def sample(self, rng, knobs: dict) -> Candidate:
        n = pick(rng, knobs["n"])
        k = min(pick(rng, knobs["k"]), n)
        muddy = sorted(rng.sample(range(1, n + 1), k))
        story = knobs["story"]
        prop_en, prop_zh, father_en, father_zh = STORIES[story][:4]
        lines = [d.Line(None, father(n), father_en, father_zh, "father")]
        rounds = k - 1 if rng.random() < 0.8 else rng.randint(0, k - 1)
        for r in range(rounds):
            lines.append(d.Line(None, nobody_knows(n), "Nobody knows yet.", "还没有人知道。", "nobody"))
        speakers = [i for i in range(1, n + 1) if rng.random() < 0.7] or [muddy[0]]
        rng.shuffle(speakers)
        for i in speakers:
            if i in muddy and rounds == k - 1:
                lines.append(d.Line(f"c[{i}]", d.knows_that(f"c[{i}]", is_muddy(i)),
                                    f"I know I am {prop_en}.", f"我知道我{prop_zh}。", "knows"))
            else:
                lines.append(d.Line(f"c[{i}]", s.Not(d.knows_whether(f"c[{i}]", is_muddy(i))),
                                    f"I don't know whether I am {prop_en}.", f"我不知道我是否{prop_zh}。", "unsure"))
        return self.candidate(n, tuple(lines), story)

    def candidate(self, n: int, lines, story: str = "muddy") -> Candidate:
        worlds = list(product((0, 1), repeat=n))
        keys = {f"c[{i}]": [w[:i - 1] + w[i:] for w in worlds] for i in range(1, n + 1)}
        model = build_model(keys, {is_muddy(i): [w[i - 1] == 1 for w in worlds] for i in range(1, n + 1)},
                            answer=tuple(s.Var(f"m[{i}]") for i in range(1, n + 1)))
        return Candidate(self.name, model, lines, "m", spelling(n), lambda: self.header(n, story),
                         lambda i: " ".join(str(v) for v in worlds[i]),
                         ask=("Which children are muddy?" if story == "muddy" else "Who wears a red hat?",
                              "哪些孩子脸上有泥？" if story == "muddy" else "谁戴着红帽子？"))

    def header(self, n: int, story: str) -> str:
        en, zh = STORIES[story][4].format(n=n), STORIES[story][5].format(n=n)
        return "\n".join([f'en: "{en}"', f'zh: "{zh}"', "", f"var m[1..{n}]: bool",
                          f'agent c[i] ("child", 孩子) for i in 1..{n} observes m[j] for j in 1..{n} if j != i'])
