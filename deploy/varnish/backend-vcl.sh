#!/usr/bin/env bash
# Print a backend.vcl for newsroom.vcl: the application at HOST:PORT, probed on /healthz with
# PROBE_HOST as its Host (a name in ALLOWED_HOSTS; default HOST), and the addresses allowed to
# purge. Used by `make serve-varnish`, `make bench-http` and the tests; on a server, write it
# once into /etc/varnish beside newsroom.vcl.
#   bash deploy/varnish/backend-vcl.sh HOST PORT PURGER [PURGER...] > backend.vcl
set -euo pipefail
if [ "$#" -lt 3 ]; then
  echo "usage: $0 HOST PORT PURGER [PURGER...]" >&2
  exit 2
fi
host=$1 port=$2
shift 2
probe_host=${PROBE_HOST:-$host}
cat <<VCL
# Written by deploy/varnish/backend-vcl.sh: where the application is, and who may purge.
vcl 4.1;

backend default {
    .host = "$host";
    .port = "$port";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # /healthz answers 503 when the database is down: the backend then counts as sick and
    # readers get the last good copy of every page (grace). X-Forwarded-Proto: the probe
    # stands for the TLS proxy, so a production app answers instead of redirecting to https.
    .probe = {
        .request = "GET /healthz HTTP/1.1"
                   "Host: $probe_host"
                   "X-Forwarded-Proto: https"
                   "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Addresses allowed to send PURGE with xkey-purge (the application's hosts).
acl purgers {
VCL
for purger in "$@"; do
  printf '    "%s";\n' "$purger"
done
echo "}"
