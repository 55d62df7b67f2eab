# One command runs what CI runs: `make test`. `make run` shows the main job.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run demo test lint types unit bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install crampcheck with everything it needs

HOST ?= 127.0.0.1
PORT ?= 8000
STORY ?= I'm 68 and my right calf knots up most nights around 3 am. It lasts about a minute and stays sore the next day. No swelling, I take bendroflumethiazide.

run: install ## the main job: the web app and API on the embedded SQLite diary (prints its address)
	$(BIN)/crampcheck serve --host $(HOST) --port $(PORT)

demo: install ## check the knowledge base, then assess a story in the terminal (STORY="...")
	$(BIN)/crampcheck kb summary
	$(BIN)/crampcheck assess --text "$(STORY)"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest --cov --cov-report=term

test: lint types unit ## lint + types + the whole test suite (what CI runs)

bench: install ## run every benchmark under bench/ and write docs/benchmarks.md (needs wrk)
	@command -v wrk >/dev/null || { echo "make bench needs wrk for the API load: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py

docs: install ## regenerate the generated parts of docs/
	$(BIN)/python -m crampcheck.knowledge.docs docs/knowledge-base.md
	$(BIN)/typer crampcheck.cli utils docs --name crampcheck --output docs/cli.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage build src/*.egg-info
