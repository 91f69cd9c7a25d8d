"""The document: a session (cell, inputs, settings) saved as JSON, the presets and where the data files
are. May import simulator.io and simulator.core.
"""
