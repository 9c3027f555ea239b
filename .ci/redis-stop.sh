#!/usr/bin/env bash
# Stop the throwaway Redis and delete its folder.
set -euo pipefail
REDIS_PORT="${REDIS_PORT:-63799}"
REDIS_DIR="${REDIS_DIR:-/tmp/newsroom-redis}"
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
rm -rf "$REDIS_DIR"
