"""The seed's maze solved by hand and by brute force; BFS against brute force on random mazes."""
from pathlib import Path

from hypothesis import given, settings, strategies as st

from epistemic.maze.generate import generate_mazes, resolve_knobs
from epistemic.maze.grid import Cell
from epistemic.maze.parse import read_maze
from epistemic.maze.solve import expected_ok, solve_maze

from .reference import neighbours, shortest_by_brute_force

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"

# The seed maze worked out by hand. Origin 3-1 (walls down, left), target 1-3.
# From 3-1: up leads to 2-1 -> 1-1 -> 1-0 -> 0-0, where every way on is walled: a dead end.
# Right: 3-2 -> 3-3 -> 3-4 (row 3 is a corridor, 3-2 and 3-3 have walls up and down).
# At 3-4: down leads to row 4, a corridor back west to 4-0 -> 3-0 -> 2-0, walled above: a dead end.
# Up: 2-4 (walls up, right) -> left 2-3 (walls up, down) -> 2-2 (walls down, left) -> up 1-2 -> right 1-3.
# So: right right right up left left up right, 8 moves, and no other way (the maze is a tree: 24 openings).
SEED_ANSWER = ("right", "right", "right", "up", "left", "left", "up", "right")
SEED_CELLS = ((3, 1), (3, 2), (3, 3), (3, 4), (2, 4), (2, 3), (2, 2), (1, 2), (1, 3))


def seed_maze():
    return read_maze((PUZZLES / "alphamaze_seed.txt").read_text(encoding="utf-8"), "alphamaze_seed.txt")


def test_seed_maze_answer_by_hand():
    mf = seed_maze()
    m = mf.maze
    assert (m.rows, m.cols, m.origin, m.target) == (5, 5, Cell(3, 1), Cell(1, 3))
    assert mf.header is not None and mf.header.endswith("MAZE:")
    sol = solve_maze(m)
    assert sol.moves == SEED_ANSWER
    assert tuple(map(tuple, sol.cells)) == SEED_CELLS
    assert sol.count == 1 and sol.reachable_cells == 25
    openings = sum(len(neighbours(m, r, c)) for r in range(5) for c in range(5)) // 2
    assert openings == 24  # a tree on 25 cells: every path is unique


def test_seed_maze_answer_by_brute_force():
    m = seed_maze().maze
    best, count, paths = shortest_by_brute_force(m)
    assert (best, count, paths) == (8, 1, [SEED_ANSWER])


def test_seed_lines_alone_is_the_same_maze():
    lines = read_maze((PUZZLES / "seed_5x5.txt").read_text(encoding="utf-8"), "seed_5x5.txt")
    assert lines.maze == seed_maze().maze  # the name is not part of equality
    assert lines.maze.name == "AlphaMaze seed (5x5)"
    assert lines.expected == SEED_ANSWER
    assert lines.header is None


def test_every_puzzle_matches_brute_force_and_its_expectation():
    for path in sorted(PUZZLES.glob("*.txt")):
        mf = read_maze(path.read_text(encoding="utf-8"), str(path))
        sol = solve_maze(mf.maze)
        best, count, paths = shortest_by_brute_force(mf.maze)
        assert (sol.length, sol.count) == (best, count), path
        assert sol.moves in paths
        if mf.expected is not None:
            assert expected_ok(sol, mf.expected), path
            assert sol.unique and sol.moves == mf.expected


def test_loops_puzzle_has_several_shortest_paths():
    mf = read_maze((PUZZLES / "loops_6x6_many.txt").read_text(encoding="utf-8"))
    assert solve_maze(mf.maze).count >= 2


def test_unreachable_target():
    text = ("<|0-0|><|up_left_right_wall|><|origin|><|0-1|><|up_left_right_wall|><|target|>\n"
            "<|1-0|><|down_left_right_wall|><|blank|><|1-1|><|down_left_right_wall|><|blank|>\n")
    sol = solve_maze(read_maze(text).maze)
    assert not sol.reachable and sol.count == 0 and sol.reachable_cells == 2 and sol.moves == ()
    assert sol.to_dict()["answer"] is None


knob_sets = st.fixed_dictionaries({
    "rows": st.integers(2, 5), "cols": st.integers(2, 5), "loops": st.integers(0, 6),
    "unique": st.sampled_from([0, 1]),
})


@settings(max_examples=60, deadline=None)
@given(knobs=knob_sets, seed=st.integers(0, 10_000))
def test_bfs_equals_brute_force_on_random_mazes(knobs, seed):
    items, _ = generate_mazes(1, seed, knobs)
    sol = items[0].solution
    best, count, paths = shortest_by_brute_force(sol.maze)
    assert sol.reachable and sol.length == best and sol.count == count
    assert sol.moves in paths
    if knobs["unique"]:
        assert count == 1
    # every cell's distance to the target agrees with a plain relaxation
    m = sol.maze
    dist = {tuple(m.target): 0}
    frontier = [tuple(m.target)]
    while frontier:
        nxt = []
        for cell in frontier:
            for _, other in neighbours(m, *cell):
                if other not in dist:
                    dist[other] = dist[cell] + 1
                    nxt.append(other)
        frontier = nxt
    for i, d in enumerate(sol.to_target):
        assert d == dist.get(divmod(i, m.cols), -1)


def test_difficulty_of_the_seed():
    d = solve_maze(seed_maze().maze).to_dict()["difficulty"]
    # turns: R R R | U | L L | U | R -> 4 changes; dead ends: 0-0, 0-1, 1-4, 2-0 (cells with one opening)
    assert d == {"rows": 5, "cols": 5, "length": 8, "turns": 4, "dead_ends": 4, "decisions": 2}


def test_resolve_knobs_presets():
    k = resolve_knobs({"size": 5}, "hard")
    assert (k.rows, k.cols, k.min_length) == (5, 5, 15)
