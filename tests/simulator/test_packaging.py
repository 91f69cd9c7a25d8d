"""Packaging: the assets resolver, and a wheel that carries every data file the app reads.

The fast tests check :mod:`simulator.document.paths` and that ``pyproject.toml`` lists every
package and covers every asset file. The slow ones build the sdist, build the wheel from
it (as ``python -m build`` does), check the wheel's contents, then install it into a
folder of its own and run the engine, the console script and the Qt language set-up from
outside the checkout.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from simulator.document import paths
from simulator.document.presets import PRESET_DIR
from simulator.lessons.catalog import LESSON_DIR

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _asset_files() -> list[str]:
    """Every file under ``assets/`` the app may read (the generator scripts stay in the sdist)."""
    return sorted(p.relative_to(ROOT / "assets").as_posix() for p in (ROOT / "assets").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts)


def _checkout_files(kind: str, pattern: str) -> list[str]:
    return sorted(p.name for p in (ROOT / "assets" / kind).glob(pattern))


# -- the resolver ------------------------------------------------------------------------------
def test_resolver_finds_the_checkout_assets():
    assert paths.assets_dir() == ROOT / "assets"  # tests run from the checkout (editable install)
    for kind in paths.ASSET_KINDS:
        assert paths.asset_path(kind).is_dir(), kind
    assert PRESET_DIR == ROOT / "assets" / "presets" and LESSON_DIR == ROOT / "assets" / "lessons"
    assert (paths.asset_path("presets") / "lstm-first-look.json").is_file()
    assert (paths.asset_path("fonts") / "NanumGothic.ttf").is_file()
    assert (paths.asset_path("icons") / "gatescope.svg").is_file()


def test_resolver_prefers_the_installed_copy(tmp_path, monkeypatch):
    installed = tmp_path / "site-packages" / "simulator" / "assets"
    (installed / "presets").mkdir(parents=True)
    monkeypatch.setattr(paths, "_INSTALLED", installed)
    assert paths.assets_dir() == installed
    assert paths.asset_path("lessons") == installed / "lessons"


def test_resolver_without_any_copy_names_the_checkout(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "_INSTALLED", tmp_path / "none")
    monkeypatch.setattr(paths, "_CHECKOUT", tmp_path / "assets")
    assert paths.assets_dir() == tmp_path / "assets"
    with pytest.raises(ValueError, match="unknown asset kind 'sounds'"):
        paths.asset_path("sounds")


def test_i18n_reads_fonts_and_translations_through_the_package():
    from ui import i18n

    assert paths.asset_path("fonts") == i18n.FONT_DIR
    assert (i18n.TRANSLATION_DIR / "gatescope_ko.qm").is_file()


# -- pyproject.toml ----------------------------------------------------------------------------
def test_every_package_is_listed():
    found = sorted(".".join(p.parent.relative_to(ROOT).parts) for top in ("simulator", "ui")
                   for p in (ROOT / top).rglob("__init__.py"))
    listed = SETUPTOOLS["packages"]
    assert sorted(p for p in listed if p != "simulator.assets") == found
    assert SETUPTOOLS["package-dir"] == {"simulator.assets": "assets"}
    assert PYPROJECT["project"]["scripts"] == {"gatescope": "main:main"}


def test_package_data_covers_every_asset_file():
    patterns = SETUPTOOLS["package-data"]["simulator.assets"]
    missed = [f for f in _asset_files() if not any(fnmatch.fnmatchcase(f, p) for p in patterns)]
    assert not missed, f"add these to [tool.setuptools.package-data]: {missed}"
    assert SETUPTOOLS["package-data"]["ui.translations"] == ["*.qm"]


# -- the built artefacts (slow) ----------------------------------------------------------------
def _run(args: list[str], cwd: Path, **env: str) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, **env})
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The sdist built from the checkout and the wheel built from that sdist."""
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip("building needs setuptools>=77 (the test extra installs it)")
    out = tmp_path_factory.mktemp("dist")
    backend = "import sys; from setuptools import build_meta as b; print(b.build_{}(sys.argv[1]))"
    sdist = out / _run([sys.executable, "-c", backend.format("sdist"), str(out)], ROOT).split()[-1]
    with tarfile.open(sdist) as tar:
        tar.extractall(out, filter="data")
    source = out / sdist.name.removesuffix(".tar.gz")
    wheel = out / _run([sys.executable, "-c", backend.format("wheel"), str(out)], source).split()[-1]
    return {"sdist": sdist, "wheel": wheel}


@pytest.mark.slow
def test_wheel_holds_every_preset_lesson_font_and_translation(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    expected = {f"simulator/assets/{f}" for f in _asset_files()}
    expected |= {f"ui/translations/{p.name}" for p in (ROOT / "ui" / "translations").glob("*.qm")}
    assert expected - names == set()
    for kind, pattern, least in (("presets", "*.json", 8), ("lessons", "*.json", 4), ("fonts", "*.ttf", 2)):
        files = _checkout_files(kind, pattern)
        assert len(files) >= least, kind
        assert {f"simulator/assets/{kind}/{f}" for f in files} <= names
    assert "ui/translations/gatescope_ko.qm" in names and "main.py" in names
    assert not [n for n in names if n.startswith("simulator/assets/") and n.endswith(".py")]
    assert not [n for n in names if n.split("/")[0] in ("assets", "tests", "bench")]
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "gatescope = main:main" in zipfile.ZipFile(built["wheel"]).read(entry).decode()


@pytest.mark.slow
def test_sdist_keeps_the_sources_of_the_data(built):
    with tarfile.open(built["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"assets/presets/make_presets.py", "assets/presets/presets_ko.py", "MANIFEST.in",
            "ui/translations/gatescope_ko.ts", "tests/simulator/test_packaging.py"} <= names


CHECK = r"""
import json, sys
from PySide6.QtWidgets import QApplication
import simulator, simulator.lessons.catalog, simulator.document.presets
from ui import i18n
app = QApplication([])
print(json.dumps({"simulator": simulator.__file__,
                  "presets": [p.id for p in simulator.document.presets.list_presets()],
                  "lessons": [x.id for x in simulator.lessons.catalog.list_lessons("ko")],
                  "font": i18n.register_fonts(app), "ko": i18n.install_translator(app, "ko"),
                  "unit": i18n.tr("1 unit")}))
"""


@pytest.mark.slow
def test_installed_wheel_runs_outside_the_checkout(built, tmp_path):
    import json

    # --target, not a venv: this interpreter's numpy and PySide6 serve (a venv made from inside
    # .venv would see the base interpreter's packages); PYTHONPATH puts the copy before the checkout.
    site = tmp_path / "site"
    _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(site),
          str(built["wheel"])], tmp_path)
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    report = json.loads(_run([sys.executable, "-c", CHECK], away, **env).splitlines()[-1])
    assert Path(report["simulator"]).is_relative_to(site)  # the installed copy, not the checkout
    assert sorted(report["presets"]) == [Path(f).stem for f in _checkout_files("presets", "*.json")]
    assert len(report["lessons"]) == len(_checkout_files("lessons", "*.json"))
    assert report["font"] == "NanumGothic" and report["ko"] is True and report["unit"] != "1 unit"
    out = _run([str(site / "bin" / "gatescope"), "simulate", "--cell", "gru", "--input-size", "1",
                "--hidden-size", "2", "--generator", "sine", "--steps", "4", "--out", "t.csv"], away, **env)
    assert "GRU" in out and (away / "t.csv").is_file()
