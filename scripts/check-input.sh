#!/usr/bin/env bash
# Checks one workflow_dispatch input before anything prints it (a workflow command, a job summary, a script):
#
#   check-input.sh <name> text|target <value> [required]
#
#   text    one line of at most 200 characters: letters, digits, spaces and . , : ; ! ? ' ( ) / # @ + = _ -
#   target  a rollback target: previous, a version (v1.4.0, v1.4.0-rc.1) or a revision name (app--suffix)
#
# An empty value, or spaces only, is blank: refused with `required`, else accepted. Any other white space (a line
# break, a tab, CR), alone or not, is checked as the kind says, and so refused.
# On a bad value: one ::error:: naming the input, the value (only its safe characters, others shown as ?)
# and what is allowed; exit 1. The value itself is never printed as given.
set -euo pipefail
name=$1 kind=$2 value=${3-} required=${4-}

shown() { printf '%s' "$value" | head -c 60 | LC_ALL=C tr -c 'A-Za-z0-9 .,_-' '?'; }
fail() {
  echo "::error title=${name} is not allowed::${name} '$(shown)' is not allowed: $1"
  exit 1
}

# Blank is empty or spaces only; other white space (a line break, a tab, CR) is checked below like any character
# (not through $(...), which would drop trailing line breaks).
if [[ "$value" =~ ^\ *$ ]]; then
  [ "$required" = required ] && fail "it is required (say why, in one line)"
  exit 0
fi
lines=$(printf '%s' "$value" | wc -l)
case "$kind" in
  text)
    allowed="one line of at most 200 characters: letters, digits, spaces and . , : ; ! ? ' ( ) / # @ + = _ -"
    [ "$lines" -eq 0 ] || fail "$allowed"
    [ "${#value}" -le 200 ] || fail "$allowed"
    if printf '%s' "$value" | LC_ALL=C grep -q "[^A-Za-z0-9 .,:;!?'()/#@+=_-]"; then fail "$allowed"; fi
    ;;
  target)
    allowed="previous, a version (v1.4.0, v1.4.0-rc.1) or a revision name (lower-case letters, digits and -, e.g. alc-algo-agents--v1-4-0)"
    [ "$lines" -eq 0 ] || fail "$allowed"
    if ! printf '%s' "$value" | LC_ALL=C grep -Eqx 'previous|v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?|[a-z][a-z0-9-]{0,52}[a-z0-9]'; then
      fail "$allowed"
    fi
    ;;
  *)
    echo "::error::check-input.sh: unknown kind '$kind' (text or target)"
    exit 2
    ;;
esac
