"""PyTorch zip checkpoints read without torch: the restricted unpickler (issue 11, class 6)."""

import pickle
import sys
import zipfile

import numpy as np
import pytest

import simulator
from simulator.core.errors import InputError
from simulator.io.formats import load_weights, save_weights
from simulator.io.formats.torch_pickle import read_torch_zip

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch

D, H, T = 3, 5, 8


def _lstm(dtype=torch.float64):
    torch.manual_seed(4)
    net = torch.nn.LSTM(D, H, num_layers=2, dtype=dtype)
    with torch.no_grad():
        for p in net.parameters():
            p.uniform_(-0.6, 0.6)
    return net


def test_state_dict_loads_with_torch_blocked(tmp_path, monkeypatch):
    net = _lstm()
    path = tmp_path / "w.pt"
    torch.save(net.state_dict(), path)
    x = np.random.default_rng(2).normal(size=(T, D))
    with torch.no_grad():
        ref = net(torch.from_numpy(x))[0].numpy()
    monkeypatch.setitem(sys.modules, "torch", None)  # no torch import on the reading path
    first = load_weights(path)
    second = load_weights(path, layer=1)
    np.testing.assert_array_equal(first.weight_hh, net.weight_hh_l0.detach().numpy())
    ours = simulator.run(second, simulator.run(first, x).h).h
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)
    with pytest.raises(InputError, match="needs torch"):
        save_weights(first, tmp_path / "again.pt")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
def test_storages_views_and_dtypes(tmp_path, dtype):
    base = torch.arange(24, dtype=torch.float64).reshape(4, 6).to(dtype)
    state = {"t": base.t(), "row": base[1], "slice": base[:, 2:5], "whole": base,
             "checkpoint": {"model_state_dict": {"a": torch.ones(2, dtype=dtype)}}, "epoch": 3}
    path = tmp_path / "views.pt"
    torch.save(state, path)
    got = read_torch_zip(str(path))
    for key in ("t", "row", "slice", "whole"):
        np.testing.assert_array_equal(got[key].astype(np.float64), state[key].to(torch.float64).numpy())
    assert got["epoch"] == 3 and got["checkpoint"]["model_state_dict"]["a"].tolist() == [1.0, 1.0]


class Payload:
    def __reduce__(self):
        return (print, ("unpickled!",))


def test_anything_but_tensors_and_containers_is_refused(tmp_path, capsys):
    path = tmp_path / "evil.pt"
    torch.save({"weight_hh": torch.zeros(4, 1), "x": Payload()}, path)
    with pytest.raises(InputError, match=r"names (__builtin__|builtins)\.print.*refusing"):
        load_weights(path)
    assert "unpickled" not in capsys.readouterr().out


def test_storage_records_are_bounds_checked(tmp_path):
    path = tmp_path / "w.pt"
    torch.save({"rnn.weight_hh": torch.zeros(4, 4), "rnn.weight_ih": torch.zeros(4, 2)}, path)
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist()}
    data = next(n for n in members if n.endswith("/data/0"))
    short = tmp_path / "short.pt"
    with zipfile.ZipFile(short, "w") as dst:
        for name, blob in members.items():
            dst.writestr(name, blob[:8] if name == data else blob)
    with pytest.raises(InputError, match="declares 16 values but its record holds 8 bytes"):
        load_weights(short)
    legacy = tmp_path / "legacy.pt"
    torch.save({"w": torch.zeros(2)}, legacy, _use_new_zipfile_serialization=False)
    with pytest.raises(InputError, match="legacy"):
        load_weights(legacy)
    plain = tmp_path / "plain.pt"
    plain.write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(InputError, match="legacy"):
        load_weights(plain)
