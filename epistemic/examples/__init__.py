"""Worked analyses over the classic puzzles, written against the Python API."""
