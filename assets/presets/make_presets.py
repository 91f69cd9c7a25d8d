"""Build the preset sessions in this folder from hand-designed weights.

Run ``python assets/presets/make_presets.py`` from the repository root to rewrite every
``<id>.json`` here. The output depends on nothing but this file: the weights are
written out by hand and the noisy inputs come from a seeded generator rounded to two
decimals, so the files are reproducible bit for bit (a test rebuilds them and compares).

Every weight not set below is zero, so each unit does one visible job. Biases go in
``bias_ih``; ``bias_hh`` stays zero.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # the repository root, for ``simulator``

from simulator.core.cells import CELL_CLASSES, Cell  # noqa: E402
from simulator.document.session import Session  # noqa: E402

sys.path.insert(0, str(HERE))
from presets_ko import KOREAN  # noqa: E402

BLOCKS = {"rnn": ("h",), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
HOLD_CUE, HOLD_STEPS = 5, 220  # the long-memory presets write at step 5 and run 220 steps
COMPARE_CUES = {6: 0.7, 34: -0.6}  # step -> the value written, for compare-lstm / compare-gru


class Weights:
    """Zero parameters of one cell in PyTorch layout, filled in one gate row at a time.

    Parameters
    ----------
    kind : {"rnn", "lstm", "gru"}
    input_size, hidden_size : int
        D and H.
    """

    def __init__(self, kind: str, input_size: int, hidden_size: int) -> None:
        self.kind, self.H = kind, hidden_size
        rows = len(BLOCKS[kind]) * hidden_size
        self.w_ih = np.zeros((rows, input_size))
        self.w_hh = np.zeros((rows, hidden_size))
        self.b_ih = np.zeros(rows)

    def set(self, gate: str, unit: int, bias: float = 0.0, x: Sequence[float] | None = None,
            h: Sequence[float] | None = None) -> Weights:
        """Set the pre-activation of ``gate`` for ``unit``: ``bias + x · w_x + h · w_h``."""
        row = BLOCKS[self.kind].index(gate) * self.H + unit
        self.b_ih[row] = bias
        if x is not None:
            self.w_ih[row] = x
        if h is not None:
            self.w_hh[row] = h
        return self

    def cell(self, **options: object) -> Cell:
        """The finished cell (``options``: nonlinearity for the RNN)."""
        return CELL_CLASSES[self.kind](self.w_ih, self.w_hh, self.b_ih, np.zeros_like(self.b_ih),
                                       **options)


def _noise(steps: int, seed: int, low: float = -1.0, high: float = 1.0) -> np.ndarray:
    """Seeded uniform values rounded to two decimals, shape (steps,)."""
    return np.round(np.random.default_rng(seed).uniform(low, high, steps), 2)


def _cued(values: np.ndarray, cues: dict[int, float]) -> np.ndarray:
    """Inputs (T, 2): column 0 the values with ``cues`` written in, column 1 a 1 on each cue step."""
    x = np.stack([values, np.zeros_like(values)], axis=1)
    for step, value in cues.items():
        x[step] = value, 1.0
    return x


def _session(preset_id: str, lesson: int, cell: Cell, inputs: np.ndarray, title: str, description: str,
             labels: Sequence[str], speed: float = 10, **settings: object) -> Session:
    info = {"preset_id": preset_id, "lesson": lesson, "selected_unit": 0, "speed": speed, **settings}
    title_ko, description_ko = KOREAN[preset_id]
    info["translations"] = {"ko": {"title": title_ko, "description": " ".join(description_ko.split())}}
    return Session(cell=cell, inputs=inputs, title=title, description=" ".join(description.split()),
                   input_labels=list(labels), settings=info)


def rnn_pulse_fades() -> Session:
    cell = Weights("rnn", 1, 2).set("h", 0, x=[2.0], h=[0.25, 0.2]).set("h", 1, x=[1.0], h=[0.2, 0.25])
    x = np.zeros((24, 1))
    x[3] = 1.0
    return _session("rnn-pulse-fades", 1, cell.cell(nonlinearity="tanh"), x, "RNN: a pulse fades", """
        A plain tanh RNN with two units sees a single pulse at step 3 and nothing after it. Watch h:
        the pulse lights both units, then every step multiplies what is left by small recurrent
        weights and squashes it through tanh, so three steps later less than a tenth remains.
        Switch on the gradient view: ‖∂h_T/∂h_t‖ shrinks by a factor of more than a thousand within
        ten steps back, so an error at the end can no longer reach the pulse. This is the vanishing
        gradient, and it is why a plain RNN forgets.""", ["x"])


def rnn_explodes() -> Session:
    w = Weights("rnn", 1, 2).set("h", 0, 0.05, [0.5], [1.25, 0.35]).set("h", 1, 0.05, [0.5], [0.35, 1.25])
    x = np.zeros((20, 1))
    x[2] = 1.0
    return _session("rnn-explodes", 2, w.cell(nonlinearity="relu"), x,
                    "RNN: a large recurrent weight explodes", """
        A two-unit RNN again, but with relu, which never squashes, and recurrent weights that
        stretch the state by 1.6 at every step. A small bias and one pulse at step 2 are enough:
        h keeps growing, into the thousands by the last step. Switch on the gradient view:
        ‖∂h_T/∂h_t‖ multiplies by 1.6 for every step back and passes a thousand within twenty
        steps. That is the exploding gradient, the other face of the repeated product of
        φ′ · W_hh; in training it throws the weights far off, which is why gradients get clipped.""",
                    ["x"])


def lstm_holds_200() -> Session:
    w = Weights("lstm", 2, 2)
    for unit, forget_bias in ((0, 9.0), (1, 1.0)):
        w.set("i", unit, -8.0, x=[0.0, 16.0])  # opens only on the write cue
        w.set("g", unit, x=[2.0, 0.0])         # the value to store
        w.set("o", unit, 4.0)
        w.set("f", unit, forget_bias, h=[1.0, 0.0] if unit == 0 else None)
    x = _cued(_noise(HOLD_STEPS, 3), {HOLD_CUE: 0.8})
    return _session("lstm-holds-200", 3, w.cell(), x, "LSTM: the forget gate holds a value for 200 steps",
                    """
        At step 5 the write input opens the input gate of both units for one step and 0.8 is
        written into the cell state; afterwards the input gate stays shut, and the noise on the value
        input never gets in. Unit 0 has a large forget bias: its forget gate sits at 0.9999, so c is
        still almost untouched 200 steps later. Unit 1 has the usual forget bias of 1 (f ≈ 0.73) and
        has lost the value within ten steps. In the gradient view ‖∂c_T/∂c_t‖, the product of the
        forget gates along the cell line, stays near 1 across all 200 steps, where a plain RNN's
        gradient would have vanished long before.""", ["value", "write"], speed=25)


def gru_holds() -> Session:
    w = Weights("gru", 2, 2)
    for unit, keep_bias in ((0, 9.0), (1, 1.0)):
        w.set("r", unit, 4.0)
        w.set("z", unit, keep_bias, x=[0.0, -18.0])  # z ≈ 0 on the write cue: take the candidate
        w.set("n", unit, x=[2.0, 0.0])
    x = _cued(_noise(HOLD_STEPS, 3), {HOLD_CUE: 0.8})
    return _session("gru-holds", 4, w.cell(reset_after=True), x, "GRU: the update gate holds a value", """
        The GRU mixes its old state and a candidate: h' = (1 − z) ⊙ n + z ⊙ h, so z = 1 keeps the old
        value (PyTorch's convention; some diagrams draw it the other way round). At step 5 the write
        input drives z to 0 and h takes the candidate, tanh(2 × 0.8). Afterwards unit 0's update gate
        stays at 0.9999 and h holds the value for 200 steps, noise or not. Unit 1's z is only 0.73,
        so it soaks up the noise and forgets within a few steps. The gradient view shows the same
        story: ‖∂h_T/∂h_t‖ is the product of the z's and stays near 1.""", ["value", "write"], speed=25)


def _compare_inputs() -> np.ndarray:
    return _cued(_noise(60, 7), COMPARE_CUES)


def compare_lstm() -> Session:
    w = Weights("lstm", 2, 2)
    w.set("i", 0, -8.0, x=[0.0, 16.0]).set("f", 0, 8.0, x=[0.0, -16.0])  # replace on the cue only
    w.set("i", 1, 4.0).set("f", 1, -4.0)                                  # replace at every step
    for unit in (0, 1):
        w.set("g", unit, x=[1.5, 0.0]).set("o", unit, 4.0)
    return _session("compare-lstm", 5, w.cell(), _compare_inputs(),
                    "LSTM and GRU on the same input: the LSTM", """
        A noisy stream of values with two write cues, at step 6 (0.7) and step 34 (−0.6); the GRU
        preset reads exactly the same inputs. Unit 0 stores the value on each cue, and to replace it
        the LSTM needs two gates at once: the forget gate drops to 0 to clear c while the input gate
        opens to write. The value lives in c, and h only shows a squashed copy, o ⊙ tanh(c). Unit 1
        forgets at every step and simply follows the input. Open the GRU version and compare its h
        with this c: they are the same numbers.""", ["value", "write"], compare_with="compare-gru")


def compare_gru() -> Session:
    w = Weights("gru", 2, 2)
    w.set("z", 0, 8.0, x=[0.0, -16.0]).set("z", 1, -4.0)
    for unit in (0, 1):
        w.set("r", unit, 4.0).set("n", unit, x=[1.5, 0.0])
    return _session("compare-gru", 6, w.cell(reset_after=True), _compare_inputs(),
                    "LSTM and GRU on the same input: the GRU", """
        The same noisy stream and the same two write cues as the LSTM preset. The GRU does with one
        gate what the LSTM does with two: because the old state is weighted by z and the candidate by
        1 − z, dropping z to 0 on a cue clears and writes in one move. There is no separate cell
        state: unit 0 keeps the value right in h, unsquashed, which is why h here matches the LSTM's c
        rather than its h. Unit 1 keeps z near 0 and follows the input. Fewer gates and fewer
        weights, the same memory for this task.""", ["value", "write"], compare_with="compare-lstm")


def lstm_first_look() -> Session:
    w = Weights("lstm", 1, 4)
    pulse_in, pulse_keep = {"bias": -10.0, "x": [14.0]}, {"bias": 10.0, "x": [-14.0]}  # x > 0.7 only
    w.set("i", 0, **pulse_in).set("f", 0, **pulse_keep).set("g", 0, h=[0, 0, 3.0, 0])  # sample unit 2
    w.set("i", 1, **pulse_in).set("f", 1, 5.0).set("g", 1, 0.35)                        # count pulses
    w.set("i", 2, 0.0).set("f", 2, 0.0, [3.0]).set("g", 2, 0.0, [2.0])                  # follow the wave
    w.set("i", 3, **pulse_in).set("f", 3, 0.0).set("g", 3, 1.5)                         # forget fast
    for unit in range(4):
        w.set("o", unit, 2.0)
    t = np.arange(40)
    x = np.round(0.4 * np.sin(2 * np.pi * t / 16), 2)
    x[[6, 18, 30]] = 1.0
    return _session("lstm-first-look", 0, w.cell(), x[:, None], "LSTM: first look", """
        An LSTM with four units reads a gentle wave with three sharp pulses, at steps 6, 18 and 30.
        Press Space and watch unit 0: on each pulse its forget gate dims to almost 0 while its input
        gate opens, so the old cell state is wiped and a new value, a snapshot of unit 2, is written
        in; between pulses the forget gate stays near 1 and c holds still. Unit 1 keeps its forget
        gate near 1 and adds a little on every pulse, counting them, and unit 2's forget gate breathes
        with the wave. Unit 3 is written like unit 1 but its forget gate sits at 0.5, so each pulse
        fades within a few steps. Hover any gate to see its formula with the live numbers.""",
                    ["x"], speed=6)


def gru_reset() -> Session:
    w = Weights("gru", 2, 2)
    w.set("r", 0, 6.0, x=[0.0, -12.0]).set("r", 1, 6.0)  # only unit 0 listens to the reset cue
    for unit in (0, 1):
        w.set("z", unit, -6.0).set("n", unit, x=[1.0, 0.0], h=[1.0, 0.0] if unit == 0 else [0.0, 1.0])
    x = np.stack([_noise(40, 11, 0.1, 0.5), np.zeros(40)], axis=1)
    x[[13, 27], 1] = 1.0
    return _session("gru-reset", 7, w.cell(reset_after=True), x, "GRU: the reset gate drops the past", """
        Both units keep z near 0, so h is simply the candidate n = tanh(W_in x + r ⊙ W_hn h): each
        step adds the new input to what came before, and h climbs to about 0.8. At steps 13 and 27 the
        reset input drives unit 0's reset gate to 0. The candidate then sees only the current input,
        the past is dropped, and h falls back to about tanh(x) before it starts climbing again.
        Unit 1 has no reset connection and keeps its running total.""", ["value", "reset"])


PRESETS: dict[str, Callable[[], Session]] = {
    "lstm-first-look": lstm_first_look, "rnn-pulse-fades": rnn_pulse_fades, "rnn-explodes": rnn_explodes,
    "lstm-holds-200": lstm_holds_200, "gru-holds": gru_holds, "compare-lstm": compare_lstm,
    "compare-gru": compare_gru, "gru-reset": gru_reset,
}


def build_presets() -> dict[str, Session]:
    """Every preset session by id."""
    return {preset_id: build() for preset_id, build in PRESETS.items()}


def main(folder: Path = HERE) -> None:
    """Write ``<id>.json`` for every preset into ``folder``."""
    for preset_id, session in build_presets().items():
        session.save(folder / f"{preset_id}.json")
        print(f"wrote {preset_id}.json")


if __name__ == "__main__":
    main()
