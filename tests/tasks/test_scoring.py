"""score_answer: lenient about format, strict about content."""
import pytest

from epistemic.api import load_puzzle
from epistemic.tasks.scoring import final_answer_text, score_answer

CARD = load_puzzle("puzzles/card16.txt")


@pytest.mark.parametrize("reply", [
    "Answer: ♦5", "it is the 5 of diamonds", "答案：方块5", "<answer>diamonds 5</answer>",
    "thinking...\n\nFinal answer: 5 of diamonds (♦5)", "\\boxed{♦5}", "Answer: 5 ♦", "答案是：方块5",
    "<think>maybe ♥4</think>\nAnswer: ♦5",
])
def test_accepts_formats(reply):
    assert score_answer(reply, CARD) == 1.0


@pytest.mark.parametrize("reply", ["Answer: ♥5", "Answer: ♦5 or ♠5", "Answer: diamonds", "", "Answer: ♦A"])
def test_strict_about_content(reply):
    assert score_answer(reply, CARD) == 0.0


def test_tag_wins_over_lines():
    assert final_answer_text("Answer: ♥4\n<answer>♦5</answer>") == "♦5"


@pytest.mark.parametrize("path,reply,score", [
    ("puzzles/cheryl.txt", "Answer: July 16", 1.0),
    ("puzzles/cheryl.txt", "答案：7月16日", 1.0),
    ("puzzles/cheryl.txt", "Answer: August 16", 0.0),
    ("puzzles/sum_product.txt", "Answer: (4, 13)", 1.0),
    ("puzzles/sum_product.txt", "x = 4, y = 13", 1.0),
    ("puzzles/sum_product.txt", "Answer: 13, 4", 0.0),
])
def test_classics(path, reply, score):
    assert score_answer(reply, path) == score


def test_generated_answers_score_by_record():
    from epistemic.generate import generate

    for family in ("muddy", "generic", "birthdays", "sum_product"):
        items, _ = generate(family, 2, seed=4, use_z3=False)
        for it in items:
            rec = it.to_dict()
            assert score_answer(f"Answer: {rec['answer']}", rec["source"]) == 1.0
            assert score_answer("Answer: nothing", rec["source"]) == 0.0


def test_muddy_index_sets():
    from epistemic.generate import generate

    item = generate("muddy", 1, seed=1, knobs={"n": 3, "k": 2}, use_z3=False)[0][0]
    values = item.verified.solution.answer[0]
    muddy = [str(i + 1) for i, v in enumerate(values) if v]
    assert score_answer("Answer: children " + " and ".join(muddy), item.text) == 1.0
    assert score_answer("答案：" + "、".join(muddy), item.text) == 1.0
