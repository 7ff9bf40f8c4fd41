"""Readings from traces_ax* (40 rows, half correct, on the puzzles least written about so far: three hats, Russian
cards, drinking logicians, blue-eyed islanders, Sum and Product with S first, Hexa, dining cryptographers and What
Sum, written in session 26, scored blind at the session's start code, then opened), each checked both ways."""
from tests.audit.reading import answer as _answer, audit as _audit, bad as _bad


def _said(ctx, n: int, lang: str = "en") -> str:
    """The first n statements of the puzzle, told in its own words."""
    return "\n\n".join(f"{dict(a.texts)[lang]}" for a in ctx.puzzle.announcements[:n])


def test_a_count_of_several_conditions_is_the_counted_answer(ctxs):
    """The islanders' question counts blue eyes over every islander (count(blue[i] for i in 1..n)): "所以答案是3个蓝眼睛"
    answers it (with k = 3, right; with k = 2, wrong), as "Answer: 3" does for the muddy children's sum."""
    right = ctxs("islanders.txt", {"n": 5, "k": 3})
    wrong = ctxs("islanders.txt", {"n": 5, "k": 2})
    ending = _said(right, 4, "zh") + "\n\n所以答案是3个蓝眼睛。"
    assert _answer(right, ending) == (((3,),), True)
    assert _answer(wrong, _said(wrong, 3, "zh") + "\n\n所以答案是3个蓝眼睛。")[1] is False
