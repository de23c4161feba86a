#!/bin/sh
# Builds the sample app image offline.
# Usage: sample-app/build.sh <tag> [version] [broken: true|false] [degrade-after: N]
# Example: sample-app/build.sh alc-sample:1.2.3 1.2.3
# The agent's demo hooks come from the environment: AGENT_NEVER_ACQUIRE=true, AGENT_IGNORE_DESIGNATION=true,
# AGENT_FAIL=throw,reject.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tag=${1:?usage: build.sh <tag> [version] [broken]}
version=${2:-0.0.0-dev}
broken=${3:-false}
degrade=${4:-}
"$here/prepare.sh"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" --build-arg "APP_VERSION=$version" --build-arg "BROKEN=$broken" --build-arg "DEGRADE_AFTER=$degrade" \
  --build-arg "AGENT_NEVER_ACQUIRE=${AGENT_NEVER_ACQUIRE:-false}" \
  --build-arg "AGENT_IGNORE_DESIGNATION=${AGENT_IGNORE_DESIGNATION:-false}" \
  --build-arg "AGENT_FAIL=${AGENT_FAIL:-}" "$here"
