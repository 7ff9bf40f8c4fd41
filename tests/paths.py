"""Where the tests find the repository's files, wherever a test module sits under tests/."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUZZLES = ROOT / "puzzles"
DATA = ROOT / "tests" / "data"
