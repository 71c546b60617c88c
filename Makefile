# evaluatie — one command each: `make demo`, `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := PIP_ROOT_USER_ACTION=ignore $(BIN)/python -m pip --quiet --disable-pip-version-check
# Local runs skip the long simulations (`slow` marker); CI (CI=true, see .ci/run) runs everything, on both
# cores (pytest-xdist: 10 min instead of 14 min wall on a 2-core machine, measured 2026-12-07).
ifeq ($(CI),true)
MARKERS := -n 2
else
MARKERS := -m "not slow"
endif

.PHONY: chromium demo test test-all data notebook notebooks-sync bench bench-scale bench-suite clean help

help:
	@echo "make demo      - installeer (.venv) en voer de voorbeeldanalyse uit: notebooks, figuren en factsheet"
	@echo "make test      - installeer (.venv) indien nodig en draai de tests (ook de notebooks), zonder de lange simulaties"
	@echo "make test-all  - alle tests, ook de lange simulaties (zo draait CI)"
	@echo "make notebook  - open JupyterLab in de map notebooks/"
	@echo "make data      - maak de synthetische voorbeelddata en sjablonen opnieuw"
	@echo "make bench     - snelheidsmetingen (verhoudingen t.o.v. een basislijn)"
	@echo "make bench-scale - 20 miljoen verwijzingen naar een panel (DuckDB; duurt minuten)"
	@echo "make bench-suite - CPU-tijd van 'make test' meten (budget 5 min; per test de duurste)"

# pip's own output goes to .venv/install.log (shown only when the installation fails): a newcomer
# reads warnings as errors.
$(STAMP): pyproject.toml
	@echo "Installeren in $(VENV) (eenmalig, een paar minuten; verslag in $(VENV)/install.log)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip > $(VENV)/install.log 2>&1 || { tail -n 40 $(VENV)/install.log; exit 1; }
	@$(PIP) install -e ".[dev]" >> $(VENV)/install.log 2>&1 || { tail -n 40 $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

# Headless Chromium (Debian package) for factsheet.pdf and the factsheet's browser test; installed when missing and root.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "Let op: geen Chromium, dus geen factsheet.pdf en geen browsertest (installeer: apt-get install chromium)."

demo: $(STAMP) chromium
	@$(BIN)/evaluatie demo

test: $(STAMP) chromium
	$(BIN)/python -m pytest $(MARKERS) --cov=evaluatie --cov-report=term --cov-fail-under=85

test-all: $(STAMP)
	$(BIN)/python -m pytest --cov=evaluatie --cov-report=term --cov-fail-under=85

notebook: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

data: $(STAMP)
	$(BIN)/evaluatie voorbeelddata --map data_raw --overschrijf

notebooks-sync: $(STAMP)
	$(BIN)/jupytext --to ipynb --update notebooks/*.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/did_speed.py
	$(BIN)/python benchmarks/twfe_scale.py
	$(BIN)/python benchmarks/score_bootstrap_speed.py
	$(BIN)/python benchmarks/power_speed.py
	$(BIN)/python benchmarks/import_time.py --demo

# CPU budget of `make test` (issue #12): user + sys of the whole process tree (kernels, subprocesses,
# orphaned workers) under 300 s; exits 1 above it and lists the 15 costliest tests. Runs the suite once.
# Measured 2026-12-07 on a shared 2-core machine (load 7-9): 265-280 s CPU, 9-12 min wall; almost a third of it
# is executing the notebooks, a fifth the example pilot runs (figures in three formats, kernel start-up).
# Evening, load 0.5-1.5: 278-304 s CPU with coverage (4 runs), 247 s without; the same runs differ by up to 30 s
# with the load. Coverage traces only the pytest process (about x1.4 there); notebook kernels (~75 s) are untraced.
bench-suite: $(STAMP)
	$(BIN)/python benchmarks/suite_cpu.py

# Regional scale (issue #16, benchmark 3): 20 M referral rows, minutes and a few GB of /tmp.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/to_panel_scale.py

clean:
	rm -rf $(VENV) .pytest_cache .coverage htmlcov figures/*.png figures/*.svg figures/*.pdf figures/*.txt reports/*.*
