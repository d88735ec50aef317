# Rasad developer targets. `make run` and `make test` are the two commands of the README.
export UV_PYTHON_DOWNLOADS := never
# one BLAS thread per process: the GSR cross-validation gate and process pools oversubscribe otherwise
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := .venv/bin/python

.PHONY: install run test test-all lint fmt gate bench kb ner clean

$(UV):
	python3 -m venv .tools && .tools/bin/pip install -q uv

install: $(UV)
	$(UV) sync --locked --extra dev

run: install  ## set up, then run the main job on the bundled sample corpus
	$(PY) -m rasad run --db rasad-sample.db --out out

test: install  ## the whole test suite, lint and types included (what CI runs)
	.venv/bin/ruff check src tests scripts bench
	.venv/bin/mypy
	$(PY) -m pytest

test-all: test

lint: install
	.venv/bin/ruff check src tests scripts bench
	.venv/bin/mypy

fmt: install
	.venv/bin/ruff format src tests scripts bench
	.venv/bin/ruff check --fix src tests scripts bench

gate: install  ## the evaluation gates only
	$(PY) -m pytest tests/test_eval_gate.py -v

bench: install
	$(PY) bench/ingest_bench.py --pages 10000 --runs 3

clean:
	rm -rf .venv .tools out rasad-sample.db* .pytest_cache .mypy_cache .ruff_cache
