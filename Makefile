# Kabar: the commands a fresh machine needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test score bench models

install: $(BIN)/kabar

$(BIN)/kabar: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Ingest the bundled sample corpus into kabar.db (or $KABAR_DB) and serve the web app.
# A rerun skips what is stored; an article that fails is reported and the demo goes on.
demo: install
	-$(BIN)/kabar ingest src/kabar/data/sample.jsonl
	$(BIN)/kabar serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# Scorer numbers on the dev gold (needs ../shared).
score: install
	$(BIN)/python bench/score_dev.py

bench: install
	$(BIN)/python bench/throughput.py

# Retrain the NER model into src/kabar/models/ner-id (needs ../shared; ~minutes on one core).
SHARED ?= ../shared
models: install
	$(BIN)/python -m kabar.train.ner --shared $(SHARED)
