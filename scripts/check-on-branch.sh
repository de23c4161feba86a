#!/usr/bin/env bash
# Refuses a commit that is not on a branch, before anything runs the commit's code (publish.yml and the release):
#
#   check-on-branch.sh <sha> <branch>
#
# Run in a checkout of the repository (actions/checkout with fetch-depth: 0 leaves origin/<branch>; otherwise
# the branch is fetched from origin). Exit 0 when <sha> is <branch>'s head or one of its ancestors; otherwise one
# ::error:: and exit 1. The tag that started the run names <sha> (GITHUB_SHA), never the branch: a tag pushed on a
# commit nobody merged is not a release.
set -euo pipefail
sha=${1-} branch=${2-}

fail() {
  echo "::error title=$1::$2"
  exit 1
}

printf '%s' "$sha" | grep -Eqx '[0-9a-f]{40}' || fail "Not a commit" "check-on-branch: '$(printf '%s' "$sha" | head -c 60 | LC_ALL=C tr -c 'A-Za-z0-9._-' '?')' is not a commit sha (40 hex digits)"
printf '%s' "$branch" | grep -Eqx '[A-Za-z0-9._/-]{1,200}' || fail "No default branch" "check-on-branch: the branch '$(printf '%s' "$branch" | head -c 60 | LC_ALL=C tr -c 'A-Za-z0-9._/-' '?')' is not a branch name"
if ! git rev-parse --verify --quiet "refs/remotes/origin/$branch^{commit}" >/dev/null; then
  git fetch --no-tags --quiet origin "+refs/heads/$branch:refs/remotes/origin/$branch" ||
    fail "Cannot read $branch" "check-on-branch: could not fetch $branch from origin"
fi
git cat-file -e "$sha^{commit}" 2>/dev/null ||
  fail "Tag not on $branch" "$sha is not in this repository's history: a release is a tag on a commit of $branch"
if ! git merge-base --is-ancestor "$sha" "refs/remotes/origin/$branch"; then
  fail "Tag not on $branch" "the tag points at $sha, which is not on $branch: merge first, then tag"
fi
echo "$sha is on $branch"
