"""The HTML report: self-contained, escaped, and (when chromium is installed) it renders."""
import shutil
import subprocess
from pathlib import Path

import pytest

from epistemic.api import load_puzzle
from epistemic.audit import audit_trace
from epistemic.audit.html import audit_html
from tests.paths import ROOT



@pytest.fixture(scope="module")
def page():
    p = load_puzzle(str(ROOT / "puzzles/card16.txt"))
    text = (ROOT / "tests/data/audit/qwq_card16_zh.txt").read_text(encoding="utf-8")
    return audit_html(audit_trace(p, text + "\n\n<script>alert(1)</script> 所以，牌是方块5。"))


def test_self_contained_and_escaped(page):
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "class='step bad first'" in page and "♦5" in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_renders_in_headless_chromium(page, tmp_path):
    html, png = tmp_path / "a.html", tmp_path / "a.png"
    html.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    f"--screenshot={png}", "--window-size=1400,1000", html.as_uri()],
                   capture_output=True, timeout=90)
    assert png.exists() and png.stat().st_size > 10_000
