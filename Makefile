# nnref: every command a reader or contributor needs. Run `make help` for the list.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)

# LANG is also the locale variable of the shell, so only en/ru/zh count as a site language.
SITE_LANG := $(if $(filter en ru zh,$(LANG)),$(LANG),en)
CONFIG := $(if $(filter en,$(SITE_LANG)),mkdocs.yml,mkdocs.$(SITE_LANG).yml)
PORT ?= 8000

# Recipes run with a UTF-8 locale whatever LANG=ru/zh on the command line says.
export LC_ALL := C.UTF-8
export PYTHONUTF8 := 1
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help install serve site preview test goldens figures bench lint katex lock clean

help:
	@echo "make serve [LANG=ru|zh]  live-reloading site on http://127.0.0.1:$(PORT)"
	@echo "make test                the whole test suite (builds the site, drives Chromium)"
	@echo "make site                all three languages into site/ (--strict)"
	@echo "make preview             serve site/ on http://127.0.0.1:$(PORT)"
	@echo "make goldens             rerun every snippet and rewrite its .out golden"
	@echo "make figures             redraw every SVG figure"
	@echo "make bench               build/serve/page-weight/search-index/test-suite numbers"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned, so that nothing can pull a CUDA build of a newer release.
	$(PY) -m pip install --quiet -c requirements.lock torch==2.13.0
	$(PY) -m pip install --quiet -c requirements.lock -e ".[docs,test]"
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve -f $(CONFIG) -a 127.0.0.1:$(PORT) --livereload

site: $(STAMP)
	$(PY) -m nnref.site.build

preview: $(STAMP)
	$(PY) -m http.server --bind 127.0.0.1 --directory site $(PORT)

test: $(STAMP)
	$(PY) -m pytest

goldens: $(STAMP)
	$(PY) -m nnref.snippets --write

figures: $(STAMP)
	$(PY) -m nnref.figures

bench: $(STAMP)
	$(PY) -m nnref.bench

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Maintainers: refresh the vendored KaTeX from the npm registry (version in the module).
katex: $(STAMP)
	$(PY) -m nnref.site.vendor_katex

# Maintainers: re-pin every dependency after changing pyproject.toml (resolves afresh, then
# freezes the result; commit requirements.lock and rerun make goldens figures test).
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[docs,test]"
	$(PY) -m pip freeze --exclude-editable | grep -v -E '^(torch|nnref)==' \
		| cat <(echo 'torch==2.13.0') - | sort -f \
		| cat <(printf '# Exact versions of every package the docs and tests use (pip install -c requirements.lock).\n# Regenerate: make lock. torch is the CPU build; see README for other machines.\n') - > requirements.lock

clean:
	rm -rf site build test-output tests/_codeblocks
