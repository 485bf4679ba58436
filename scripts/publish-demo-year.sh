#!/usr/bin/env bash
# Signs in as the demo planner (and administrator) on a running instance and takes 2025 from Draft to Published:
# run an allocation, consultation (deadline in three weeks), approve and publish (asked by the planner, confirmed by the
# administrator: four eyes), then set the councils' decision deadline. Used by the load test and the letters benchmark.
# Both are IMDi users: after the password they give the code from the demo authenticator key (Demo__AuthenticatorKey).
# Usage: scripts/publish-demo-year.sh <base-url> <demo-password> <demo-authenticator-key>
set -euo pipefail
base=$1
password=$2
key=$3
totp=$(dirname "$0")/totp.sh
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
post() { local page=$1; shift; curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -X POST "$base$page" --data-urlencode "__RequestVerificationToken=$(token "$page")" "$@"; }
version() { curl -s -b "$jar" "$base/planlegging/2025" | grep -o 'name="StatusForm.Version" value="[0-9]*"' | head -1 | grep -o '[0-9]*"$' | tr -d '"'; }
signin() { curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/konto/innlogging" --data-urlencode "__RequestVerificationToken=$(token /konto/logg-inn)" \
  --data-urlencode "username=$1" --data-urlencode "password=$password"
  curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$base/konto/kodeinnlogging" --data-urlencode "__RequestVerificationToken=$(token /konto/kode)" \
  --data-urlencode "code=$("$totp" "$key")"; }
request() { curl -s -b "$jar" "$base/planlegging/2025" | grep -o "value=\"confirm:[0-9]*\"" | head -1 | grep -o '[0-9]*'; }
request_version() { curl -s -b "$jar" "$base/planlegging/2025" | grep -o 'name="StepForm.Version" value="[0-9]*"' | head -1 | grep -o '[0-9]*"$' | tr -d '"'; }
signin planlegger@demo.imdi.no
post /planlegging/2025 -d _handler=kjor >/dev/null
post /planlegging/2025 -d _handler=status -d "StatusForm.To=Consultation" -d "StatusForm.Version=$(version)" -d StatusForm.Confirm=true \
  -d "StatusForm.ConsultationDeadline=$(date -d '+21 days' +%F)" >/dev/null
# Four eyes (Planning:FourEyes, on by default): the planner asks, the administrator confirms.
for step in Approved Published; do
  rm -f "$jar"; signin planlegger@demo.imdi.no
  post /planlegging/2025 -d _handler=status -d "StatusForm.To=$step" -d "StatusForm.Version=$(version)" -d StatusForm.Confirm=true >/dev/null
  rm -f "$jar"; signin admin@demo.imdi.no
  id=$(request)
  if [ -n "$id" ]; then
    post /planlegging/2025 -d _handler=steg -d "StepForm.Action=confirm:$id" -d "StepForm.Version=$(request_version)" -d StepForm.Confirm=true >/dev/null
  fi
done
curl -sf "$base/api/v1/years/2025/municipalities/4640" >/dev/null || { echo "2025 was not published" >&2; exit 1; }
# The councils' decision deadline (eight weeks ahead), set by the planner: request letters are refused without one.
# (A sixth sign-in within the minute needs the instance's RateLimit__LoginPerMinute raised, as the scripts do.)
rm -f "$jar"; signin planlegger@demo.imdi.no
post /planlegging/2025 -d _handler=frist -d "DeadlineForm.Version=$(curl -s -b "$jar" "$base/planlegging/2025" | grep -o 'name="DeadlineForm.Version" value="[0-9]*"' | head -1 | grep -o '[0-9]*"$' | tr -d '"')" \
  -d "DeadlineForm.Deadline=$(date -d '+8 weeks' +%F)" >/dev/null
curl -s -b "$jar" "$base/planlegging/2025" | grep -q "value=\"$(date -d '+8 weeks' +%F)\"" || { echo "the decision deadline was not set" >&2; exit 1; }
