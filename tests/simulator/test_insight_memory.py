"""Compare and the memory test: the presets' delays, the trio, the aligned table."""

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.document.presets import load_preset
from simulator.insight import aligned_arrays, compare_cells, default_trio, memory_curve

# The hold presets write with the value column at 0.8 and the write-cue column at 1 (HOLD_CUE = 5).
WRITE_PULSE = [0.8, 1.0]


def test_rnn_pulse_fades_within_three_steps():
    cell = load_preset("rnn-pulse-fades").cell
    result = memory_curve(cell, pulse_at=3, length=20)
    assert result.curve[0] == 1.0 and result.delays[-1] == 20
    assert result.delay_below() == 3 and result.delay_below(h_only=True) == 3
    assert result.curve[2] > 0.1 > result.curve[3]
    assert np.all(np.diff(result.curve) < 0)  # a tanh RNN with small weights only fades


@pytest.mark.parametrize("preset", ["lstm-holds-200", "gru-holds"])
def test_hold_presets_stay_above_ten_percent_for_200_steps(preset):
    cell = load_preset(preset).cell
    result = memory_curve(cell, pulse_at=5, length=214, pulse=WRITE_PULSE)
    assert result.delay_below() is None
    assert result.curve[200] > 0.6  # unit 0 holds its share of the pulse; unit 1 forgot long ago
    assert result.delay_below(0.75) is not None and result.delay_below(0.75) < 20


def test_lstm_curve_uses_h_and_c():
    cell = load_preset("lstm-holds-200").cell
    result = memory_curve(cell, pulse_at=5, length=30, pulse=WRITE_PULSE)
    tp, tb = result.pulse_trace, result.base_trace
    d = 7
    expected = np.linalg.norm(np.concatenate([tp.h[5 + d] - tb.h[5 + d], tp.c[5 + d] - tb.c[5 + d]]))
    assert result.norms[d] == pytest.approx(expected, rel=1e-15)
    h_only = np.linalg.norm(tp.h[5:] - tb.h[5:], axis=1)
    np.testing.assert_allclose(result.curve_h, h_only / h_only[0], rtol=1e-15)


def test_pulse_that_moves_nothing_gives_zeros():
    cell = load_preset("lstm-holds-200").cell
    result = memory_curve(cell, pulse_at=2, length=5, amplitude=0.0)
    assert not result.curve.any() and result.delay_below() == 0


def test_background_and_validation():
    cell = simulator.make_cell("gru", 2, 3, seed=1)
    bg = np.random.default_rng(0).normal(size=(11, 2))
    result = memory_curve(cell, pulse_at=3, length=7, input_dim=1, background=bg)
    assert np.array_equal(result.base_trace.x, bg)
    assert result.pulse_trace.x[3, 1] == bg[3, 1] + 1.0
    with pytest.raises(InputError, match="input_dim"):
        memory_curve(cell, input_dim=2)
    with pytest.raises(InputError, match="background"):
        memory_curve(cell, pulse_at=3, length=7, background=bg[:5])
    with pytest.raises(InputError):
        memory_curve(cell, pulse=[1.0, 2.0, 3.0])


def test_default_trio_and_compare():
    cells = default_trio(2, 5, seed=4)
    assert [c.kind for c in cells] == ["rnn", "lstm", "gru"]
    assert all((c.input_size, c.hidden_size) == (2, 5) for c in cells)
    assert cells[1] == simulator.make_cell("lstm", 2, 5, seed=4)
    x = np.random.default_rng(1).normal(size=(9, 2))
    traces = compare_cells(cells, x)
    for cell, trace in zip(cells, traces, strict=True):
        assert np.array_equal(trace.h, simulator.run(cell, x).h)
    table = aligned_arrays(["rnn", "lstm", "gru"], traces, [None, {"dhT_dh": np.ones(9)}, None])
    assert set(table) >= {"x", "rnn/h", "lstm/c", "lstm/f", "gru/z", "lstm/dhT_dh"}
    assert all(len(v) == 9 for v in table.values())


def test_compare_refuses_mismatches():
    with pytest.raises(InputError, match="input sizes"):
        compare_cells([simulator.make_cell("rnn", 1, 2), simulator.make_cell("rnn", 2, 2)], np.zeros((3, 1)))
    with pytest.raises(InputError, match="initial states"):
        compare_cells([simulator.make_cell("rnn", 1, 2)], np.zeros((3, 1)), [None, None])
    with pytest.raises(InputError, match="no cells"):
        compare_cells([], np.zeros((3, 1)))
