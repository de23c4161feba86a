#!/bin/sh
# Writes the service's responses from the environment it runs with, then serves them.
# A BROKEN=true build answers /version only: /health, /ready and / fail with 404.
# A DEGRADE_AFTER=<N> build passes its probes and the smoke test, then fails a share of real requests (degrade.sh).
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

if [ -n "${DEGRADE_AFTER:-}" ]; then
  echo "alc-algo-sample $APP_VERSION listening on :$PORT (degrades after $DEGRADE_AFTER requests: ${DEGRADE_SHARE:-50}% answered 500)"
  mkdir -p /tmp
  : >/tmp/served
  exec nc -ll -p "$PORT" -e /app/degrade.sh
fi
echo "alc-algo-sample $APP_VERSION listening on :$PORT (broken=$BROKEN)"
exec httpd -f -p "$PORT" -h "$www" -c /app/httpd.conf
