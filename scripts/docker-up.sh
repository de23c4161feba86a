#!/usr/bin/env bash
# Start the project's own Docker engine when it is installed and not running yet.
# Prints the DOCKER_HOST to use. Idempotent: a running engine is left as it is.
set -euo pipefail
ROOT="${ALC_DOCKER_ROOT:-/var/lib/alc-deploy/docker}"
RUN="${ALC_DOCKER_RUN:-/run/alc-deploy}"
SOCK="$RUN/docker.sock"
export DOCKER_HOST="unix://$SOCK"

if ! command -v dockerd >/dev/null 2>&1; then
  echo "alc-deploy: no Docker engine here. Install it with: apt-get install -y docker.io docker-registry busybox-static" >&2
  exit 3
fi
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "$DOCKER_HOST"
  exit 0
fi
mkdir -p "$ROOT" "$RUN/exec"
nohup dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 \
  --data-root "$ROOT" --exec-root "$RUN/exec" -H "$DOCKER_HOST" --pidfile "$RUN/dockerd.pid" \
  >"$RUN/dockerd.log" 2>&1 &
for _ in $(seq 1 120); do
  if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    echo "$DOCKER_HOST"
    exit 0
  fi
  sleep 0.5
done
echo "alc-deploy: the Docker engine did not start; its log follows" >&2
tail -n 30 "$RUN/dockerd.log" >&2
exit 1
