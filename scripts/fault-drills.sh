#!/usr/bin/env bash
# Runs the fault drills (issue 10, item 11; docs/adr/0011) and prints a results table and what each drill measured.
# The drills are xunit tests (tests/Busetting.Web.Tests/FaultDrillTests.cs) and also run in scripts/test.sh / .ci/run.
# Needs PostgreSQL's server binaries: the drills that stop PostgreSQL or restore a dump start throwaway clusters of
# their own (/tmp/drills-*, free ports); the rest use the test server (started here like scripts/test.sh does).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BUSETTING_TEST_POSTGRES:-}" ]; then
  # shellcheck source=postgres.sh
  source scripts/postgres.sh start
  started_postgres=1
fi
log=$(mktemp)
dotnet test tests/Busetting.Web.Tests --nologo --filter "FullyQualifiedName~FaultDrillTests" --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
[ -n "${started_postgres:-}" ] && scripts/postgres.sh stop
echo
printf '| %-78s | %-22s |\n' "drill" "result"
printf '|%s|%s|\n' "$(printf -- '-%.0s' {1..80})" "$(printf -- '-%.0s' {1..24})"
grep -E '^\s+(Passed|Failed|Skipped) Busetting\.Web\.Tests\.FaultDrillTests\.' "$log" \
  | sed -E 's/^\s+(Passed|Failed|Skipped) Busetting\.Web\.Tests\.FaultDrillTests\.([^ ]+) \[(.*)\]$/\2|\1 in \3/' \
  | awk -F'|' '{printf "| %-78s | %-22s |\n", $1, $2}'
echo
echo "Measured:"
grep -E '^ (run|letters|cli|short outage|outage|writes|proposals|two acceptances|dump)' "$log" | awk '!seen[$0]++'
if [ "$status" -ne 0 ]; then
  grep -E -A8 '^\s+Failed Busetting' "$log" | grep -v '^\s*{' | cut -c1-400
  echo "full log: $log" >&2
else
  rm -f "$log"
fi
exit "$status"
