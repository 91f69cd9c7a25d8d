"""The headless command line: `simulate`, `compare` and `train`; one line and exit status 2 for any bad
input.
"""
