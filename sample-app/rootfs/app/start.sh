#!/bin/sh
# Writes the service's responses from the environment it runs with, then serves them.
# A BROKEN=true build answers /version only: /health, /ready and / fail with 404.
# A DEGRADE_AFTER=<N> build passes its probes and the smoke test, then fails a share of real requests (degrade.sh).
# Beside the server: the trading agent.
set -eu
www=/www
mkdir -p "$www"

json() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

printf '{"version":"%s","revision":"%s","replica":"%s","ALC_ENVIRONMENT":"%s","IBKR_PORT":"%s","broken":%s}\n' \
  "$(json "$APP_VERSION")" "$(json "${CONTAINER_APP_REVISION:-}")" "$(json "$(hostname)")" \
  "$(json "${ALC_ENVIRONMENT:-}")" "$(json "${IBKR_PORT:-}")" \
  "$([ "$BROKEN" = true ] && echo true || echo false)" >"$www/version"

if [ "$BROKEN" != true ]; then
  echo ok >"$www/health"
  echo ready >"$www/ready"
  printf '<!doctype html><title>ALC-Algo</title><p>ALC-Algo agents %s (%s)</p>\n' \
    "$APP_VERSION" "${ALC_ENVIRONMENT:-unset}" >"$www/index.html"
fi

# The trading agent (protocol v1 of the trading lease, /app/agent/agent.py) runs beside the HTTP server; SIGTERM
# (ACA's signal before it stops a replica) goes to both, and the agent stops trading, says bye to the broker,
# writes `stopped` and releases the lease before it exits.
/usr/bin/python3 /app/agent/agent.py &
agent=$!
if [ -n "${DEGRADE_AFTER:-}" ]; then
  echo "alc-algo-sample $APP_VERSION listening on :$PORT (degrades after $DEGRADE_AFTER requests: ${DEGRADE_SHARE:-50}% answered 500)"
  mkdir -p /tmp
  : >/tmp/served
  nc -ll -p "$PORT" -e /app/degrade.sh &
else
  echo "alc-algo-sample $APP_VERSION listening on :$PORT (broken=$BROKEN)"
  httpd -f -p "$PORT" -h "$www" -c /app/httpd.conf &
fi
web=$!

stop() {
  trap - TERM INT
  kill -TERM "$agent" "$web" 2>/dev/null || true
  wait "$agent" 2>/dev/null || true
  wait "$web" 2>/dev/null || true
  exit 0
}
trap stop TERM INT
# Either process ending ends the container (ACA restarts it); a signal interrupts the short waits.
while kill -0 "$agent" 2>/dev/null && kill -0 "$web" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
kill -0 "$agent" 2>/dev/null || echo "alc-algo-sample: the trading agent exited" >&2
kill -0 "$web" 2>/dev/null || echo "alc-algo-sample: the HTTP server exited" >&2
stop
