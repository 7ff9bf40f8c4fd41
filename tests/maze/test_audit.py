"""Auditing move sequences and reasoning traces on the seed's maze, and the SVG/HTML picture."""
from pathlib import Path

from hypothesis import given, settings, strategies as st

from epistemic.maze.audit import audit_moves, audit_text, walk
from epistemic.maze.generate import generate_mazes
from epistemic.maze.parse import read_maze
from epistemic.maze.solve import solve_maze
from epistemic.maze.svg import audit_html, audit_svg

from .reference import neighbours

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"
MAZE = read_maze((PUZZLES / "alphamaze_seed.txt").read_text(encoding="utf-8")).maze
RIGHT = "<|right|> <|right|> <|right|> <|up|> <|left|> <|left|> <|up|> <|right|>"


def test_correct_token_answer():
    a = audit_text(MAZE, RIGHT)
    d = a.to_dict()
    assert d["form"] == "tokens" and d["labels"] == [1] * 8 and d["label"] == -1
    assert d["final_answer_correct"] and d["optimal"] and d["length"] == d["shortest"] == 8
    assert d["steps"][0] == "<|right|>"


def test_first_move_into_a_wall():
    # from 3-1, up is open (2-1) but left is walled; the third move "up" from 3-3 hits a wall
    a = audit_text(MAZE, "<|right|> <|right|> <|up|> <|right|> <|up|> <|left|> <|left|> <|up|> <|right|>")
    assert a.labels[:3] == [1, 1, -1] and a.label == 2
    assert a.steps[2].verdict == "wall" and tuple(a.steps[2].at) == (3, 3)
    assert not a.final_answer_correct  # a move into a wall makes the answer wrong, even if it ends on T


def test_off_grid_and_wrong_end():
    a = audit_text(MAZE, "down down")  # 3-1 has a down wall
    assert a.form == "words" and a.steps[0].verdict == "wall"
    a = audit_moves(MAZE, ("up", "up", "up", "up"))  # 2-1, 1-1, then 1-1 has an up wall
    assert a.labels == [1, 1, -1, -1] and not a.final_answer_correct


def test_detour_still_correct_but_not_optimal():
    moves = ("up", "down") + tuple(solve_maze(MAZE).moves)
    a = audit_moves(MAZE, moves, "words")
    assert a.final_answer_correct and not a.answer.optimal
    assert a.answer.detours == (0,)  # going up from 3-1 leads away from the target
    assert a.to_dict()["answer"]["extra_moves"] == 2


def test_words_with_answer_prefix():
    a = audit_text(MAZE, "Answer: right, right, right, up, left, left, up, right.")
    assert a.form == "words" and a.final_answer_correct and a.label == -1


TRACE = """<think>
The origin is at 3-1 and the target is at 1-3.
From 3-1, left is blocked by a wall. I can move up to 2-1 or right to 3-2.
Let me go up to 2-1. Then up to 1-1. Then left to 1-0, then up to 0-0. Dead end.
Back to 3-1. Move right to 3-2, then right to 3-3, right to 3-4.
Now at (3,4). Move up to (2,4). Then left to 2-3, left to 2-2. Move up to 1-2, then right to 1-3.
</think>
<|right|> <|right|> <|right|> <|up|> <|left|> <|left|> <|up|> <|right|>"""


def test_trace_with_exploration_and_backtrack():
    a = audit_text(MAZE, TRACE)
    d = a.to_dict()
    assert d["form"] == "trace" and d["label"] == -1 and d["final_answer_correct"] and d["optimal"]
    kinds = [m["kind"] for m in d["moves"]]
    assert kinds[:3] == ["origin", "target", "blocked"]
    backtrack = [m for m in d["moves"] if m["verdict"] == "backtrack"]
    assert len(backtrack) == 1 and backtrack[0]["label"] == 0 and backtrack[0]["to"] == [3, 1]
    assert d["moves"][4]["at"] == [3, 1]  # "or right to 3-2" is judged from 3-1, the cell the options are from


def test_trace_errors_are_located():
    bad = TRACE.replace("Move up to (2,4)", "Move up to (1,4)")  # up from 3-4 is 2-4, not 1-4
    a = audit_text(MAZE, bad)
    step = a.steps[a.label]
    assert step.verdict == "wrong_position" and step.text == "Move up to (1,4)"
    assert bad[step.span[0]:step.span[1]] == "Move up to (1,4)"
    # "up to (2,3)" names a cell above 3-3, where the walker has been: judged from there, through a wall
    a = audit_text(MAZE, TRACE.replace("Move up to (2,4)", "Move up to (2,3)"))
    assert a.steps[a.label].verdict == "wall" and tuple(a.steps[a.label].at) == (3, 3)
    a = audit_text(MAZE, TRACE.replace("The origin is at 3-1", "The origin is at 3-2"))
    assert a.label == 0 and a.steps[0].verdict == "wrong_origin"
    a = audit_text(MAZE, TRACE.replace("From 3-1, left is blocked", "From 3-1, up is blocked"))
    assert a.steps[a.label].verdict == "not_blocked"
    a = audit_text(MAZE, "<think>Move down to 4-1.</think> <|down|>")
    assert a.label == 0 and a.steps[0].verdict == "wall" and not a.final_answer_correct


