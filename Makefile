# Every install step lives here: a fresh clone needs only python3 and the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test browser bench fuzz audit clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[dev,dask]'
	touch $(STAMP)

DEMO_ARTICLE := src/tacitus/examples/consulate_arrest.txt
DEMO_DB := demo.db

# Code the bundled example article, store it in the embedded SQLite default and show a dyad summary.
demo: setup
	$(BIN)/tacitus code $(DEMO_ARTICLE) --date 2022-09-27 --format table
	$(BIN)/tacitus ingest $(DEMO_ARTICLE) --date 2022-09-27 --db $(DEMO_DB)
	$(BIN)/tacitus dyad RUS JPN --by month --db $(DEMO_DB)

# Debian's Chromium for the browser tests; the tests skip with a reason where it cannot be had.
browser:
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && \
	  (apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq chromium >/dev/null 2>&1) || \
	  echo "chromium could not be installed: browser tests will skip")

test: setup browser
	$(BIN)/python -m pytest -q

# Long fuzz run (fuzz/run_fuzz.py): 100,000 hypothesis cases through the readers and cleaner,
# 2,000 through the coder; prints cases, failures and time per target. FUZZ_ARGS to change.
FUZZ_ARGS ?= --cases 100000 --coder-cases 2000
fuzz: setup
	$(BIN)/python fuzz/run_fuzz.py $(FUZZ_ARGS)

# Known vulnerabilities in the pinned dependencies (needs the network for the advisory database;
# pip-audit is installed into the venv here only, constrained so no pin moves). --strict: a pin
# that could not be looked up fails the target instead of passing as "no known vulnerabilities".
PIP_AUDIT_VERSION := 2.10.1
audit: setup
	$(BIN)/python -m pip install -q -c requirements.lock pip-audit==$(PIP_AUDIT_VERSION)
	$(BIN)/pip-audit -r requirements.lock --no-deps --disable-pip --strict --progress-spinner off

clean:
	rm -rf $(VENV) build *.egg-info
