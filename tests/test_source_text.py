"""The source files hold text only: no control character but newline and tab. A regular expression written in a
plain string where a raw one was meant turns "\\b" into a backspace, which then never matches (evidence.py held two
such patterns for many sessions)."""
import re

from tests.paths import ROOT

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def test_no_control_characters_in_the_python_sources():
    found = []
    for folder in ("epistemic", "bench", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if _CONTROL.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}")
    assert not found, found
