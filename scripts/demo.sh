#!/usr/bin/env bash
# make demo: two Live Sync servers side by side, with demo data that shows every comparison
# status. Needs a JDK, Maven and Node only; each server runs its own embedded PostgreSQL.
# Ctrl-C stops both. Data stays in $DEMO_DATA_DIR (./data) for the next run; make demo-reset
# removes it.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT_A="${DEMO_PORT_A:-5000}"
PORT_B="${DEMO_PORT_B:-5001}"
DATA="${DEMO_DATA_DIR:-$PWD/data}"
# Demo values, not secrets: override them with your own in the environment.
export ADMIN_USERNAME="${ADMIN_USERNAME:-admin}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-demo-admin}"
export SYNC_PASSWORD="${SYNC_PASSWORD:-demo-sync}"
# A demo shows its API: the OpenAPI document and Swagger UI (off by default elsewhere).
export API_DOCS_ENABLED="${API_DOCS_ENABLED:-true}"
JAR=backend/target/live-sync-backend-1.0.0.jar
CLI="${LIVE_SYNC_CLI:-java -jar cli/target/live-sync-cli.jar}"

CLI_JAR=cli/target/live-sync-cli.jar
# True when $1 is missing or a file under the other paths is newer: only then is a build needed.
stale() {
  local out="$1"; shift
  [ ! -e "$out" ] || [ -n "$(find "$@" -newer "$out" -type f -print -quit 2>/dev/null)" ]
}
if [ "${DEMO_SKIP_BUILD:-0}" != 1 ]; then
  if stale "$JAR" pom.xml backend/pom.xml backend/src/main || stale "$CLI_JAR" cli/pom.xml cli/src/main "$JAR"; then
    echo "demo: building the server and the CLI"
    # Plain output (no colour codes), without the code generator's donation banner.
    mvn -B -q -Dstyle.color=never -DskipTests package -pl backend,cli -am 2>&1 | { grep -v '^#' || true; }
  fi
  if [ -f frontend/package.json ] && stale frontend/dist/index.html frontend/src frontend/public \
    frontend/index.html frontend/package.json frontend/package-lock.json frontend/vite.config.ts; then
    echo "demo: building the web UI"
    (cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund --progress=false; } && npm run --silent build)
  fi
fi

mkdir -p "$DATA/a" "$DATA/b"
pids=()
stop() {
  trap - INT TERM HUP EXIT
  # Signal the servers before printing anything: whoever stopped us may have closed our
  # output already (a closed terminal, or a test that destroys the process), and a write
  # to it must not cut the stop short.
  if [ ${#pids[@]} -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    { echo; echo "demo: stopping both servers"; } 2>/dev/null || true
    # Wait until both have shut down (their databases too), not just until signalled.
    for _ in $(seq 1 300); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ "$alive" = 1 ] || break
      sleep 0.2
    done
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
# A write to a closed output must fail quietly, not kill the script before it stops the servers.
trap '' PIPE
trap stop INT TERM HUP EXIT

start() { # name port remote: embedded PostgreSQL in $DATA/<name>/postgres, its own master keyset
  env -u DATABASE_URL SERVER_NAME="$1" SERVER_PORT="$2" SYNC_REMOTE_URL="$3" LIVE_SYNC_DATA_DIR="$DATA" \
    MASTER_KEY_FILE="$DATA/$1/master-keyset.json" WEB_ROOT="$PWD/frontend/dist" LOG_FILE="logs/$1.log" \
    java -jar "$JAR" >>"$DATA/$1/server.log" 2>&1 &
  pids+=($!)
}
start a "$PORT_A" "http://localhost:$PORT_B"
start b "$PORT_B" "http://localhost:$PORT_A"

for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 360); do
    curl -fs "http://localhost:$port/api/v1/health" >/dev/null 2>&1 && break
    if ! kill -0 "${pids[@]}" 2>/dev/null; then
      echo "demo: a server stopped; see $DATA/a/server.log and $DATA/b/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  if ! curl -fs "http://localhost:$port/api/v1/health" >/dev/null; then
    echo "demo: the server on port $port did not start in 3 minutes; its log:" >&2
    tail -n 20 "$DATA/a/server.log" "$DATA/b/server.log" >&2
    exit 1
  fi
done

$CLI --server "http://localhost:$PORT_A" demo-data --remote "http://localhost:$PORT_B"

cat <<INFO

  Live Sync demo is ready.
    Server A   http://localhost:$PORT_A   (data in $DATA/a)
    Server B   http://localhost:$PORT_B   (data in $DATA/b)
    Login      $ADMIN_USERNAME / $ADMIN_PASSWORD   (sync password: $SYNC_PASSWORD)

  Next: make sync-interactive   (opens http://localhost:$PORT_A/sync/interactive: compare A with B)
        or, in another terminal:
        ADMIN_PASSWORD=$ADMIN_PASSWORD make sync-full URL=http://localhost:$PORT_B PASSWORD=$SYNC_PASSWORD

  Ctrl-C stops both servers; make demo again reuses the data; make demo-reset starts afresh.
INFO

wait "${pids[@]}"
