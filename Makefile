# Two commands do all the set-up: `make demo` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
EXAMPLE ?= examples/harbour-fire

.PHONY: demo test fuzz install install-test browser java lint bench eval lock clean

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
	$(BIN)/newsprism ingest demo.db $(EXAMPLE) --quiet
	$(BIN)/newsprism briefs demo.db --quiet
	@echo "wrote brief.html, brief.md and brief.json"
	@echo "to browse the example in a web browser: $(BIN)/newsprism serve demo.db   then open http://127.0.0.1:8000/"

# The browser tests (tests/web) drive Debian's chromium through Debian's chromedriver; as root
# this installs both with apt-get. No browser is ever downloaded from anywhere else.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium and chromium-driver for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "make test: chromium and chromium-driver are missing: run 'sudo apt-get install chromium chromium-driver'"; \
	fi

# The Spark tests (tests/test_spark.py) run pyspark, which needs a Java runtime (17 for Spark 3.5);
# as root this installs Debian's openjdk-17-jre-headless with apt-get, like the browser above.
java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's openjdk-17-jre-headless for the Spark tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	else \
		echo "make test: java is missing (the Spark tests skip): run 'sudo apt-get install openjdk-17-jre-headless'"; \
	fi

test: install-test browser java
	$(BIN)/python -m pytest
	$(BIN)/ruff check newsprism tests bench

# Long property-based fuzzing of readers, cleaner and renderers (issue 15): ~2,000 examples a property.
fuzz: install-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider \
		-W ignore::hypothesis.errors.HypothesisWarning --hypothesis-show-statistics

# The evaluation gate: the brief against our hand-written gold on the ECB+ stories never used
# for tuning (bench/brief_gold/), failing when a measure falls below its pinned floor
# (bench/brief_gold/floors.json); then the same on the report half of the PolNeAR US-politics
# gold (bench/brief_gold_polnear/floors.json); then a ceiling on groups that join two different
# events of one kind (bench/brief_lookalike.py, lookalike_max in the same files); then story clustering on its held-out sets
# (bench/stories_floors.json); then disputes on their dev split and the seeds (regression floors,
# bench/brief_disputes/floors.json; about 15 s CPU); then contradictions on their blind dev set
# (bench/brief_contra_dev/floors.json; about 20 s CPU) and their PolNeAR look-alike set, where no flag is
# allowed (bench/brief_contra_dev2/floors.json; about 12 s CPU), and a second such set of three-outlet groups
# (bench/brief_contra_dev3/floors.json; about 30 s CPU), a blind ECB+ set of 7 groups (bench/brief_contra_dev4/floors.json;
# about 60 s CPU), a second blind ECB+ set of 5 groups (bench/brief_contra_dev5/floors.json; about 40 s CPU), the two probes of real copy with one value altered
# (found floors in bench/brief_contra_probe*/floors.json, no other flag; about 60 s CPU); then the brief's cross-section consistency on the
# seeds and the example (bench/brief_consistency.py: floor 0 violations, under a minute).
# Needs ../shared/eval; without it, says so and passes.
eval: install-test
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_gold.py --split report --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_gold.py --gold bench/brief_gold_polnear --split report --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_lookalike.py --split report --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_lookalike.py --gold bench/brief_gold_polnear --split report --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/stories_gate.py --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_disputes.py --split dev --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_disputes.py --split dev2 --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_disputes.py --seeds --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_contra_dev.py --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_contra_dev.py --gold bench/brief_contra_dev2/gold.json --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_contra_dev.py --gold bench/brief_contra_dev3/gold.json --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_contra_dev.py --gold bench/brief_contra_dev4/gold.json --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_contra_dev.py --gold bench/brief_contra_dev5/gold.json --check
	PYTHONPATH=$(CURDIR):$(CURDIR)/bench $(BIN)/python bench/brief_contra_probe.py --check
	PYTHONPATH=$(CURDIR):$(CURDIR)/bench $(BIN)/python bench/brief_contra_probe.py --cases bench/brief_contra_probe2/cases.json --check
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/brief_consistency.py --sets seeds,example --check

lint: install-test
	$(BIN)/ruff check newsprism tests bench
	$(BIN)/ruff format --check newsprism tests bench

# Regenerate both lock files after changing dependencies in pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements-test.lock

clean:
	rm -rf $(VENV) brief.html brief.md brief.json demo.db demo.db-wal demo.db-shm .pytest_cache
