"""Each node's equation with the live numbers of one unit, for tooltips and the pinned caption."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from simulator import Cell, Trace
from ui.i18n import tr
from ui.widgets.diagram.values import pre_terms, step_values

__all__ = ["TITLES", "UPDATE_STATEMENT", "equation_text", "fmt", "reset_statement", "short"]

DIGITS = 4  # decimals in equations (the node labels show 2)

#: What each key is, for people.
TITLES = {
    "f": QT_TR_NOOP("forget gate"), "i": QT_TR_NOOP("input gate"), "g": QT_TR_NOOP("cell candidate"),
    "o": QT_TR_NOOP("output gate"),
    "c": QT_TR_NOOP("new cell state"), "c_prev": QT_TR_NOOP("cell state entering the step"),
    "h": QT_TR_NOOP("new hidden state"),
    "h_prev": QT_TR_NOOP("hidden state entering the step"), "x": QT_TR_NOOP("input"),
    "fc": QT_TR_NOOP("what the forget gate keeps"),
    "ig": QT_TR_NOOP("what the input gate writes"), "tc": QT_TR_NOOP("squashed cell state"),
    "r": QT_TR_NOOP("reset gate"), "z": QT_TR_NOOP("update gate"), "n": QT_TR_NOOP("candidate"),
    "rh": QT_TR_NOOP("reset applied"),
    "zh": QT_TR_NOOP("old state kept (z ⊙ h)"), "1-z": QT_TR_NOOP("share of the candidate"),
    "zn": QT_TR_NOOP("candidate let in"), "a": QT_TR_NOOP("pre-activation"),
}

UPDATE_STATEMENT = QT_TR_NOOP(
    "h′ = (1 − z) ⊙ n + z ⊙ h   (z = 1 keeps the old state; PyTorch/Keras convention)")

_ACT = {"f": "sigmoid", "i": "sigmoid", "o": "sigmoid", "r": "sigmoid", "z": "sigmoid",
        "g": "tanh", "n": "tanh"}
_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu"}


def reset_statement(cell: Cell) -> str:
    """Which reset convention a GRU uses, in words and as its candidate equation."""
    if cell.reset_after:
        return tr("reset after matmul (PyTorch):  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))")
    return tr("reset before matmul (Cho/Keras):  n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)")


def fmt(value: float, digits: int = DIGITS) -> str:
    """A number as the diagram writes it: fixed decimals, a true minus sign, no ``-0``."""
    text = f"{value:.{digits}f}"
    if text.startswith("-"):
        text = text[1:] if float(text) == 0.0 else "−" + text[1:]
    return text


def short(value: float) -> str:
    """A node label's number, at most six characters: ``0.94``, ``−36.05``, ``2500``, ``3.6e5``."""
    if value != value:
        return "nan"
    if abs(value) == float("inf"):
        return "∞" if value > 0 else "−∞"
    if abs(value) < 99.995:
        return fmt(value, 2)
    if abs(value) < 9999.5:
        return fmt(value, 0)
    mantissa, exponent = f"{value:.1e}".split("e")
    return fmt(float(mantissa), 1) + "e" + str(int(exponent))


def _sum(parts: list[float]) -> str:
    """``a + b − c`` from numbers (signs folded into the operators)."""
    out = fmt(parts[0])
    for p in parts[1:]:
        out += (" − " + fmt(-p)) if p < 0 else (" + " + fmt(p))
    return out


def _gate(cell: Cell, trace: Trace, step: int, gate: str, unit: int) -> str:
    t = pre_terms(cell, trace, step, gate, unit)
    act = cell.nonlinearity if cell.kind == "rnn" else _ACT[gate]
    s = _SYMBOL[act]
    value = float(trace.h[step, unit] if cell.kind == "rnn" else trace.gates[gate][step, unit])
    name, sub = ("h′", "h") if cell.kind == "rnn" else (gate, gate)
    if cell.kind == "gru" and gate == "n":
        if cell.reset_after:
            head = "n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))"
            mid = f"tanh({_sum([t['wx'], t['bx']])} + {fmt(t['r'])} × ({_sum([t['wh'], t['bh']])}))"
        else:
            head = "n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)"
            mid = f"tanh({_sum([t['wx'], t['bx'], t['wh'], t['bh']])})"
    else:
        head = f"{name} = {s}(W_i{sub} x + b_i{sub} + W_h{sub} h + b_h{sub}"
        head += f" + p_{gate} ⊙ c{'′' if gate == 'o' else ''})" if "peep" in t else ")"
        parts = [t["wx"], t["bx"], t["wh"], t["bh"]] + ([t["peep"]] if "peep" in t else [])
        mid = f"{s}({_sum(parts)})"
    if cell.kind == "rnn" and gate == "a":
        return (f"a = W_ih x + b_ih + W_hh h + b_hh\n  = {_sum([t['wx'], t['bx'], t['wh'], t['bh']])}"
                f"\n  = {fmt(t['pre'])}")
    return f"{head}\n  = {mid}\n  = {s}({fmt(t['pre'])}) = {fmt(value)}"


