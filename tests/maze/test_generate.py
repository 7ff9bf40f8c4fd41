"""Generation: by seed and index, sizes, loops, unique shortest paths, difficulty, and knob errors."""
import pytest
from hypothesis import given, settings, strategies as st

from epistemic.errors import EpistemicError
from epistemic.maze.generate import generate_mazes, regenerate_maze, resolve_knobs
from epistemic.maze.parse import read_maze
from epistemic.maze.solve import solve_maze

from .reference import shortest_by_brute_force


def test_same_seed_same_mazes_and_items_regenerate_alone():
    a, _ = generate_mazes(20, 3, {"size": 5})
    b, _ = generate_mazes(20, 3, {"size": 5})
    assert [x.maze.key() for x in a] == [x.maze.key() for x in b]
    assert len({x.maze.key() for x in a}) == 20
    again = regenerate_maze(3, 7, a[7].skip, {"size": 5})
    assert again.maze.key() == a[7].maze.key()
    c, _ = generate_mazes(5, 3, {"size": 5}, start=7)
    assert c[0].maze.key() == a[7].maze.key()


def test_record_reads_back_as_the_same_maze():
    item = generate_mazes(1, 1, {"size": 6, "loops": 3})[0][0]
    r = item.to_dict()
    assert r["family"] == "maze" and r["id"] == "maze-1-0" and r["size"] == "6x6"
    maze = read_maze(r["source"]).maze
    assert maze.key() == r["key"]
    sol = solve_maze(maze)
    assert r["answer_values"] == list(sol.moves) and r["certificate"]["unique"]
    assert r["answer"] == " ".join(f"<|{m}|>" for m in sol.moves)


@settings(max_examples=30, deadline=None)
@given(size=st.integers(2, 6), loops=st.integers(0, 5), seed=st.integers(0, 10**6),
       level=st.sampled_from([None, "easy", "medium", "hard"]))
def test_generated_mazes_are_solvable_and_unique_when_asked(size, loops, seed, level):
    k = resolve_knobs({"size": size, "loops": loops, "unique": 1}, level)
    try:
        items, _ = generate_mazes(1, seed, k)
    except EpistemicError as exc:
        # small grids with loops rarely keep a long unique shortest path: the search gives up, saying so
        assert "no maze found" in exc.message and loops > 0 and size <= 4 and level in ("medium", "hard")
        return
    sol = items[0].solution
    assert sol.reachable and sol.reachable_cells == size * size  # every maze is connected
    assert k.min_length <= sol.length <= k.max_length
    best, count, _ = shortest_by_brute_force(sol.maze)
    assert (best, count) == (sol.length, 1)


def test_perfect_mazes_are_trees():
    for item in generate_mazes(30, 11, {"rows": 4, "cols": 6})[0]:
        m = item.maze
        openings = sum(len(o) for o in m.open_moves) // 2
        assert openings == m.rows * m.cols - 1


def test_loops_add_openings():
    item = generate_mazes(1, 2, {"size": 6, "loops": 5, "unique": 0})[0][0]
    assert sum(len(o) for o in item.maze.open_moves) // 2 == 35 + 5


def test_difficulty_presets_order_lengths():
    lengths = {}
    for level in ("easy", "medium", "hard"):
        items, _ = generate_mazes(10, 1, {"size": 5}, level)
        lengths[level] = [i.solution.length for i in items]
    assert max(lengths["easy"]) < min(lengths["medium"]) and max(lengths["medium"]) < min(lengths["hard"])


def test_knob_errors():
    for knobs, text in [({"sise": 5}, "no knob 'sise'"), ({"size": 1}, "rows must be"),
                        ({"loops": -1}, "loops must be"), ({"unique": "maybe"}, "unique must be"),
                        ({"length": (5, 3)}, "bad maze length")]:
        with pytest.raises(EpistemicError, match=text):
            resolve_knobs(knobs)
    with pytest.raises(EpistemicError, match="at most 8 moves"):
        generate_mazes(1, 0, {"size": 3, "length": 9})
    with pytest.raises(EpistemicError, match="no maze found"):
        generate_mazes(1, 0, {"size": 2, "length": 3, "unique": 1, "loops": 1})
    with pytest.raises(EpistemicError):
        resolve_knobs({"size": 500})


def test_dataset_items_score_and_audit():
    from epistemic.maze.tasks import audit_trace, dataset_item, is_maze_item, score_answer

    record = generate_mazes(1, 4, {"size": 5})[0][0].to_dict()
    item = dataset_item(record)
    assert is_maze_item(item) and item["question"].startswith("You are a helpful assistant that solves mazes.")
    assert score_answer(item["answer"], item) == 1.0
    assert score_answer("<think>hmm</think>" + item["answer"], item) == 1.0
    moves = record["answer_values"]
    assert score_answer(" ".join(moves[:-1]), item) == 0.0
    assert score_answer("I give up", item) == 0.0
    d = audit_trace(item["metadata"]["source"], item["answer"]).to_dict()
    assert d["final_answer_correct"] and d["label"] == -1
