#!/bin/sh
# Fills the build context (idempotent, cached), so that `docker build sample-app` works offline FROM scratch:
#  - ./busybox: Debian's static busybox (the shell, httpd, nc);
#  - ./python.tar: Debian's (or Ubuntu's) python3 and, from python3-azure, only what the trading agent imports (azure-core,
#    azure-identity, azure-storage-blob and their dependencies) with the shared libraries they link, as listed by
#    python-closure.py. Rebuilt only when the agent, the closure script or a Debian package version changes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# One preparation at a time: test suites running side by side (jest's workers) build the sample app at once; without
# the lock one removes python.tmp (or python.tar) while another fills or reads it.
exec 9>"$here/.prepare.lock"
flock 9
src=${BUSYBOX:-/bin/busybox}
if ! file "$src" 2>/dev/null | grep -q 'statically linked'; then
  echo "sample-app: $src is not a static busybox; install it with: apt-get install -y busybox-static" >&2
  exit 3
fi
cmp -s "$src" "$here/busybox" || cp "$src" "$here/busybox"

py=$(readlink -f "${AGENT_PYTHON:-/usr/bin/python3}")
if [ ! -x "$py" ] || ! "$py" -c 'import azure.storage.blob, azure.identity' 2>/dev/null; then
  echo "sample-app: the trading agent needs the system's python3 with python3-azure; install them with: apt-get install -y python3-azure" >&2
  exit 3
fi
key=$( { echo "$py"; dpkg-query -W python3 python3-azure python3-azure-storage python3-requests python3-msal \
    python3-cryptography python3-urllib3 libc6 libssl3 2>/dev/null; cat "$here/python-closure.py" \
    "$here"/rootfs/app/agent/*.py; } | sha256sum | cut -c1-64)
if [ "$(cat "$here/python.key" 2>/dev/null)" != "$key" ] || [ ! -f "$here/python.tar" ]; then
  rm -rf "$here/python.tmp" "$here/python" "$here/python.tar"
  mkdir -p "$here/python.tmp/root"
  "$py" "$here/python-closure.py" 2>/dev/null >"$here/python.tmp/files"
  # tar keeps symlinks (sonames) and modification times (so the .pyc files stay valid).
  sed 's|^/||' "$here/python.tmp/files" | tar -cf - -C / -T - | tar -xf - -C "$here/python.tmp/root"
  # Debian's merged /usr: the loader is /lib64/ld-linux-x86-64.so.2, the libraries are found in /lib too.
  ln -s usr/lib "$here/python.tmp/root/lib"
  ln -s usr/lib64 "$here/python.tmp/root/lib64"
  ln -s "$(basename "$py")" "$here/python.tmp/root/usr/bin/python3"
  # One archive (the Dockerfile ADDs it): the builder checksums one file instead of ~1900, a cached build takes ~1 s.
  tar -cf "$here/python.tmp/python.tar" -C "$here/python.tmp/root" --sort=name --owner=0 --group=0 --numeric-owner .
  mv "$here/python.tmp/python.tar" "$here/python.tar"
  echo "$key" >"$here/python.key"
  rm -rf "$here/python.tmp"
fi
