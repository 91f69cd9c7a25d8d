# The README's commands. Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test bench wheel lint clean

$(VENV)/.app: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[formats]'
	touch $@

$(VENV)/.test: $(VENV)/.app
	$(PY) -m pip install -q -e '.[test]'
	# Reference frameworks are optional: their tests skip when this fails.
	$(PY) -m pip install -q 'torch==2.13.0' 'keras>=3' onnxruntime safetensors \
	    || echo "reference frameworks not installed: their comparison tests will be skipped"
	touch $@

run: $(VENV)/.app
	$(PY) main.py

lint: $(VENV)/.test
	$(PY) -m ruff check .

test: $(VENV)/.test
	$(PY) -m ruff check .
	$(PY) -m pytest -q

bench: $(VENV)/.test
	$(PY) bench/engine.py
	$(PY) bench/ui.py

# A wheel that runs without the checkout (assets and translations inside): build/wheel/*.whl
wheel: $(VENV)/.app
	$(PY) -m pip wheel -q --no-deps . -w build/wheel

clean:
	rm -rf $(VENV) build
