"""The inputs table and its model."""
