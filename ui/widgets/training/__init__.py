"""Watch a cell learn: the Train panel, its background run, and the RNN/LSTM/GRU race."""
