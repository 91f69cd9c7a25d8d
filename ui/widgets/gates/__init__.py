"""The gate panel and the inspector: the current step's gate values and equations in numbers."""
