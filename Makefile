# evaluatie — one command each: `make demo`, `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test data notebooks bench clean help

help:
	@echo "make demo   - installeer (.venv) en voer de voorbeeldanalyse uit: figuren in figures/"
	@echo "make test   - installeer (.venv) indien nodig en draai alle tests (ook de notebooks)"
	@echo "make data   - maak de synthetische voorbeelddata en sjablonen opnieuw"
	@echo "make bench  - snelheidsmetingen (verhoudingen t.o.v. een basislijn)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/evaluatie demo

test: $(STAMP)
	$(BIN)/python -m pytest --cov=evaluatie --cov-report=term --cov-fail-under=85

data: $(STAMP)
	$(BIN)/evaluatie voorbeelddata --map data_raw

notebooks: $(STAMP)
	$(BIN)/jupytext --to ipynb --update notebooks/*.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/did_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .coverage htmlcov figures/*.png figures/*.svg figures/*.pdf figures/*.txt reports/*.*
