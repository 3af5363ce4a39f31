# Two entry points for a newcomer: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench system-deps clean

system-deps:
	@scripts/install-system-deps

$(STAMP): pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,hunspell,lsp,embeddings,dask]'
	$(BIN)/python -m checker.prepare   # decode the word lists once, not in the first lint run
	touch $(STAMP)

# Lint the sample article. Exit status 0 or 1 (findings at or above fail-on) is the expected result here.
demo: system-deps $(STAMP)
	$(BIN)/checker lint fixtures/israel-azerbaidjan.md; status=$$?; [ $$status -le 1 ]

test: system-deps $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict checker/
	$(BIN)/python -m pytest -q -p no:cacheprovider; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: the suite is broken" >&2; exit 1; fi; \
	  exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict checker/

bench: system-deps $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
