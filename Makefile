# Two commands on a fresh machine:
#   make run   installs what is missing into .venv, ingests the bundled corpus if the KB is empty, starts the app
#   make test  installs what is missing (with the test extras and Debian's chromium), runs the tests
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PORT    ?= 8501
STAMP   := $(VENV)/.setup-$(shell cat requirements.txt | sha1sum | cut -c1-8)
UV_VERSION := 0.13.9
UVSTAMP := $(VENV)/.uv-$(UV_VERSION)
# uv reads no pip configuration: a folder of wheels pip is told to look in (here the CPU build of torch) is
# passed on to it. Both are expanded only where an install runs, so a `make run` on a set-up .venv asks pip nothing.
LINKS    = $(shell $(PY) -m pip config get global.find-links 2>/dev/null)
UV       = $(BIN)/uv pip install -q --python $(BIN)/python $(LINKS:%=--find-links %)
TSTAMP  := $(VENV)/.setup-test-$(shell cat requirements.txt requirements-test.txt | sha1sum | cut -c1-8)

.PHONY: setup setup-test demo run test ingest bench eval clean

# Some machines (this one among them) tell Python never to write bytecode. Compiling all 18,000 installed modules
# at install took a minute of every fresh `make test`, most of them never imported; instead the first process that
# imports a module compiles it once and keeps it (in .venv, or beside the project's sources, git-ignored).
unexport PYTHONDONTWRITEBYTECODE

setup: $(STAMP)

# uv installs the pinned packages in parallel, several times faster than pip. The venv gets no pip of its own
# (seven seconds): the system's pip puts uv in it, or, where there is none, the venv's own.
$(UVSTAMP):
	test -x $(BIN)/python || $(PY) -m venv --without-pip $(VENV)
	$(PY) -m pip --python $(BIN)/python install -q uv==$(UV_VERSION) 2>/dev/null \
		|| ($(BIN)/python -m ensurepip >/dev/null && $(BIN)/python -m pip install -q uv==$(UV_VERSION))
	touch $@

$(STAMP): requirements.txt $(UVSTAMP)
	$(UV) -r requirements.txt
	$(BIN)/python -m kb.e5.convert
	touch $@

setup-test: $(TSTAMP)

$(TSTAMP): $(STAMP) $(UVSTAMP) requirements-test.txt
	$(UV) -r requirements-test.txt
	# Debian's npm clashes with a Node.js that brings its own npm, so it is only asked for when npm is missing.
	command -v chromium >/dev/null && command -v pdftoppm >/dev/null && command -v npm >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils \
		fonts-dejavu-core $$(command -v npm >/dev/null || echo npm))
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@4.14.1
	touch $@

ingest: setup
	$(BIN)/python -m kb ingest corpus/

# A fresh base gets the bundled corpus as an approved demo, so a first visitor sees practices;
# texts added later start as drafts for the editors as usual.
demo: setup
	@$(BIN)/python -c "from kb import KnowledgeBase; import sys; sys.exit(0 if KnowledgeBase.open().store.count() else 1)" \
		|| ($(BIN)/python -m kb ingest corpus/ \
		    && $(BIN)/python -m kb status approved --all-drafts --user demo \
		    && echo "The bundled demo corpus was ingested and approved (change log user: demo).")

run: demo
	$(BIN)/python -m kb stats
	$(BIN)/streamlit run web/server.py --server.headless true --server.port $(PORT) --browser.gatherUsageStats false

# Two workers, each taking whole test files (module fixtures such as a started app are made once), the longest
# first (tests/durations.json, see tools/test_durations.py) so that both finish at about the same time.
test: setup-test
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder

bench: setup
	$(BIN)/python bench/ingest_search.py

eval: setup
	$(BIN)/python ../shared/eval/evaluate.py --verbose

clean:
	rm -rf .kb index/*.faiss index/manifest.json
