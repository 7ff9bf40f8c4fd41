"""Reading the token format: both file forms, round trips, and a located error for every kind of bad input."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from epistemic.errors import EpistemicError, TooLarge
from epistemic.maze.generate import generate_mazes
from epistemic.maze.grid import BIT
from epistemic.maze.parse import is_maze_text, read_maze
from epistemic.maze.prompt import render_maze, render_prompt
from epistemic.maze.tokens import wall_token

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"
SEED = (PUZZLES / "alphamaze_seed.txt").read_text(encoding="utf-8")
ROWS = SEED.split("MAZE:\n")[1]


def error(text: str) -> EpistemicError:
    with pytest.raises(EpistemicError) as info:
        read_maze(text, "bad.txt")
    return info.value


def test_rendered_prompt_is_the_seed_byte_for_byte():
    maze = read_maze(SEED).maze
    assert render_prompt(maze) == SEED
    assert render_maze(maze) == ROWS
    assert render_prompt(maze, bullet="-").count("\n- ") == 5


def test_rows_alone_and_whole_seed_article():
    assert read_maze(ROWS).maze.key() == read_maze(SEED).maze.key()
    article = "Some prose before.\n" + SEED + "Both our locally hosted QwQ instance ...\nmore prose\n"
    assert read_maze(article).maze.key() == read_maze(SEED).maze.key()


def test_detection():
    assert is_maze_text(SEED) and is_maze_text(ROWS)
    assert not is_maze_text((Path(__file__).resolve().parents[2] / "puzzles" / "card16.txt").read_text())


def test_wall_tokens_in_any_order_and_no_wall():
    text = ROWS.replace("<|up_left_right_wall|>", "<|right_up_left_wall|>", 1)
    assert read_maze(text).maze.key() == read_maze(ROWS).maze.key()
    assert wall_token(0) == "<|no_wall|>" and wall_token(15) == "<|up_down_left_right_wall|>"


def test_unknown_token():
    e = error(ROWS.replace("<|up_right_wall|><|blank|>", "<|up_rigth_wall|><|blank|>", 1))
    assert "unknown token <|up_rigth_wall|>" in e.message
    assert e.location.file == "bad.txt"
    line1 = ROWS.splitlines()[0].replace("<|up_right_wall|>", "<|up_rigth_wall|>")
    assert e.location.line == 1 and e.location.column == line1.index("<|up_rigth_wall|>") + 1
    assert "<|no_wall|>" in e.hint


def test_text_between_tokens():
    e = error(ROWS.replace("<|0-1|>", "x<|0-1|>", 1))
    assert "expected a token" in e.message and e.location.line == 1


def test_missing_origin_and_target():
    e = error(ROWS.replace("<|origin|>", "<|blank|>"))
    assert "no <|origin|>" in e.message and e.location.line == 5
    e = error(ROWS.replace("<|target|>", "<|blank|>"))
    assert "no <|target|>" in e.message


def test_repeated_origin_and_target():
    rows = ROWS.splitlines()
    rows[4] = rows[4].replace("<|4-4|><|down_right_wall|><|blank|>", "<|4-4|><|down_right_wall|><|origin|>")
    e = error("\n".join(rows) + "\n")
    assert "second <|origin|> in cell 4-4" in e.message and "3-1" in e.message
    assert e.location.line == 5 and e.location.column == rows[4].index("<|origin|>") + 1
    e = error(ROWS.replace("<|0-0|><|up_left_right_wall|><|blank|>", "<|0-0|><|up_left_right_wall|><|target|>"))
    assert "second <|target|> in cell 1-3" in e.message and "0-0" in e.message


def test_missing_cell():
    e = error(ROWS.replace("<|2-2|><|down_left_wall|><|blank|>", ""))
    assert "cell 2-2 is missing" in e.message and e.location.line == 3
    rows = ROWS.splitlines()
    e = error("\n".join(rows[:2] + rows[3:]) + "\n")
    assert "row 2 is missing" in e.message


def test_not_rectangular():
    e = error(ROWS.replace("<|1-4|><|down_left_right_wall|><|blank|>", ""))
    assert "not rectangular" in e.message and "row 1 has 4 cells, row 0 has 5" in e.message
    assert e.location.line == 2


def test_walls_disagree_names_the_pair():
    e = error(ROWS.replace("<|1-4|><|down_left_right_wall|>", "<|1-4|><|down_right_wall|>"))
    assert "walls disagree between 1-3 and 1-4" in e.message
    assert "1-3 has a right wall but 1-4 has no left wall" in e.message
    assert e.location.line == 2
    e = error(ROWS.replace("<|3-2|><|up_down_wall|>", "<|3-2|><|down_wall|>"))
    assert "walls disagree between 2-2 and 3-2" in e.message and "2-2 has a down wall but 3-2 has no up wall" in e.message
    assert e.location.line == 4


def test_cell_structure_errors():
    e = error(ROWS.replace("<|0-0|><|up_left_right_wall|><|blank|>", "<|0-0|><|blank|>", 1))
    assert "expected a wall token after <|0-0|>" in e.message
    e = error(ROWS.replace("<|0-0|><|up_left_right_wall|><|blank|>", "<|0-0|><|up_left_right_wall|>", 1))
    assert "expected <|blank|>, <|origin|> or <|target|>" in e.message
    e = error(ROWS.replace("<|0-0|>", "<|up|><|0-0|>", 1))
    assert "expected a coordinate" in e.message and "<|up|>" in e.message
    e = error(ROWS.replace("<|0-0|><|up_left_right_wall|>", "<|0-0|><|up_up_wall|>", 1))
    assert "names the up wall twice" in e.message
    e = error(ROWS.replace("<|0-1|>", "<|0-0|>", 1))
    assert "cell 0-0 appears twice" in e.message


def test_rows_and_prose():
    e = error("hello\n" + ROWS)
    assert "expected a maze row" in e.message and e.location.line == 1
    rows = ROWS.splitlines()
    e = error("\n".join(rows[:2] + [""] + rows[2:]) + "\n")
    assert "contiguous" in e.message and e.location.line == 4
    e = error("# only a comment\n")
    assert "no maze rows" in e.message
    e = error("# expect: right sideways\n" + ROWS)
    assert "'# expect:' takes moves" in e.message


def test_too_large_refused():
    with pytest.raises(TooLarge):
        read_maze("<|0-0|><|no_wall|><|origin|><|200-200|><|no_wall|><|target|>\n")


def test_cli_style_rendering_has_caret():
    e = error(ROWS.replace("<|2-3|><|up_down_wall|>", "<|2-3|><|up_dwn_wall|>"))
    text = e.render()
    assert text.startswith("bad.txt:3:") and "^" in text


@settings(max_examples=60, deadline=None)
@given(rows=st.integers(2, 8), cols=st.integers(2, 8), loops=st.integers(0, 8), seed=st.integers(0, 10**6))
def test_render_parse_round_trip_and_symmetric_walls(rows, cols, loops, seed):
    items, _ = generate_mazes(1, seed, {"rows": rows, "cols": cols, "loops": loops, "unique": 0})
    m = items[0].maze
    for r in range(rows):
        for c in range(cols):
            w = m.walls[r * cols + c]
            if c + 1 < cols:
                assert bool(w & BIT["right"]) == bool(m.walls[r * cols + c + 1] & BIT["left"])
            if r + 1 < rows:
                assert bool(w & BIT["down"]) == bool(m.walls[(r + 1) * cols + c] & BIT["up"])
            assert (r > 0 or w & BIT["up"]) and (r < rows - 1 or w & BIT["down"])
            assert (c > 0 or w & BIT["left"]) and (c < cols - 1 or w & BIT["right"])
    assert read_maze(render_maze(m)).maze.key() == m.key()
    assert read_maze(render_prompt(m)).maze.key() == m.key()
    assert render_prompt(read_maze(render_prompt(m)).maze) == render_prompt(m)
