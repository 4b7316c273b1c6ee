#!/usr/bin/env bash
# The fault run (issue 18): bench/load.sh --faults.
exec "$(dirname "$0")/load.sh" --faults "$@"
