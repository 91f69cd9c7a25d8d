"""The timeline's pooled levels: the extreme rule by hand, NaN and inf, any zoom equals pooling the steps
directly, and an edit (or an insert or delete) from step t leaves the same levels as a rebuild."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.widgets.timeline.timeline_pyramid import (
    FACTOR,
    TOP,
    Pyramid,
    column_width,
    pool_envelope,
    pool_extreme,
)

F32 = np.float32


def test_each_group_keeps_the_value_farthest_from_the_neutral_point():
    block = np.array([[0.5, 0.0], [0.9, 0.3],     # group 0
                      [0.1, -0.8], [0.6, 0.2],    # group 1
                      [0.45, 0.7]], F32)          # group 2: the short tail
    np.testing.assert_array_equal(pool_extreme(block, 2, neutral=0.5),
                                  F32([[0.9, 0.0], [0.1, -0.8], [0.45, 0.7]]))
    np.testing.assert_array_equal(pool_extreme(block, 2, neutral=0.0),
                                  F32([[0.9, 0.3], [0.6, -0.8], [0.45, 0.7]]))


def test_a_sigmoid_gate_dip_wins_over_values_farther_from_zero():
    forget = F32([[0.55], [0.02], [0.6], [0.97 - 0.1]])  # one dip to 0.02 among open-ish values
    assert pool_extreme(forget, 4, neutral=0.5)[0, 0] == F32(0.02)  # 0.48 from the middle
    assert pool_extreme(forget, 4, neutral=0.0)[0, 0] == F32(0.87)  # the tanh rule would hide it


def test_a_tie_keeps_the_value_above_the_neutral_point():
    assert pool_extreme(F32([[0.25], [0.75]]), 2, neutral=0.5)[0, 0] == F32(0.75)
    assert pool_extreme(F32([[1.0], [-1.0]]), 2, neutral=0.0)[0, 0] == F32(1.0)


def test_nan_wins_and_infinities_are_the_farthest_values():
    block = F32([[0.2, 1.0, 3.0], [np.nan, -np.inf, 2.0], [0.9, 5.0, np.inf]])
    pooled = pool_extreme(block, 3, neutral=0.0)
    assert np.isnan(pooled[0, 0]) and pooled[0, 1] == -np.inf and pooled[0, 2] == np.inf


def test_the_envelope_is_the_minimum_and_maximum_of_each_group():
    x = F32([3, -1, 4, 1, -5, 9, 2])
    pooled = pool_envelope(np.column_stack([x, x]), 3)
    np.testing.assert_array_equal(pooled, F32([[-1, 4], [-5, 9], [2, 2]]))


@given(st.floats(min_value=1e-3, max_value=1e8))
def test_column_widths_are_at_least_the_steps_per_pixel_and_less_than_twice(steps_per_pixel):
    width = column_width(steps_per_pixel)
    if steps_per_pixel <= 1:
        assert width == 1
        return
    assert steps_per_pixel <= width < 2 * steps_per_pixel
    while width % FACTOR == 0:
        width //= FACTOR
    assert width < FACTOR  # g · FACTOR**k: read from one level with fewer than FACTOR entries a column


def _direct(x: np.ndarray, start: int, stop: int, width: int, neutral: float) -> np.ndarray:
    """Pool the steps of each column straight from the series (the reference)."""
    first, last = start // width, -(-stop // width)
    rows = []
    for j in range(first, last):
        block = x[j * width:(j + 1) * width].astype(F32)
        hi, lo = block.max(axis=0), block.min(axis=0)
        rows.append(np.where(hi - neutral >= neutral - lo, hi, lo))
    return np.array(rows, F32)


def _series(seed: int, T: int, K: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = 1 / (1 + np.exp(-3 * rng.normal(size=(T, K))))
    x[rng.random((T, K)) < 0.001] = np.nan  # an overflow here and there
    x[rng.random((T, K)) < 0.001] = 1e39    # beyond float32: +inf
    return x


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 20_000), st.integers(1, 3), st.data())
def test_any_window_at_any_width_equals_pooling_the_steps_directly(seed, T, K, data):
    x = _series(seed, T, K)
    pyramid = Pyramid(pool_extreme, neutral=0.5)
    pyramid.update(x)
    start = data.draw(st.integers(0, T - 1))
    stop = data.draw(st.integers(start + 1, T))
    width = column_width(data.draw(st.floats(0.5, 2.0 * T)))
    first, values = pyramid.columns(x, start, stop, width)
    assert first == start // width
    with np.errstate(over="ignore"):
        np.testing.assert_array_equal(values, _direct(x, start, stop, width, 0.5))


def test_one_step_per_column_is_the_exact_trace():
    x = _series(1, 300, 2)
    pyramid = Pyramid(pool_extreme, neutral=0.5)
    pyramid.update(x)
    first, values = pyramid.columns(x, 10, 50, 1)
    with np.errstate(over="ignore"):
        np.testing.assert_array_equal(values, x[10:50].astype(F32))
    assert first == 10


def test_the_levels_take_a_seventh_of_a_float32_copy():
    x = _series(2, 100_000, 4)
    pyramid = Pyramid(pool_extreme, neutral=0.0)
    pyramid.update(x)
    assert [level.shape[0] for level in pyramid.levels] == [12_500, 1_563, 196, 25]
    assert pyramid.levels[-1].shape[0] <= TOP
    assert pyramid.nbytes <= x.size * 4 / (FACTOR - 1)


@pytest.mark.parametrize("T", [1, 2, 64, 65])
def test_short_series_have_few_or_no_levels_and_still_pool(T):
    x = _series(3, T, 1)
    pyramid = Pyramid(pool_extreme, neutral=0.5)
    pyramid.update(x)
    _, values = pyramid.columns(x, 0, T, 7)
    with np.errstate(over="ignore"):
        np.testing.assert_array_equal(values, _direct(x, 0, T, 7, 0.5))


edits = st.lists(st.tuples(st.sampled_from(["set", "insert", "delete"]), st.floats(0, 1),
                           st.integers(1, 3000)), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 30_000), edits)
def test_an_incremental_update_equals_a_rebuild(seed, T, changes):
    rng = np.random.default_rng(seed)
    x = _series(seed, T, 2)
    pyramid = Pyramid(pool_extreme, neutral=0.5)
    pyramid.update(x)
    for kind, where, count in changes:
        start = int(where * (len(x) - 1))
        if kind == "set":
            x = x.copy()
            x[start:] = rng.random((len(x) - start, 2))
        elif kind == "insert":
            x = np.vstack([x[:start], rng.random((count, 2)), x[start:]])
        else:
            x = np.vstack([x[:start], x[start + min(count, len(x) - 1 - start):]]) if len(x) > 1 else x
        pyramid.update(x, start)
    rebuilt = Pyramid(pool_extreme, neutral=0.5)
    rebuilt.update(x)
    assert pyramid.length == len(x)
    assert [level.shape for level in pyramid.levels] == [level.shape for level in rebuilt.levels]
    for mine, fresh in zip(pyramid.levels, rebuilt.levels, strict=True):
        np.testing.assert_array_equal(mine, fresh)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 20_000), st.data())
def test_the_envelope_columns_are_numpys_min_and_max(seed, T, data):
    x = np.random.default_rng(seed).normal(size=T)
    column = np.broadcast_to(x[:, None], (T, 2))
    pyramid = Pyramid(pool_envelope)
    pyramid.update(column)
    width = column_width(data.draw(st.floats(1.0, float(T))))
    _, envelope = pyramid.columns(column, 0, T, width)
    pad = np.full(-(-T // width) * width - T, np.nan)
    steps = np.concatenate([x, pad]).astype(F32).reshape(-1, width)
    np.testing.assert_array_equal(envelope[:, 0], np.nanmin(steps, axis=1))
    np.testing.assert_array_equal(envelope[:, 1], np.nanmax(steps, axis=1))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 30_000), st.floats(0, 1),
       st.lists(st.integers(1, 5000), max_size=12))
def test_pooling_a_running_recompute_chunk_by_chunk_equals_a_rebuild(seed, T, where, chunks):
    rng = np.random.default_rng(seed)
    x = _series(seed, T, 3)
    pyramid = Pyramid(pool_extreme, neutral=0.0)
    pyramid.update(x)
    start = int(where * (T - 1))
    x[start:] = rng.normal(size=(T - start, 3))  # the recompute's new rows, reported chunk by chunk
    done = start
    for size in chunks:
        if done >= T:
            break
        stop = min(T, done + size)
        pyramid.update(x, done, stop)
        done = stop
    pyramid.update(x, done)  # the trace_changed at the end: the rows not yet pooled
    rebuilt = Pyramid(pool_extreme, neutral=0.0)
    rebuilt.update(x)
    for mine, fresh in zip(pyramid.levels, rebuilt.levels, strict=True):
        np.testing.assert_array_equal(mine, fresh)


def test_a_partial_update_of_a_series_whose_length_changed_is_skipped():
    x = _series(1, 5000, 2)
    pyramid = Pyramid(pool_extreme, neutral=0.5)
    pyramid.update(x)
    before = [level.copy() for level in pyramid.levels]
    pyramid.update(np.vstack([x, x]), 0, 4096)
    assert pyramid.length == 5000
    for mine, old in zip(pyramid.levels, before, strict=True):
        np.testing.assert_array_equal(mine, old)
