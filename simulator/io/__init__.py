"""Reading and writing files: weight formats, input readers and generators, trace exports, atomic
writes. May import simulator.core.
"""
