#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet test Busetting.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
echo "${summary:-0 passed, 0 failed, 0 skipped}"
if [ "$status" -eq 0 ] && [ "${summary%% *}" = "0" ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
