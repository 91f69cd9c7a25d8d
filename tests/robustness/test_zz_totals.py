"""The totals: at least 10,000 generated hostile files across the loaders.

This module runs last (pytest collects the directory in name order); the declared budget
is checked on its own, the executed count only when every hostile-file test ran.
"""

from __future__ import annotations

import pytest
from hostile_checks import BUDGET, COUNTS

TARGET = 10_000


def test_declared_budget_reaches_ten_thousand():
    assert sum(BUDGET.values()) >= TARGET


def test_every_loader_received_its_files():
    if set(BUDGET) - set(COUNTS):
        pytest.skip(f"not every hostile-file test ran (missing: {sorted(set(BUDGET) - set(COUNTS))[:3]} …)")
    short = {key: COUNTS[key] for key in BUDGET if COUNTS[key] < BUDGET[key]}
    assert not short, f"fewer files than budgeted: {short}"
    assert sum(COUNTS.values()) >= TARGET
