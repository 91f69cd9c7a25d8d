"""The engine's core: cells (the equations and their fast kernels), activations, initialisers, the
trace, simulation and gradients through time. Imports numpy and the standard library only
(``native`` compiles the optional C loops of the LSTM and GRU kernels with the system compiler).
"""
