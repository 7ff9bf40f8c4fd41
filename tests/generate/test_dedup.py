"""Dedup up to renaming values within a sort: the canonical world table, and the split check using it."""
import itertools
import random
from pathlib import Path

from hypothesis import given, settings, strategies as st

from epistemic.generate import datasets
from epistemic.api import load_puzzle
from epistemic.generate import generate, regenerate
from epistemic.generate.dedup import canonical_rows, normal_form, puzzle_key
from epistemic.worlds.build import build_space
from tests.paths import ROOT

CARD16 = (ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8")


def _key(text):
    p = load_puzzle(text)
    return puzzle_key(p, build_space(p))


def _unanswered(text):
    """The puzzle asking for the card without stating the answer or the stages."""
    out = [l for l in text.splitlines() if not l.startswith(("expect", "  en: \"Which", "  zh: \"这张牌是"))]
    return "\n".join("ask card" if l.startswith("answer card") else l for l in out) + "\n"


def _table(text, rows):
    lines = text.splitlines()
    i = lines.index("worlds card(suit, rank):")
    return "\n".join(lines[: i + 1] + [f"  {s}: {r}" for s, r in rows] + lines[i + 5:]) + "\n"


ORIGINAL = [("hearts", "A Q 4"), ("spades", "J 8 4 2 7 3"), ("clubs", "K Q 5 4 6"), ("diamonds", "A 5")]
# hearts <-> spades swapped, A <-> Q and J <-> K relabelled, rows listed in another order: the same puzzle.
RENAMED = [("clubs", "J A 5 4 6"), ("spades", "Q A 4"), ("diamonds", "Q 5"), ("hearts", "K 8 4 2 7 3")]


def test_renamed_card16_has_the_same_key_and_stages():
    renamed = _table(CARD16, RENAMED)
    assert renamed != CARD16 and _key(renamed) == _key(CARD16)
    assert normal_form(load_puzzle(renamed), build_space(load_puzzle(renamed)))["exact"]


def test_a_different_table_or_dialogue_has_another_key():
    # diamonds "A 6" would be a renaming (swap 5 and 6: clubs has both); dropping a card is not.
    same = _table(CARD16, [("hearts", "A Q 4"), ("spades", "J 8 4 2 7 3"), ("clubs", "K Q 5 4 6"), ("diamonds", "A 6")])
    assert _key(_unanswered(same)) == _key(CARD16)
    fewer = _table(CARD16, [("hearts", "A Q 4"), ("spades", "J 8 4 2 7 3"), ("clubs", "K Q 5 4 6"), ("diamonds", "A")])
    assert _key(_unanswered(fewer)) != _key(CARD16)
    told_other = CARD16.replace("observes rank", "observes RANK").replace("observes suit", "observes rank")
    told_other = told_other.replace("observes RANK", "observes suit")
    assert _key(told_other) != _key(CARD16)


def test_sorts_used_in_arithmetic_keep_their_names():
    text = (ROOT / "puzzles" / "sum_product.txt").read_text(encoding="utf-8").replace("param bound = 100", "param bound = 12")
    text = "\n".join(l for l in text.splitlines() if not l.startswith(("expect", "answer", "  en: \"What", "  zh: \"这两")))
    p = load_puzzle(text + "\n")
    form = normal_form(p, build_space(p))
    assert form["variables"] == [["x", False], ["y", False]]


def _brute(rows):
    a_vals, b_vals = sorted({a for a, _ in rows}), sorted({b for _, b in rows})
    return min(tuple(sorted((pa[a_vals.index(a)], pb[b_vals.index(b)]) for a, b in rows))
               for pa in itertools.permutations(range(len(a_vals))) for pb in itertools.permutations(range(len(b_vals))))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(0, 10**6))
