"""A puzzle as a task for a model: its prompt text (render) and the scoring of an answer (scoring)."""
