# Two commands do all the set-up: `make demo` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
EXAMPLE ?= examples/harbour-fire

.PHONY: demo test install install-test lint bench eval lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# Runtime dependencies, models included, pinned by hash in requirements.lock.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/newsprism analyze $(EXAMPLE) -o brief.html -o brief.md -o brief.json --force --quiet
	@echo "wrote brief.html, brief.md and brief.json"

test: install-test
	$(BIN)/python -m pytest
	$(BIN)/ruff check newsprism tests bench

# The evaluation gate: the brief against our hand-written gold on the ECB+ stories never used
# for tuning (bench/brief_gold/), failing when a measure falls below its pinned floor
# (bench/brief_gold/floors.json). Needs ../shared/eval; without it, says so and passes.
eval: install-test
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_gold.py --split report --check

lint: install-test
	$(BIN)/ruff check newsprism tests bench
	$(BIN)/ruff format --check newsprism tests bench

# Regenerate both lock files after changing dependencies in pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements-test.lock

clean:
	rm -rf $(VENV) brief.html brief.md brief.json .pytest_cache
