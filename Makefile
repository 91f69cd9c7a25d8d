# The README's commands. Each creates .venv and installs what it needs on first use.
# Another Python in its own venv: make test PYTHON=python3.13 VENV=.venv-3.13
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# The reference frameworks: with the local CPU torch wheel where one exists (Python 3.11), and
# without torch elsewhere (pip would fetch a multi-GB CUDA build); their tests skip when absent.
REFERENCE_311 := -e '.[reference]' -c .ci/torch-cpu.txt
REFERENCE_OTHER := $$($(PY) .ci/extra.py reference --without torch)

.PHONY: run test bench wheel lint clean

$(VENV)/.app: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[formats]'
	touch $@

$(VENV)/.test: $(VENV)/.app
	$(PY) -m pip install -q -e '.[test]'
	# Reference frameworks are optional: their tests skip when this fails.
	if $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then \
	    $(PY) -m pip install -q $(REFERENCE_311); else $(PY) -m pip install -q $(REFERENCE_OTHER); fi \
	    || echo "reference frameworks not installed: their comparison tests will be skipped"
	touch $@

run: $(VENV)/.app
	$(PY) main.py

# ruff, the import contracts in pyproject.toml ([tool.importlinter]) and no module-level import cycle
lint: $(VENV)/.test
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) tools/import_cycles.py

test: lint
	$(PY) -m pytest -q

bench: $(VENV)/.test
	$(PY) bench/engine.py
	$(PY) bench/ui.py

# A wheel that runs without the checkout (assets and translations inside): build/wheel/*.whl
wheel: $(VENV)/.app
	$(PY) -m pip wheel -q --no-deps . -w build/wheel

clean:
	rm -rf $(VENV) build
