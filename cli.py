"""`python cli.py solve puzzles/card16.txt`: the command line (installed too as `epistemic`)."""
from epistemic.cli import main

if __name__ == "__main__":
    main()
