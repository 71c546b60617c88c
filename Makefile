# evaluatie — one command each: `make demo`, `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := PIP_ROOT_USER_ACTION=ignore $(BIN)/python -m pip --quiet --disable-pip-version-check
# Local runs skip the long simulations (`slow` marker); CI (CI=true, see .ci/run) runs everything.
ifeq ($(CI),true)
MARKERS :=
else
MARKERS := -m "not slow"
endif

.PHONY: chromium demo test test-all data notebook notebooks-sync bench bench-scale clean help

help:
	@echo "make demo      - installeer (.venv) en voer de voorbeeldanalyse uit: figuren in figures/"
	@echo "make test      - installeer (.venv) indien nodig en draai de tests (ook de notebooks), zonder de lange simulaties"
	@echo "make test-all  - alle tests, ook de lange simulaties (zo draait CI)"
	@echo "make notebook  - open JupyterLab in de map notebooks/"
	@echo "make data      - maak de synthetische voorbeelddata en sjablonen opnieuw"
	@echo "make bench     - snelheidsmetingen (verhoudingen t.o.v. een basislijn)"
	@echo "make bench-scale - 20 miljoen verwijzingen naar een panel (DuckDB; duurt minuten)"

$(STAMP): pyproject.toml
	@echo "Installeren in $(VENV) (eenmalig, een paar minuten)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip
	@$(PIP) install -e ".[dev]"
	@touch $(STAMP)

# Headless Chromium (Debian package) for factsheet.pdf and the factsheet's browser test; installed when missing and root.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "Let op: geen Chromium, dus geen factsheet.pdf en geen browsertest (installeer: apt-get install chromium)."

demo: $(STAMP) chromium
	@$(BIN)/evaluatie demo
	@$(BIN)/evaluatie rapport data_raw/voorbeeld/pilot.toml

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

# Regional scale (issue #16, benchmark 3): 20 M referral rows, minutes and a few GB of /tmp.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/to_panel_scale.py

clean:
	rm -rf $(VENV) .pytest_cache .coverage htmlcov figures/*.png figures/*.svg figures/*.pdf figures/*.txt reports/*.*
