# Rasad developer targets. `make run` and `make test` are the two commands of the README.
export UV_PYTHON_DOWNLOADS := never
# one BLAS thread per process: the GSR cross-validation gate and process pools oversubscribe otherwise
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := .venv/bin/python

.PHONY: install install-run run test test-all lint fmt gate bench bench-robust kb ner clean

$(UV):
	python3 -m venv .tools && .tools/bin/pip install -q uv

install: $(UV)  ## runtime and dev tools (tests, lint, types)
	$(UV) sync --locked --extra dev

install-run: $(UV)  ## runtime dependencies only (all from wheels); keeps dev tools already there
	$(UV) sync --locked --inexact

run: install-run  ## set up, then run the main job on the bundled sample corpus
	$(PY) -m rasad run --out out

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

bench-robust: install  ## page-size scaling and the full WARC cut sweep
	$(PY) bench/page_size.py
	$(PY) bench/warc_cut_sweep.py samples/corpus/eurasianow_crawl.warc.gz

clean:
	rm -rf .venv .tools out rasad.db* rasad-sample.db* .pytest_cache .mypy_cache .ruff_cache
