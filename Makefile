# Two commands on a fresh machine: `make run` (venv, install, build the graph) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean

# cskg's own modules compiled to bytecode ahead, as pip does for the dependencies: where
# PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile them again (~0.08 s;
# benchmarks/bytecode.py does the same for the benchmarks); and extraction's fixed regular
# expressions compiled ahead the same way (cskg.graph.prepare, ~0.25 s a build otherwise)
SOURCES := cskg cli graph loaders ontology queries
PREPARE := $(PY) -m compileall -q $(SOURCES) && $(PY) -m cskg.graph.prepare > /dev/null

run: $(STAMP)
	$(PREPARE)
	$(VENV)/bin/cskg build

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	bash scripts/install-chromium
	$(PREPARE)
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	bash scripts/install-chromium
	$(PREPARE)
	$(PY) benchmarks/run.py

clean:
	rm -rf build .venv *.egg-info
