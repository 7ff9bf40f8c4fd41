"""Hostile inputs of every kind, made deterministically from a seed: a mutation corpus for the fuzz
suite (tests/fuzz) and the fuzz bench (bench/fuzz.py).

A Case is one command line plus the files it needs (written into a scratch folder first); files
listed in `keep` exist before the run and must be byte-for-byte intact after it (no --force).
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.paths import PUZZLES, ROOT

SEEDS = {p.name: p.read_text(encoding="utf-8") for p in sorted(PUZZLES.glob("*.txt"))}
SMCDEL = {p.name: p.read_text(encoding="utf-8") for p in sorted((PUZZLES / "smcdel").glob("*.txt"))}
SMALL = ("card16.txt", "cheryl.txt", "muddy.txt", "hats.txt", "drinking_logicians.txt", "impossible.txt")

TOKENS = ["not (", ")", "(", "knows ", "P knows ", "whether ", "before (", "all i in 1..n: ", "any i in 1..3: ",
          "99999999999999999999", "-5", "0", "..", "[", "]", "\x00", "２", "：", '"', "'", "\\", "\n", "\t",
          "repeat 1000000: ", "param n = 1000000\n", "var z in 1..100000\n", "where ", "and ", "implies ",
          "announce: ", "says: ", "expect stages 1 2 3\n", "answer ", "agent ", "observes ", "𝕏", "\u202e",
          "～", "~ (", "[! Top] ", "Exists ", "&", "|", "VARS 1,2\n", "LAW Top\n", "OBS a: 1\n", "VALID? "]

PARAMS = ["1", "0", "-1", "--5", "²", "٣", "3", "25", "26", "1000", "10" * 15, "9" * 40, "1e3", " 4", "+3", "",
          "0x10", "2.5", "k", "-0", "000000000000000000007"]

KNOBS = {"cards": ["16", "0", "-3", "²", "--5", "10..16", "16..10", "1,2", "99999999999999999999", "x"],
         "lines": ["3", "0", "100", "10**20", "100000000000000000000", "3..4", "a"],
         "dialogue": ["random", "classic", "cheryl", "nonsense", "3"],
         "n": ["3", "3..5", "0", "11", "-1", "x"], "k": ["1", "5", "0", "1..3"], "story": ["muddy", "zzz"],
         "suits": ["4", "5", "0"], "bogus": ["1"]}


@dataclass(frozen=True)
class Case:
    """One run: arguments (paths relative to the scratch folder) and the files to create."""

    kind: str
    args: tuple[str, ...]
    files: tuple[tuple[str, bytes], ...] = ()
    keep: tuple[str, ...] = field(default=())

    def write(self, folder: Path) -> None:
        for name, data in self.files:
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def mutate(text: str, rng: random.Random, rounds: int | None = None) -> str:
    """A few random edits: insert tokens (sometimes many times over), delete, duplicate, swap, truncate."""
    for _ in range(rounds if rounds is not None else rng.randint(1, 4)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(text))
        if op == 0:
            text = text[:pos] + rng.choice(TOKENS) * (rng.choice([1, 1, 2, 50, 300, 1200])) + text[pos:]
        elif op == 1:
            end = min(len(text), pos + rng.randint(1, 40))
            text = text[:pos] + text[end:]
        elif op == 2:
            lines = text.splitlines(keepends=True)
            if lines:
                i = rng.randrange(len(lines))
                lines.insert(i, lines[i] * rng.choice([1, 2, 30]))
                text = "".join(lines)
        elif op == 3:
            lines = text.splitlines(keepends=True)
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                text = "".join(lines)
        elif op == 4:
            text = text[:pos]
        else:
            text = text[:pos] + "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 8))) + text[pos:]
    return text


def _bytes(text: str, rng: random.Random) -> bytes:
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # not UTF-8
        data = data[: len(data) // 2] + b"\xff\xfe" + data[len(data) // 2:]
    return data


def puzzle_case(rng: random.Random) -> Case:
    name = rng.choice(SMALL)
    text = mutate(SEEDS[name], rng)
    command = rng.choice(["solve", "solve", "check", "explain", "export"])
    args = {"solve": ["solve", "p.txt", "--no-certify"], "check": ["check", "p.txt", "P knows (x, y)"],
            "explain": ["explain", "p.txt"], "export": ["export", "p.txt"]}[command]
    if rng.random() < 0.2:
        args.append("--json")
    return Case("puzzle", tuple(args), (("p.txt", _bytes(text, rng)),))


def smcdel_case(rng: random.Random) -> Case:
    text = mutate(rng.choice(list(SMCDEL.values())), rng)
    if rng.random() < 0.5:
        return Case("smcdel", ("solve", "s.smcdel.txt"), (("s.smcdel.txt", _bytes(text, rng)),))
    formula = mutate(rng.choice(["1 & 2", "ann knows whether 1", "[! 1] 2", "~ (1 | 2)"]), rng)
    return Case("smcdel", ("check", "s.smcdel.txt", formula), (("s.smcdel.txt", _bytes(text, rng)),))


def formula_case(rng: random.Random) -> Case:
    seed = rng.choice(["P knows (x, y)", "S knows not P knows (x, y)", "x < y", "at stage 2: P knows x",
                       "not (" * rng.choice([1, 5, 99, 150]) + "x = 4" + ")" * rng.choice([0, 5, 99, 150])])
    return Case("formula", ("check", str(PUZZLES / "sum_product.txt"), mutate(seed, rng, rng.randint(0, 2)),
                            "--stage", rng.choice(["0", "1", "4", "9", "-1"])))


def param_case(rng: random.Random) -> Case:
    name = rng.choice(["muddy.txt", "sum_product.txt", "card16.txt"])
    pname = {"muddy.txt": rng.choice(["n", "k", "q"]), "sum_product.txt": "bound", "card16.txt": "n"}[name]
    value = rng.choice(PARAMS)
    args = ["solve", str(PUZZLES / name), "--param", f"{pname}={value}", "--no-certify"]
    if rng.random() < 0.3:
        args += ["--worlds", rng.choice(["auto", "explicit", "z3"])]
    return Case("param", tuple(args))


def knob_case(rng: random.Random) -> Case:
    family = rng.choice(["cards", "muddy", "birthdays", "generic", "sum_product"])
    name = rng.choice(list(KNOBS))
    args = ["generate", family, "--count", rng.choice(["1", "1", "0", "-1", "100000000000000000000"]),
            "--knob", f"{name}={rng.choice(KNOBS[name])}", "--no-z3",
            "--start", rng.choice(["0", "3", "-5"])]
    return Case("knob", tuple(args))


# Traces to mutate, one per shape the auditor reads: speech, a quoted heading and its speaker, a knowledge table,
# value-labelled lines, the muddy children's rounds and removed counts, sums kept under a list, Chinese
TRACES = (
    ("card16.txt", "P: I don't know the card.\n\nQ: I knew you didn't know.\n\nP: Now I know.\n\nQ: Now I know "
                   "too.\n\nThe card is the 5 of diamonds."),
    ("cheryl.txt", '**2. “起初我不知道，但现在我知道了。”** 这是阿尔伯特说的。\n\n**3. "Then I also know."** This is '
                   'Albert speaking.\n\n'
                   "| Month | Unique? | Albert knows? |\n|---|---|---|\n| July | no | ✅ |\n| August | no | ❌ |\n\n"
                   "- Day 14 is still shared → Bernard couldn't know.\n- **August**: two candidates left (15, 17).\n\n"
                   "Had Bernard been told 19, he'd still be stuck; we drop 19 and keep July 16. Answer: July 16."),
    ("muddy.txt", "Father: at least one of you is muddy.\n\nIf exactly two were muddy, each would know in round 2; "
                  "如果只有一个孩子有泥，他马上就能知道。It also removes every configuration with exactly one muddy "
                  "child, and the first silence doesn't really rule anything out.\n\n父亲的话加上两轮无人站出，依次排除了"
                  "只有1、2个有泥的情况。\n\nAnswer: 3 children are muddy."),
    ("sum_product.txt", "满足这些的奇数：11（9）、17（15）、23（21）、51（49）、53（51）。\n\n嗯，每个都看一下。"
                        "51：51−2=49不是素数，所以也保留。This rules out 1602 worlds.\n- (12,6,2) → 19\n- (9,4,4) → 17\n"
                        "- (8,6,3) → 17\n\nSo the sum is odd. Answer: 4 and 13."),
    ("muddy.txt", "Let m be the number of muddy children.\n\nCase: exactly two muddy children, say A and B. If I were "
                  "clean, B would know right away. So both would step forward in the first round.\n\n**m = 4.** "
                  "She can't tell m = 3 from m = 4; 分不清 m = 3 还是 m = 4。So m ≥ 2, and m = 4 out of the 6.\n\n"
                  "- 父亲说“至少一个有泥”：这句话排除了只有一个孩子有泥的情况。\n| 第1轮沉默 | 恰好1个 | 2–5个 |"),
    ("impossible.txt", "Let s = x + y and p = xy; a prime factor q ≥ 50.\n\nS knows s = x + y, P knows p = x*y. "
                       "For s ≥ 153 the same works. → s ∈ {11, 17, 23, 51}. 伯纳德的话之后可以确定和是17，不过回头看，"
                       "(5, 6)因30 = 2 × 15被S这句话排除，和9 + 8 + 2 = 18。Only (4, 13) survives in sum 17."),
)


def trace_case(rng: random.Random) -> Case:
    puzzle, base = rng.choice(TRACES)
    text = mutate(base, rng)
    return Case("trace", ("audit", str(PUZZLES / puzzle), "t.txt"), (("t.txt", _bytes(text, rng)),))


def jsonl_case(rng: random.Random) -> Case:
    rows = []
    for _ in range(rng.randint(1, 4)):
        pick = rng.randrange(7)
        if pick == 0:
            rows.append(json.dumps({"text": "Two of them are muddy.", "puzzle": "muddy.txt"}))
        elif pick == 1:
            rows.append(json.dumps({"text": "x", "puzzle": rng.choice(["/dev/zero", "/etc/passwd", "../../x.txt",
                                                                       "sub/../../muddy.txt", "", 5, None])}))
        elif pick == 2:
            rows.append('{"text": "\\ud800 muddy", "puzzle": "muddy.txt"}')
        elif pick == 3:
            rows.append('{"a": ' + "[" * rng.choice([10, 5000, 50000]) + "]" * rng.choice([0, 10, 5000]) + "}")
        elif pick == 4:
            rows.append(mutate(json.dumps({"response": "two are muddy", "label": -1}), rng))
        elif pick == 5:
            rows.append(json.dumps({"steps": ["no", 1, None], "puzzle_text": mutate(SEEDS["muddy.txt"], rng)}))
        else:
            rows.append(json.dumps({"text": "x", "puzzle": "muddy.txt", "id": rng.random()}))
    files = [("data/rows.jsonl", "\n".join(rows).encode("utf-8", "surrogatepass")),
             ("data/muddy.txt", SEEDS["muddy.txt"].encode())]
    args = ["audit", str(PUZZLES / "muddy.txt"), "data/rows.jsonl"]
    keep: tuple[str, ...] = ()
    if rng.random() < 0.5:
        out = rng.choice(["data/out.jsonl", "nope/out.jsonl", "data", "data/existing.jsonl"])
        args += ["--out", out]
        if out == "data/existing.jsonl":
            files.append(("data/existing.jsonl", b'{"keep": true}\n'))
            keep = ("data/existing.jsonl",)
    return Case("jsonl", tuple(args), tuple(files), keep)


RESUME_ROWS = ["precious\n", "{}\n", '{"metadata": {}}\n', '{"key": "k"}\n', '{"metadata": {"family": "muddy"\n',
               "[1, 2]\n", '{"metadata": ' + "[" * 5000 + "]" * 5000 + "}\n", '{"id": "\ud800"}\n', "\u2028\n",
               '{"question": "q", "answer": "a", "metadata": {"family": "muddy", "seed": 0, "index": "0", "knobs": {}, '
               '"method": "sample", "key": "k"}}\n',
               '{"question": "q", "answer": "a", "metadata": {"family": "cards", "seed": 0, "index": 0, "knobs": {}, '
               '"method": "sample", "key": "k"}}\n',
               '{"question": "q", "answer": "a", "metadata": {"family": "muddy", "seed": 0, "index": 5, "knobs": {}, '
               '"method": "sample", "key": "k"}}\n' * 4]


def output_case(rng: random.Random) -> Case:
    target = rng.choice(["o.smcdel.txt", "existing.txt", "missing/o.txt", "", ".", "/proc/x.txt", "dir/"])
    files = [("existing.txt", b"precious\n")]
    command = rng.choice(["export", "generate", "audit-html", "resume"])
    if command == "resume":  # --resume over a file `generate` did not write: refused, the file intact
        rows = rng.choice(RESUME_ROWS)
        name = rng.choice(["kept.jsonl", "kept.parquet", "keptdir"])
        files = [(name + ("/index.jsonl" if name == "keptdir" else ""), rows.encode("utf-8", "surrogatepass"))]
        args = ["generate", "muddy", "--count", rng.choice(["1", "3"]), "--no-z3", "--out", name, "--resume",
                *rng.choice([[], ["--start", "2"], ["--seed", "1"], ["--json"]])]
        if rng.random() < 0.3:  # audit --resume over rows an audit did not write
            files = [("kept.jsonl", files[0][1]), ("rows.jsonl", b'{"text": "Two are muddy."}\n')]
            args = ["audit", str(PUZZLES / "muddy.txt"), "rows.jsonl", "--out", "kept.jsonl", "--resume"]
        return Case("output", tuple(args), tuple(files), (files[0][0],))
    if command == "export":
        args = ["export", str(PUZZLES / "muddy.txt"), "-o", target]
    elif command == "generate":
        args = ["generate", "muddy", "--count", "1", "--no-z3", "--out",
                target.replace(".txt", ".jsonl") if rng.random() < 0.7 else target]
    else:
        files.append(("t.txt", b"Two are muddy."))
        args = ["audit", str(PUZZLES / "muddy.txt"), "t.txt", "--html", target]
    keep = ("existing.txt",) if "existing" in " ".join(args) else ()
    if keep and rng.random() < 0.3:
        args.append("--force")
        keep = ()
    return Case("output", tuple(args), tuple(files), keep)


MAKERS = {"puzzle": puzzle_case, "smcdel": smcdel_case, "formula": formula_case, "param": param_case,
          "knob": knob_case, "trace": trace_case, "jsonl": jsonl_case, "output": output_case}


def case(seed: int, kind: str | None = None) -> Case:
    """The seed-th case (of a given kind, or of every kind in turn)."""
    rng = random.Random(seed)
    kinds = list(MAKERS)
    return MAKERS[kind or kinds[seed % len(kinds)]](rng)


def run_in_process(c: Case, folder: Path):
    """Run a case with click's CliRunner inside `folder`; returns (exit code, output, exception or None)."""
    import os

    from click.testing import CliRunner

    from epistemic.cli.main import cli

    c.write(folder)
    before = {name: (folder / name).read_bytes() for name in c.keep}
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, list(c.args), catch_exceptions=True)
    finally:
        os.chdir(old)
    crash = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = result.exception
    for name, data in before.items():
        if (folder / name).read_bytes() != data:
            crash = AssertionError(f"{name} was changed without --force")
    return result.exit_code, result.output, crash


__all__ = ["Case", "case", "mutate", "run_in_process", "MAKERS", "ROOT"]
