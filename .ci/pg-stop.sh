#!/usr/bin/env bash
# Stop the throwaway PostgreSQL cluster and delete it.
set -euo pipefail
PGROOT="${PGROOT:-/tmp/newsroom-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -n "$PGBIN" ] && [ -s "$PGROOT/data/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null || true
fi
rm -rf "$PGROOT"
