#!/usr/bin/env bash
# Signs in as the demo planner on a running instance and takes 2025 from Draft to Published:
# run an allocation, consultation, approve, publish. Used by the load test and the letters benchmark.
# Usage: scripts/publish-demo-year.sh <base-url> <demo-password>
set -euo pipefail
base=$1
password=$2
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
post() { local page=$1; shift; curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -X POST "$base$page" --data-urlencode "__RequestVerificationToken=$(token "$page")" "$@"; }
version() { curl -s -b "$jar" "$base/planlegging/2025" | grep -o 'name="StatusForm.Version" value="[0-9]*"' | head -1 | grep -o '[0-9]*"$' | tr -d '"'; }
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/konto/innlogging" --data-urlencode "__RequestVerificationToken=$(token /konto/logg-inn)" \
  --data-urlencode "username=planlegger@demo.imdi.no" --data-urlencode "password=$password"
post /planlegging/2025 -d _handler=kjor >/dev/null
for step in Consultation Approved Published; do
  post /planlegging/2025 -d _handler=status -d "StatusForm.To=$step" -d "StatusForm.Version=$(version)" >/dev/null
done
curl -sf "$base/api/v1/years/2025/municipalities/4640" >/dev/null || { echo "2025 was not published" >&2; exit 1; }
