"""Unexpected errors: the exception hook and the error-report dialog."""
