# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `make run PORT=8001 HOST=0.0.0.0`
HOST   ?= 127.0.0.1
PORT   ?= 8000
# the store `make run` builds and serves, by its absolute path (so commands run elsewhere find it)
STORE  ?= $(abspath .powergraph/store)

.PHONY: install run test build shell notebooks lock bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name powergraph --display-name "powergraph (.venv)" >/dev/null
	@# the query UI (YASGUI) and the timeline (vis-timeline) come from the npm registry at install time, never from a CDN
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --silent && npm run --silent copy-yasgui && npm run --silent copy-vis-timeline; \
	else \
		echo "warning: npm not found: the query UI at /sparql will ask for it (apt-get install nodejs npm; make install)"; \
	fi
	touch $(STAMP)

build: install
	$(BIN)/powergraph build --store "$(STORE)"

run: build
	$(BIN)/powergraph serve --host "$(HOST)" --port "$(PORT)" --store "$(STORE)"

# a shell with .venv/bin on PATH and POWERGRAPH_STORE set to the store `make run` serves
shell: install
	@echo "powergraph is on PATH; POWERGRAPH_STORE=$(STORE); exit to leave"
	@PATH="$(abspath $(BIN)):$$PATH" VIRTUAL_ENV="$(abspath $(VENV))" POWERGRAPH_STORE="$(STORE)" $${SHELL:-/bin/sh} -i

test: install
	$(BIN)/python -m pytest -q

notebooks: install
	$(BIN)/python -m pip install --quiet jupyterlab
	$(BIN)/jupyter lab notebooks/

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile -q --extra test --strip-extras -o requirements.lock pyproject.toml

bench: install
	$(BIN)/python tests/benchmarks/bench_load.py
	$(BIN)/python tests/benchmarks/bench_sparql.py
	$(BIN)/python tests/benchmarks/bench_analysis.py

clean:
	rm -rf $(VENV) .powergraph