def test_canonical_rows_is_invariant_and_exact_on_small_tables(seed):
    rng = random.Random(seed)
    pool = [(a, b) for a in range(3) for b in range(4)]
    x, y = rng.sample(pool, rng.randint(1, 7)), rng.sample(pool, rng.randint(1, 7))
    pa, pb = rng.sample(range(9), 3), rng.sample(range(20, 40), 4)
    renamed = [(pa[a], pb[b]) for a, b in x]
    rng.shuffle(renamed)
    assert canonical_rows(x, ["s", "r"]) == canonical_rows(renamed, ["s", "r"])
    assert (canonical_rows(x, ["s", "r"]) == canonical_rows(y, ["s", "r"])) == (_brute(x) == _brute(y))


def test_three_column_tables_and_shared_sorts():
    rows = [(0, 1, 2000), (0, 2, 2001), (1, 1, 2001), (2, 3, 2000)]
    perm = {0: 2, 1: 0, 2: 1}
    renamed = [(perm[m], {1: 3, 2: 1, 3: 2}[d], {2000: 2001, 2001: 2000}[y]) for m, d, y in rows]
    kinds = ["month", "day", "year"]
    assert canonical_rows(rows, kinds) == canonical_rows(renamed, kinds)
    # One sort in two columns is renamed consistently: (a, b) and (b, a) rows are not the same as (a, a).
    assert canonical_rows([(0, 1)], ["v", "v"]) != canonical_rows([(0, 0)], ["v", "v"])
    assert canonical_rows([(0, 1), (1, 2)], ["v", "v"]) == canonical_rows([(5, 3), (3, 4)], ["v", "v"])


def test_generated_keys_are_unique_up_to_renaming():
    knobs = {"dates": 6, "months": 3, "days": 4}
    items, stats = generate("birthdays", 6, seed=4, use_z3=False, knobs=knobs)
    keys = [it.verified.key for it in items]
    assert len(set(keys)) == len(keys) and stats.duplicates > 0
    for it in items:  # each item still regenerates alone from its skip count
        if it.skip:
            assert regenerate("birthdays", 4, it.index, it.skip, knobs=knobs, use_z3=False).text == it.text


def test_split_check_catches_a_renamed_copy():
    train = datasets.create("cards", 2, seed=1, use_z3=False)
    source = train[0]["metadata"]["source"]
    lines = source.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("worlds card"))
    rows = [l for l in lines[i + 1:] if l.startswith("  ") and ":" in l and '"' not in l]
    names = [r.split(":")[0].strip() for r in rows]
    swapped = {names[0]: names[-1], names[-1]: names[0]}  # swap the first and last suit's rows' labels
    for k in range(i + 1, i + 1 + len(rows)):
        label, rest = lines[k].split(":", 1)
        lines[k] = f"  {swapped.get(label.strip(), label.strip())}:{rest}"
    leak = {"metadata": {"id": "renamed", "source": _unanswered("\n".join(lines))}}
    assert datasets.split_leaks(train, [leak]) == ["renamed"]


def _tuple_refine(search, colors):
    """Session 15's refine, on (j, colours of the rest of the row) tuples: the reference for the coded one."""
    from epistemic.generate.dedup import _rank

    count = len(set(colors))
    while True:
        sigs = [(colors[x], tuple(sorted((j, tuple(colors[e] if e >= 0 else e for e in rest)) for j, rest in occ)))
                for x, occ in enumerate(search.occ)]
        new = _rank(sigs)
        if len(set(new)) == count:
            return new
        colors, count = new, len(set(new))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 4), st.integers(0, 2))
def test_coded_refinement_gives_the_tuple_refinements_colours(seed, width, fixed):
    """refine compares occurrences as ints (dedup._Search._codes); its colours must be the tuples' colours,
    with fixed (negative) values in the rows and from any starting colouring."""
    from epistemic.generate.dedup import _Search

    rng = random.Random(seed)
    n = rng.randint(2, 9)
    fixed = min(fixed, width - 1)
    rows = {tuple([rng.randrange(n) for _ in range(width - fixed)] + [-1 - rng.randrange(3) for _ in range(fixed)])
            for _ in range(rng.randint(1, 20))}
    search = _Search(sorted(rows), n)
    start = [rng.randrange(3) for _ in range(n)]
    assert search.refine(start) == _tuple_refine(search, start)
