"""The gradient-through-time plot and its title."""
