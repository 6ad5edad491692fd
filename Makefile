# The commands people type. See README.md.
SHELL := /bin/bash

MVN ?= mvn -B -q
JAR := backend/target/live-sync-backend-1.0.0.jar
CLI_JAR := cli/target/live-sync-cli.jar
SERVER_PORT ?= 5000
# The server the CLI drives: LIVE_SYNC_SERVER, else the one `make run` starts.
CLI := java -jar $(CLI_JAR) --server $(or $(LIVE_SYNC_SERVER),http://localhost:$(SERVER_PORT))

.PHONY: help demo demo-reset run build test test-properties test-bad-input bench openapi format clean sync-test sync-connect sync-interactive sync-full

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

demo: ## Two servers (5000, 5001) with demo data showing every sync status; Ctrl-C stops
	@scripts/demo.sh

demo-reset: ## Forget the demo's data (./data/a, ./data/b)
	rm -rf data/a data/b

build: ## Build the server, the CLI and the web UI
	$(MVN) -DskipTests package
	cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent build

run: build ## Run one server on SERVER_PORT (default 5000) with its web UI and API docs; needs ADMIN_PASSWORD
	API_DOCS_ENABLED=$${API_DOCS_ENABLED:-true} java -jar $(JAR)

test: ## Run every test: Java (TEST_DATABASE_URL or embedded PostgreSQL), web UI, browser, compose file
	mvn -B verify
	cd frontend && npm ci --no-audit --no-fund && npm run lint:compose && npm run test:all

test-properties: ## Randomized two-sided sync scenarios, thousands of them (SCENARIOS=2000; SEED=... replays a run)
	$(MVN) -pl backend test -Dtest=PushPropertyTests -Dsync.properties.scenarios=$(or $(SCENARIOS),2000) $(if $(SEED),-Dsync.properties.seed=$(SEED)) -Dsurefire.failIfNoSpecifiedTests=false

test-bad-input: ## Hostile requests generated from openapi.yaml, more of them (WAYS=10 per part; SEED=... replays a run)
	$(MVN) -pl backend test -Dtest=BadInputSuiteTests -Dbadinput.ways=$(or $(WAYS),10) $(if $(SEED),-Dbadinput.seed=$(SEED)) -Dsurefire.failIfNoSpecifiedTests=false

bench: build ## Benchmark sync against pg_dump | psql (N=100000 REPS=3 WARMUP=2 HEAP=256m); figures in bench/results/latest.json
	java -jar bench/target/live-sync-bench.jar --n=$(or $(N),100000) --reps=$(or $(REPS),3) --warmup=$(or $(WARMUP),2) --heap=$(or $(HEAP),256m)

openapi: ## Rewrite openapi.yaml from what the server serves
	$(MVN) -pl backend test -Dtest=OpenApiContractTests -Dopenapi.write=true -Dsurefire.failIfNoSpecifiedTests=false

$(CLI_JAR): cli/pom.xml $(shell find cli/src/main -name '*.java' 2>/dev/null)
	$(MVN) -pl cli -DskipTests package

sync-test: $(CLI_JAR) ## Check the sync API of this server (and of URL=..., if given)
	@$(CLI) test $(if $(URL),--remote $(URL))

sync-connect: $(CLI_JAR) ## Connect this server to URL=... (with PASSWORD=... or SYNC_PASSWORD) and compare
	$(if $(URL),,$(error give the remote: make sync-connect URL=http://server2:5000))
	@$(if $(PASSWORD),SYNC_PASSWORD='$(PASSWORD)') $(CLI) connect --remote $(URL)

sync-interactive: ## Open (or print) the interactive sync page of this server
	@echo "Interactive sync: http://localhost:$(SERVER_PORT)/sync/interactive"
	@# A browser only where there is a desktop: on Linux a display, on macOS open(1) (Debian's "open" is openvt).
	@if [ "$$(uname)" = Darwin ]; then open http://localhost:$(SERVER_PORT)/sync/interactive >/dev/null 2>&1 || true; \
	 elif [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xdg-open >/dev/null; then \
	   xdg-open http://localhost:$(SERVER_PORT)/sync/interactive >/dev/null 2>&1 || true; fi

sync-full: $(CLI_JAR) ## Compare with URL=..., then sync everything to it without asking (PASSWORD=...)
	$(if $(URL),,$(error give the remote: make sync-full URL=http://server2:5000 PASSWORD=...))
	@$(if $(PASSWORD),SYNC_PASSWORD='$(PASSWORD)') $(CLI) sync --remote $(URL) --all --yes

format: ## Format the Java code (the build fails on unformatted code)
	$(MVN) spring-javaformat:apply

clean: ## Remove build output (keeps ./data)
	$(MVN) clean