def test_trace_formats_of_positions():
    text = "I'm at (3, 1). Step right to <|3-2|>. Now I am at row 3, column 2. Moving right twice to 3-4."
    a = audit_text(MAZE, text + "\nAnswer: right right right")
    assert a.labels == [1, 1, 1, 1] and a.answer.ends_at == (3, 4) and not a.final_answer_correct


def test_no_final_answer():
    a = audit_text(MAZE, "<think>Move right to 3-2.</think> I could not solve it.")
    assert a.answer is None and not a.final_answer_correct and a.to_dict()["final_answer"] is None


def test_svg_and_html_mark_the_first_wrong_move():
    a = audit_text(MAZE, "<|right|> <|right|> <|up|> <|right|>")
    svg = audit_svg(a)
    assert svg.startswith("<svg") and svg.count("#d00") == 2 and "<polyline" in svg
    page = audit_html(a)
    assert "<!doctype html>" in page and "wall" in page and "first error: step 2" in page
    ok = audit_svg(audit_text(MAZE, RIGHT))
    assert "#d00" not in ok


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), moves=st.lists(st.sampled_from(["up", "down", "left", "right"]), max_size=30))
def test_walk_agrees_with_a_plain_walker(seed, moves):
    items, _ = generate_mazes(1, seed, {"size": 4, "loops": 2, "unique": 0})
    sol = items[0].solution
    m = sol.maze
    cell, first, ok = tuple(m.origin), -1, True
    for k, move in enumerate(moves):
        nxt = dict(neighbours(m, *cell)).get(move)
        if nxt is None:
            ok = False
            first = k if first < 0 else first
        else:
            cell = nxt
    check = walk(sol, tuple(moves))
    assert check.first_illegal == first and tuple(check.ends_at) == cell
    assert check.reaches_target == (ok and cell == tuple(m.target))
    a = audit_moves(sol, tuple(moves))
    assert a.label == first and a.final_answer_correct == check.reaches_target
    assert a.labels == [(-1 if check.blocked[k] else 1) for k in range(len(moves))]


def test_answer_after_an_answer_label_is_not_a_reasoning_step():
    a = audit_text(MAZE, "Move right to 3-2. Answer: right right right up left left up right")
    assert a.labels == [1] and a.final_answer_correct
    a = audit_text(MAZE, "Move right to 3-2.\n" + RIGHT)
    assert a.labels == [1] and a.final_answer_correct  # the answer's tokens are not judged as steps


def test_arrow_chains():
    a = audit_text(MAZE, "Path: (3,1) -> (3,2) -> (3,3) -> (3,4) -> (2,4).\nAnswer: right right right up")
    assert a.labels == [1, 1, 1, 1] and [s.move for s in a.steps] == ["right", "right", "right", "up"]
    a = audit_text(MAZE, "3-1 -> 2-1 -> 2-2 -> 1-2\n3-1->3-2")
    assert a.labels[:2] == [1, -1] and a.steps[1].verdict == "wall"  # 2-1 has a right wall
    a = audit_text(MAZE, "(3,4) → (1,4)")
    assert a.steps[0].verdict == "not_adjacent" and a.label == 0
    a = audit_text(MAZE, "3-1->3-2")
    assert a.labels == [1] and a.steps[0].move == "right"


HANDWRITTEN = (Path(__file__).resolve().parents[1] / "data" / "maze" / "handwritten_seed_trace.txt").read_text(encoding="utf-8")


def test_handwritten_trace_in_a_reasoning_models_style():
    # tests/data/maze/handwritten_seed_trace.txt: written by hand in the style of a reasoning model's
    # trace on the seed maze (not a model output): options, a dead end, a backtrack, walls read from tokens.
    a = audit_text(MAZE, HANDWRITTEN)
    kinds = [s.kind for s in a.steps]
    assert a.label == -1 and a.final_answer_correct and a.answer.optimal
    assert kinds.count("move") == 13 and kinds.count("blocked") == 4 and kinds.count("position") == 1
    assert [tuple(s.at) for s in a.steps if s.text == "Go right from (3,1) to (3,2)"] == [(3, 1)]


def test_handwritten_trace_with_a_misread_wall():
    bad = HANDWRITTEN.replace("(3,2) has up_down_wall, so keep going right to (3,3)",
                              "(3,2) has a down wall, so go up to (2,2)")
    a = audit_text(MAZE, bad)
    step = a.steps[a.label]
    assert step.verdict == "wall" and step.move == "up" and tuple(step.at) == (3, 2)
    assert a.final_answer_correct  # right answer, wrong reasoning
