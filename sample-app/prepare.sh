#!/bin/sh
# Puts the static busybox into the build context (idempotent), so `docker build sample-app` works offline.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${BUSYBOX:-/bin/busybox}
if ! file "$src" 2>/dev/null | grep -q 'statically linked'; then
  echo "sample-app: $src is not a static busybox; install it with: apt-get install -y busybox-static" >&2
  exit 3
fi
cmp -s "$src" "$here/busybox" || cp "$src" "$here/busybox"
