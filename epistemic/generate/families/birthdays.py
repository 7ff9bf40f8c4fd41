"""Birthdays (Cheryl): N possible dates; Albert is told the month, Bernard the day (Charles the year)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import EpistemicError
from ...language import syntax as s
from .. import dialogue as d
from ..base import Candidate, bounds, knob_error, pick, require_within
from ..screen import build_model

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # real dates only (no February 30)
AGENTS = (("Albert", "阿尔伯特", "month", "月份"), ("Bernard", "伯纳德", "day", "日子"), ("Charles", "查尔斯", "year", "年份"))


@lru_cache(maxsize=None)
def answer_terms(three: bool) -> tuple[s.Term, ...]:
    """The terms of `date`: (month, day), and the year when Charles is told it."""
    return (s.Var("month"), s.Var("day"), s.Var("year")) if three else (s.Var("month"), s.Var("day"))


VOICE = d.Voice("the date", "这个日期", {a[0]: a[0] for a in AGENTS}, {a[0]: a[1] for a in AGENTS})
PRESETS = {
    "easy": {"dates": (5, 7), "months": 3, "days": 5, "lines": (2, 3)},
    "medium": {"dates": (8, 12), "months": 4, "days": 8, "lines": 3, "dialogue": ["cheryl", "random"]},
    "hard": {"dates": (12, 18), "months": (4, 6), "days": (10, 14), "lines": (3, 5), "agents": [2, 3]},
}
DEFAULTS = {"dates": 10, "months": 4, "days": 6, "years": 3, "agents": 2, "lines": 3, "dialogue": "random"}


@dataclass(frozen=True)
class Birthdays:
    name: str = "birthdays"
    presets: dict = field(default_factory=lambda: PRESETS, compare=False)  # difficulty -> knob ranges
    defaults: dict = field(default_factory=lambda: DEFAULTS, compare=False)  # its keys are the knobs
    synthesizable: bool = True

    def check(self, knobs: dict) -> None:
        m_hi = bounds(knobs["months"])[1]
        dy_hi = bounds(knobs["days"])[1]
        n_lo, n_hi = bounds(knobs["dates"])
        a_hi = bounds(knobs["agents"])[1]
        y_hi = bounds(knobs["years"])[1] if a_hi == 3 else 1
        require_within(self.name, knobs, {"months": (1, 12), "days": (1, 31), "agents": (2, 3)})
        if n_lo < 2:
            raise knob_error(self.name, "a puzzle needs at least 2 dates")
        if n_hi > m_hi * dy_hi * y_hi:
            raise knob_error(self.name, f"cannot choose {n_hi} dates from {m_hi} months × {dy_hi} days"
                             + (f" × {y_hi} years" if a_hi == 3 else ""), "lower dates or raise months/days")

    def sample(self, rng, knobs: dict) -> Candidate:
        n_agents = pick(rng, knobs["agents"])
        months = sorted(rng.sample(range(12), pick(rng, knobs["months"])))
        n_days = pick(rng, knobs["days"])
        first = rng.randint(1, 32 - n_days)
        days = range(first, first + n_days)
        years = range(2000, 2000 + (pick(rng, knobs["years"]) if n_agents == 3 else 1))
        pool = [(m, dd, y) for m in months for dd in days for y in years if dd <= MONTH_DAYS[m]]
        dates = sorted(rng.sample(pool, min(pick(rng, knobs["dates"]), len(pool))))
        names = tuple(a[0] for a in AGENTS[:n_agents])
        lines = d.sample_dialogue(rng, names, VOICE, answer_terms(n_agents == 3), pick(rng, knobs["lines"]),
                                  pick(rng, knobs["dialogue"]))
        return self.candidate(dates, lines, n_agents)

    def synth_answer(self, name, knobs: dict) -> tuple[int, int, int]:
        """A date by name ("July 16", "16 July", "7月16日") as (month index, day, 2000)."""
        return parse_date(name)

    def synth_pool(self, rng, knobs: dict, answer=None):
        """Synthesis: a window of months × days as the pool (two agents), containing `answer` if given."""
        months, days = bounds(knobs["months"])[1], bounds(knobs["days"])[1]
        if answer is None:
            first_month = rng.randint(0, 12 - months)
            first_day = rng.randint(1, 32 - days)
        else:
            first_month = rng.randint(max(0, answer[0] - months + 1), min(answer[0], 12 - months))
            first_day = rng.randint(max(1, answer[1] - days + 1), min(answer[1], 32 - days))
        pool = [(m, dd, 2000) for m in range(first_month, first_month + months)
                for dd in range(first_day, first_day + days) if dd <= MONTH_DAYS[m]]
        lines = d.sample_dialogue(rng, ("Albert", "Bernard"), VOICE, answer_terms(False), pick(rng, knobs["lines"]),
                                  pick(rng, knobs["dialogue"]))
        return pool, lines, min(pick(rng, knobs["dates"]), len(pool))

    def synth_candidate(self, dates, lines, knobs: dict) -> Candidate:
        return self.candidate(sorted(dates), lines, 2)

    def synth_rows(self, pool) -> list:
        return [x[0] for x in pool]

    def candidate(self, dates, lines, n_agents: int = 2) -> Candidate:
        keys = {"Albert": [x[0] for x in dates], "Bernard": [x[1] for x in dates]}
        if n_agents == 3:
            keys["Charles"] = [x[2] for x in dates]
        three = n_agents == 3
        model = build_model(keys, answer=answer_terms(three))

        def answer(i: int) -> str:
            m, dd, y = dates[i]
            return f"({MONTHS[m]}, {dd}, {y})" if three else f"{MONTHS[m]} {dd}"

        show = '"{month} {day}, {year}"' if three else '"{month} {day}"'
        return Candidate(self.name, model, lines, "date", {}, lambda: self.header(dates, three), answer,
                         footer=f"show date as {show}",
                         ask=("When is Cheryl's birthday?", "Cheryl的生日是哪一天？"), agents=n_agents,
                         rows=tuple(tuple(x[:3 if three else 2]) for x in dates),
                         sorts=("month", "day", "year")[:3 if three else 2], shape=(n_agents,))

    def header(self, dates, three: bool) -> str:
        n = len(dates)
        if three:
            en = (f"Albert, Bernard and Charles want to know Cheryl's birthday. Cheryl gives them a list of {n} possible "
                  "dates. Then she tells Albert the month, Bernard the day and Charles the year.")
            zh = (f"阿尔伯特、伯纳德和查尔斯想知道Cheryl的生日。Cheryl给了他们{n}个可能的日期，"
                  "然后把月份告诉阿尔伯特，把日子告诉伯纳德，把年份告诉查尔斯。")
        else:
            en = (f"Albert and Bernard want to know Cheryl's birthday. Cheryl gives them a list of {n} possible dates. "
                  "Then she tells Albert the month and Bernard the day.")
            zh = f"阿尔伯特和伯纳德想知道Cheryl的生日。Cheryl给了他们{n}个可能的日期，然后把月份告诉阿尔伯特，把日子告诉伯纳德。"
        used = sorted({x[0] for x in dates})
        out = [f'en: "{en}"', f'zh: "{zh}"', "",
               "values month: " + ", ".join(f"{MONTHS[m]} ({m + 1}月)" for m in used)]
        if three:
            out.append("worlds date(month, day, year):")
            for m in used:
                out.append(f"  {MONTHS[m]}: " + " ".join(f"({dd}, {y})" for mm, dd, y in dates if mm == m))
        else:
            out.append("worlds date(month, day):")
            for m in used:
                out.append(f"  {MONTHS[m]}: " + " ".join(str(dd) for mm, dd, _ in dates if mm == m))
        out.append("")
        for name, zh_name, what, _ in AGENTS[: 3 if three else 2]:
            out.append(f"agent {name} ({zh_name}) observes {what}")
        return "\n".join(out)


def parse_date(name) -> tuple[int, int, int]:
    """(month index, day, 2000) of "July 16", "16 July", "Jul 16" or "7月16日"; a clear error otherwise."""
    text = str(name).strip()
    hint = 'write the answer as MONTH DAY, e.g. answer="July 16" (or 7月16日)'
    zh = re.fullmatch(r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*", text)
    if zh:
        month, day = int(zh.group(1)) - 1, int(zh.group(2))
    else:
        words = re.findall(r"[A-Za-z]+|\d+", text)
        letters = [w for w in words if w.isalpha()]
        digits = [w for w in words if w.isdigit()]
        if len(letters) != 1 or len(digits) != 1 or len(words) != 2:
            raise EpistemicError(f"unknown date {name!r}", hint=hint)
        matches = [i for i, m in enumerate(MONTHS) if m.lower().startswith(letters[0].lower()) and len(letters[0]) >= 3]
        if len(matches) != 1:
            raise EpistemicError(f"unknown month {letters[0]!r} in {name!r}", hint="months: " + ", ".join(MONTHS))
        month, day = matches[0], int(digits[0])
    if not 0 <= month < 12 or not 1 <= day <= MONTH_DAYS[month]:
        raise EpistemicError(f"no such date {name!r}", hint=hint)
    return month, day, 2000
