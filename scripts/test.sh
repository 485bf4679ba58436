#!/usr/bin/env bash
# Runs every test suite — unit, property, integration on SQLite and PostgreSQL, browser — and ends with one line:
# "N passed, N failed, N skipped". Starts a throwaway PostgreSQL itself when the server is installed
# (set BUSETTING_NO_POSTGRES=1 to skip); browser tests need /usr/bin/chromium (.ci/run installs both).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BUSETTING_NO_POSTGRES:-}" ] && [ -z "${BUSETTING_TEST_POSTGRES:-}" ]; then
  # shellcheck source=postgres.sh
  source scripts/postgres.sh start
  started_postgres=1
fi
if [ -n "${BUSETTING_TEST_POSTGRES:-}" ]; then echo "Database tests: SQLite and PostgreSQL"; else echo "Database tests: SQLite only"; fi
log=$(mktemp)
dotnet test Busetting.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
[ -n "${started_postgres:-}" ] && scripts/postgres.sh stop
echo "${summary:-0 passed, 0 failed, 0 skipped}"
if [ "$status" -eq 0 ] && [ "${summary%% *}" = "0" ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
