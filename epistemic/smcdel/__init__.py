"""SMCDEL's text format: read `.smcdel.txt` files into our puzzles and jobs, and write our puzzles in it."""
from __future__ import annotations

from .jobs import JobResult, Run, run_jobs, smcdel_space
from .reader import Job, SmcdelFile, is_smcdel_text, read_smcdel

__all__ = ["Job", "JobResult", "Run", "SmcdelFile", "is_smcdel_text", "read_smcdel", "run_jobs", "smcdel_space"]
