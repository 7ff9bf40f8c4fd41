"""Announcements -> stages: the models after each announcement, the answer, and their text report."""
