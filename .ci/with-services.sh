#!/usr/bin/env bash
# Run a command (e.g. `make test`) against throwaway PostgreSQL and Redis on 127.0.0.1, and stop
# both afterwards, whatever the command's outcome. Exits with the command's status.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGPORT="${PGPORT:-54329}" REDIS_PORT="${REDIS_PORT:-63799}"
trap 'bash .ci/redis-stop.sh; bash .ci/pg-stop.sh' EXIT
bash .ci/pg-start.sh
bash .ci/redis-start.sh
export DATABASE_URL="postgres://newsroom:newsroom@127.0.0.1:$PGPORT/newsroom"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
"$@"