def _state(cell: Cell, trace: Trace, step: int, key: str, unit: int) -> str:
    v = step_values(cell, trace, step, unit)
    f = {k: fmt(val) for k, val in v.items()}
    if key == "x":
        x = trace.x[step]
        shown = ", ".join(fmt(float(a)) for a in x[:8]) + (", …" if x.shape[0] > 8 else "")
        norm = "" if x.shape[0] == 1 else f"\n  ‖x‖ = {f['x']}"
        return f"x_t = [{shown}]   (D = {x.shape[0]}){norm}"
    if key in ("h_prev", "c_prev"):
        s = key[0]
        origin = (tr("the initial state {s}₀").format(s=s) if step == 0
                  else tr("{s} after step {step}").format(s=s, step=step - 1))
        return f"{s}_(t−1) = {f[key]}   ({origin})"
    if cell.kind == "lstm":
        eqs = {
            "fc": f"f ⊙ c = {f['f']} × {f['c_prev']} = {f['fc']}",
            "ig": f"i ⊙ g = {f['i']} × {f['g']} = {f['ig']}",
            "tc": f"tanh(c′) = tanh({f['c']}) = {f['tc']}",
            "c": (f"c′ = f ⊙ c + i ⊙ g\n  = {f['f']} × {f['c_prev']} + {f['i']} × {f['g']}"
                  f"\n  = {_sum([v['fc'], v['ig']])} = {f['c']}"),
            "h": f"h′ = o ⊙ tanh(c′)\n  = {f['o']} × tanh({f['c']})\n  = {f['o']} × {f['tc']} = {f['h']}",
        }
        return eqs[key]
    if key != "rh":
        eqs = {
            "zh": f"z ⊙ h = {f['z']} × {f['h_prev']} = {f['zh']}",
            "1-z": f"1 − z = 1 − {f['z']} = {f['1-z']}",
            "zn": f"(1 − z) ⊙ n = {f['1-z']} × {f['n']} = {f['zn']}",
            "h": (f"{UPDATE_STATEMENT}\n  = {f['1-z']} × {f['n']} + {f['z']} × {f['h_prev']}"
                  f"\n  = {_sum([v['zn'], v['zh']])} = {f['h']}"),
        }
        return eqs[key]
    if cell.reset_after:
        t = pre_terms(cell, trace, step, "n", unit)
        hn = t["wh"] + t["bh"]
        return (f"r ⊙ (W_hn h + b_hn) = {f['r']} × {fmt(hn)} = {f['rh']}\n"
                + tr("  (reset after matmul, PyTorch: r scales this unit's recurrent term)"))
    return (f"r ⊙ h = {f['r']} × {f['h_prev']} = {f['rh']}\n"
            + tr("  (reset before matmul, Cho/Keras: n sees W_hn (r ⊙ h) over all units)"))


def equation_text(cell: Cell, trace: Trace, step: int, key: str, unit: int, mean: bool = False) -> str:
    """The equation of node ``key`` with the numbers of ``unit`` at ``step`` (several lines).

    With ``mean`` the first line also gives the mean over all units.
    """
    if trace.length == 0:
        return tr("no steps yet")
    if key in _ACT or (cell.kind == "rnn" and key in ("a", "h")):
        body = _gate(cell, trace, step, key, unit)
    else:
        body = _state(cell, trace, step, key, unit)
    title = tr(TITLES[key]) if key in TITLES else key
    where = tr("unit {unit}, t = {step}").format(unit=unit, step=step)
    if mean and key != "x":
        avg = step_values(cell, trace, step, None)[key]
        where += tr("; mean over {units} units = {mean}").format(units=cell.hidden_size, mean=fmt(avg))
    return f"{title} ({where})\n{body}"
