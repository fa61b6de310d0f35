# eastflank: `make demo` runs the main job on the built-in data; `make test` runs every check.
# Both set up everything they need on a fresh machine (a virtualenv in .venv, the border
# data from the npm registry, Debian's chromium for the browser test).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VENDOR := vendor
ATLAS  := $(VENDOR)/world-atlas/countries-10m.json

CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint bench setup clean

setup: $(STAMP) $(ATLAS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,claims,sweep]'
	touch $@

# Natural Earth 1:10m countries (public domain) from the npm package world-atlas@2.0.2.
$(ATLAS):
	mkdir -p $(VENDOR)/tmp
	cd $(VENDOR)/tmp && npm pack --silent world-atlas@2.0.2 >/dev/null
	tar -xzf $(VENDOR)/tmp/world-atlas-2.0.2.tgz -C $(VENDOR)/tmp
	mkdir -p $(VENDOR)/world-atlas
	cp $(VENDOR)/tmp/package/countries-10m.json $(VENDOR)/tmp/package/LICENSE $(VENDOR)/world-atlas/ 2>/dev/null || cp $(VENDOR)/tmp/package/countries-10m.json $(VENDOR)/world-atlas/
	rm -rf $(VENDOR)/tmp

# Debian's Chromium, for the test that opens the report in a headless browser.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

SEEDS := $(wildcard ../shared/seeds/*.txt)

demo: setup
	$(BIN)/eastflank data validate
	$(BIN)/eastflank report --out report $(addprefix --article ,$(SEEDS))
	@echo "open report/index.html in a browser (offline, self-contained)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: setup lint $(CHROMIUM)
	$(BIN)/pytest -q

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) $(VENDOR) report .pytest_cache .mypy_cache .ruff_cache
