# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve serve-varnish test test-postgres bench bench-http setup lint format migrate demo clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev,production]"
	touch $(STAMP)

# The W3C Nu HTML checker the suite runs (tests/test_valid_html.py), pinned in
# package-lock.json; it runs on Java (Debian: default-jre-headless). Its install script only
# fetches a Java runtime, so it is not run. Without npm the check is skipped (README: Valid HTML).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the valid-HTML check will be skipped (README: Valid HTML)"; fi

setup: $(STAMP) $(VNU_JAR)

migrate: setup
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-like: DEBUG off, hashed static files through WhiteNoise, gunicorn on 127.0.0.1.
# The secret key is made once and kept in .secret_key (git-ignored) unless SECRET_KEY is set.
# PLAIN_HTTP=1 because there is no TLS proxy in front here; never set it behind a real one.
.secret_key: | $(STAMP)
	umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: demo .secret_key
	@export DEBUG=0 PLAIN_HTTP=1 ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
		SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" GUNICORN_BIND=$(HOST):$(PORT) && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py check && \
	echo "Serving with gunicorn on http://$(HOST):$(PORT)/  (health: /healthz)" && \
	exec $(BIN)/gunicorn

# `make serve` with Varnish in front (deploy/varnish/; README: A frontend cache on Varnish):
# readers on http://$(HOST):$(PORT)/, gunicorn on $(HOST):$(APP_PORT), purged after each change.
APP_PORT ?= 8001
serve-varnish: demo .secret_key
	@export DEBUG=0 PLAIN_HTTP=1 ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
		SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" GUNICORN_BIND=$(HOST):$(APP_PORT) \
		FRONTEND_CACHE_URLS=http://$(HOST):$(PORT)/ TRUSTED_PROXIES=$(HOST) && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py check && \
	exec bash deploy/varnish/serve.sh $(HOST) $(PORT) $(HOST) $(APP_PORT)

# Style, then the apps' layering: the import-linter contracts in pyproject.toml.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/pytest

# The suite against throwaway PostgreSQL and Redis servers on 127.0.0.1 (Debian packages; root).
test-postgres: lint
	bash .ci/with-services.sh $(BIN)/pytest

# Time every kind of page on a throwaway newsroom of 10,000 stories (README: Performance).
# Options through BENCH, e.g. `make bench BENCH="--stories 100000 --json bench.json"`.
bench: setup
	DEBUG=1 $(BIN)/python manage.py bench $(BENCH)

# The story, front and archive pages over HTTP (wrk) against nginx serving a file: uncached,
# through both page caches and through Varnish, and while the newsroom works (README: Over
# HTTP). Needs wrk and nginx-light; Varnish and Redis when installed. Options through
# BENCH_HTTP, e.g. `make bench-http BENCH_HTTP="--stories 10000 --json bench-http.json"`.
bench-http: setup
	$(BIN)/python -m bench.httpbench $(BENCH_HTTP)

clean:
	rm -rf $(VENV) node_modules build *.egg-info .pytest_cache .ruff_cache
