#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for tests (root, Debian). Idempotent.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGROOT="${PGROOT:-/tmp/newsroom-pg}"          # data dir + unix socket dir + log
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
mkdir -p "$PGROOT"
chown postgres:postgres "$PGROOT"
if [ ! -s "$PGROOT/data/PG_VERSION" ]; then
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
fi
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
# A role with CREATEDB, so Django's test runner can create test_newsroom.
"${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='newsroom'" | grep -q 1 \
  || "${PSQL[@]}" -c "CREATE ROLE newsroom LOGIN CREATEDB PASSWORD 'newsroom'"
"${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname='newsroom'" | grep -q 1 \
  || "${PSQL[@]}" -c "CREATE DATABASE newsroom OWNER newsroom"
echo "postgres ready on 127.0.0.1:$PGPORT (data $PGROOT/data)"
