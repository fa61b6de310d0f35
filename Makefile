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
# JS/CSS of `eastflank serve`, from the npm registry; only their dist files, served by the app.
WEBVENDOR := src/eastflank/web/static/vendor
WEBLIBS   := leaflet@1.9.4 milsymbol@3.0.4 cytoscape@3.35.0 d3@7.9.2
WEBSTAMP  := $(WEBVENDOR)/.installed

CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint bench fuzz setup clean

setup: $(STAMP) $(ATLAS) $(WEBSTAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,claims,web,sweep]'
	touch $@

# Natural Earth 1:10m countries (public domain) from the npm package world-atlas@2.0.2.
$(ATLAS):
	mkdir -p $(VENDOR)/tmp
	cd $(VENDOR)/tmp && npm pack --silent world-atlas@2.0.2 >/dev/null
	tar -xzf $(VENDOR)/tmp/world-atlas-2.0.2.tgz -C $(VENDOR)/tmp
	mkdir -p $(VENDOR)/world-atlas
	cp $(VENDOR)/tmp/package/countries-10m.json $(VENDOR)/tmp/package/LICENSE $(VENDOR)/world-atlas/ 2>/dev/null || cp $(VENDOR)/tmp/package/countries-10m.json $(VENDOR)/world-atlas/
	rm -rf $(VENDOR)/tmp

# Leaflet (map), milsymbol (unit symbols), Cytoscape.js (command diagrams), d3 (charts).
$(WEBSTAMP): Makefile
	rm -rf $(WEBVENDOR) $(VENDOR)/webtmp
	mkdir -p $(WEBVENDOR)/leaflet/images $(VENDOR)/webtmp
	cd $(VENDOR)/webtmp && for lib in $(WEBLIBS); do npm pack --silent $$lib >/dev/null; done
	for tgz in $(VENDOR)/webtmp/*.tgz; do \
	  name=$$(basename $$tgz .tgz); mkdir -p $(VENDOR)/webtmp/$$name; \
	  tar -xzf $$tgz -C $(VENDOR)/webtmp/$$name; done
	cp $(VENDOR)/webtmp/leaflet-1.9.4/package/dist/leaflet.js \
	   $(VENDOR)/webtmp/leaflet-1.9.4/package/dist/leaflet.css $(WEBVENDOR)/leaflet/
	cp $(VENDOR)/webtmp/leaflet-1.9.4/package/dist/images/*.png $(WEBVENDOR)/leaflet/images/
	cp $(VENDOR)/webtmp/leaflet-1.9.4/package/LICENSE $(WEBVENDOR)/leaflet/
	mkdir -p $(WEBVENDOR)/milsymbol $(WEBVENDOR)/cytoscape $(WEBVENDOR)/d3
	cp $(VENDOR)/webtmp/milsymbol-3.0.4/package/dist/milsymbol.js \
	   $(VENDOR)/webtmp/milsymbol-3.0.4/package/LICENSE $(WEBVENDOR)/milsymbol/
	cp $(VENDOR)/webtmp/cytoscape-3.35.0/package/dist/cytoscape.min.js \
	   $(VENDOR)/webtmp/cytoscape-3.35.0/package/LICENSE $(WEBVENDOR)/cytoscape/
	cp $(VENDOR)/webtmp/d3-7.9.2/package/dist/d3.min.js \
	   $(VENDOR)/webtmp/d3-7.9.2/package/LICENSE $(WEBVENDOR)/d3/
	rm -rf $(VENDOR)/webtmp
	touch $@

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

# The tests run on two workers (pytest-xdist), one per core; each worker has its own temporary
# folders, caches and free ports. `make test TEST_WORKERS=0` runs them in one process.
TEST_WORKERS ?= 2
TEST_DIST    ?= worksteal

test: setup lint $(CHROMIUM)
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist $(TEST_DIST)

bench: setup
	$(PY) -m pip install --quiet -e '.[parsers]'
	$(PY) benchmarks/run.py

# Coverage-guided fuzzing (atheris) of the YAML loader and the article reader, each for
# FUZZ_SECONDS; a crash stops it with a non-zero status and its input in .fuzz/. Not in `test`.
FUZZ_SECONDS ?= 60
FUZZ := .fuzz
fuzz: setup
	$(PY) -m pip install --quiet -e '.[fuzz]'
	rm -rf $(FUZZ) && mkdir -p $(FUZZ)/yaml $(FUZZ)/article
	cp src/eastflank/data/stages/*.yaml src/eastflank/data/scenarios/*.yaml \
	   src/eastflank/data/places/*.yaml $(FUZZ)/yaml/
	cp tests/data/claims/eval/*.txt $(SEEDS) $(FUZZ)/article/ 2>/dev/null || true
	$(PY) fuzz/fuzz_yaml.py $(FUZZ)/yaml -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1536 \
	   -timeout=20 -artifact_prefix=$(FUZZ)/ -print_final_stats=1
	$(PY) fuzz/fuzz_article.py $(FUZZ)/article -max_total_time=$(FUZZ_SECONDS) \
	   -rss_limit_mb=1536 -timeout=20 -max_len=4096 -artifact_prefix=$(FUZZ)/ -print_final_stats=1

clean:
	rm -rf $(VENV) $(VENDOR) $(WEBVENDOR) report test-artifacts .pytest_cache .mypy_cache .ruff_cache $(FUZZ)
