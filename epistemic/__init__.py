"""epistemic: solve, audit and generate logic puzzles about knowledge.

    >>> from epistemic import api
    >>> sol = api.solve(api.load_puzzle("puzzles/card16.txt"))
    >>> sol.answer_text()
    ['5 of diamonds (♦5)']
"""
__version__ = "0.1.0"
