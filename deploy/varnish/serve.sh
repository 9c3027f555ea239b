#!/usr/bin/env bash
# gunicorn behind Varnish on this machine (`make serve-varnish`; README: A frontend cache on
# Varnish). Readers use http://VARNISH_HOST:VARNISH_PORT/; gunicorn listens on APP_HOST:APP_PORT
# and purges Varnish after each change (FRONTEND_CACHE_URLS). The environment is the app's
# (the Makefile sets it); Ctrl-C stops both.
#   bash deploy/varnish/serve.sh VARNISH_HOST VARNISH_PORT APP_HOST APP_PORT
set -euo pipefail
cd "$(dirname "$0")/../.."
varnish_host=$1 varnish_port=$2 app_host=$3 app_port=$4
if ! command -v varnishd >/dev/null 2>&1 && [ ! -x /usr/sbin/varnishd ]; then
  echo "varnishd not found: apt-get install varnish varnish-modules" >&2
  exit 1
fi
PATH=$PATH:/usr/sbin

run=$(mktemp -d /tmp/newsroom-varnish.XXXXXX)
chmod 755 "$run"  # varnishd's own user reads the VCL and its work folder
stop() {
  if [ -s "$run/varnishd.pid" ]; then kill "$(cat "$run/varnishd.pid")" 2>/dev/null || true; fi
  rm -rf "$run"
}
trap stop EXIT

bash deploy/varnish/backend-vcl.sh "$app_host" "$app_port" "$app_host" > "$run/backend.vcl"
# backend.vcl is found in $run first (vcl_path), before the example beside newsroom.vcl.
varnishd -a "$varnish_host:$varnish_port" -f "$PWD/deploy/varnish/newsroom.vcl" \
  -p vcl_path="$run:$PWD/deploy/varnish" -n "$run/work" -P "$run/varnishd.pid" \
  -s malloc,"${VARNISH_MEMORY:-256m}"
echo "Varnish on http://$varnish_host:$varnish_port/ in front of gunicorn on $app_host:$app_port"
echo "(X-Cache: HIT or MISS on each answer; varnishlog -n $run/work to watch)"
"${GUNICORN:-.venv/bin/gunicorn}" &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" || true; stop' EXIT
trap 'exit 0' INT TERM
wait "$app"
