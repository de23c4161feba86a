#!/usr/bin/env bash
# Everything alc-deploy needs on a fresh machine: Debian's Docker engine, registry and static busybox, Debian's
# python3-azure (the sample app's trading agent: azure-storage-blob and azure-identity, copied into its image), Debian's
# chromium (the browser test of the demo's page; never a downloaded browser), the npm dependencies, Node 24 for
# the actions' runtime, and the project's own Docker engine, started.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null || ! command -v docker-registry >/dev/null \
  || [ ! -x /bin/busybox ] || ! command -v openssl >/dev/null \
  || ! /usr/bin/python3 -c 'import azure.storage.blob, azure.identity' 2>/dev/null; then
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io docker-registry busybox-static openssl python3-azure >/dev/null
fi
# Debian has chromium as a package; Ubuntu only as a snap, and GitHub's Ubuntu runners carry Google Chrome, which
# the browser test takes then (test/integration/report-page.test.ts): a missing package is said, not fatal.
if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/google-chrome ]; then
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || echo "alc-deploy: no chromium package on this system: the demo page's browser test needs /usr/bin/chromium" >&2
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
scripts/ensure-node24.sh >/dev/null
scripts/docker-up.sh >/dev/null
echo "alc-deploy: ready (Docker engine at unix:///run/alc-deploy/docker.sock)"
