#!/usr/bin/env bash
# Load test on loopback, bounded: the published app (Release, Staging: production settings, demo users allowed) on PostgreSQL, a published year, then
#   wrk against the public JSON API and the public page, and a browser measuring the what-if round trip.
# Needs: postgresql, wrk, chromium (apt-get install -y postgresql wrk chromium). Prints a summary table at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
duration=${DURATION:-20s}
connections=${CONNECTIONS:-64}
port=5090
base="http://127.0.0.1:$port"
# A fresh random password every run (upper, lower, digits, symbols: the password policy); never in the repository.
password="Bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')-1!"
# The IMDi demo users' authenticator key (base32), random too; scripts/totp.sh gives its codes.
key=$(head -c 20 /dev/urandom | base32)

source scripts/postgres.sh start
psql "host=127.0.0.1 port=55432 user=postgres dbname=postgres" -qc "DROP DATABASE IF EXISTS busetting_load WITH (FORCE)" -c "CREATE DATABASE busetting_load" >/dev/null

dotnet publish src/Busetting.Web -c Release -o artifacts/web --nologo -v q >/dev/null
dotnet build bench/Busetting.WebBench -c Release --nologo -v q >/dev/null

# The content root must be the publish folder: that is where wwwroot (CSS, blazor.web.js) lives.
cd artifacts/web
ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS=$base Database__Provider=Postgres \
ConnectionStrings__Busetting="Host=127.0.0.1;Port=55432;Username=postgres;Database=busetting_load" \
Demo__Enabled=true Demo__Password="$password" Demo__AuthenticatorKey="$key" RateLimit__LoginPerMinute=1000 Data__Folder="$root/data" \
Logging__LogLevel__Default=Warning \
  dotnet Busetting.Web.dll > ../loadtest-server.log 2>&1 &
server=$!
cd ../..
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

scripts/publish-demo-year.sh "$base" "$password" "$key"

run() { wrk -t2 -c"$connections" -d"$duration" --latency "$1" | tee -a artifacts/loadtest-wrk.txt; }
: > artifacts/loadtest-wrk.txt
api=$(run "$base/api/v1/years/2025/municipalities")
page=$(run "$base/tal/2025")
whatif=$(BUSETTING_CODE=$(scripts/totp.sh "$key") dotnet bench/Busetting.WebBench/bin/Release/net10.0/Busetting.WebBench.dll "$base" planlegger@demo.imdi.no "$password" 2025 30)

summary() { echo "$1" | awk '/Requests\/sec/ {rps=$2} / 99%/ {p99=$2} END {printf "%s req/s, p99 %s", rps, p99}'; }
echo
echo "Load test ($(nproc) cores, wrk -t2 -c$connections -d$duration, PostgreSQL 15, Release build, loopback):"
echo "  public JSON API /api/v1/years/2025/municipalities: $(summary "$api")"
echo "  public page /tal/2025:                            $(summary "$page")"
echo "  $whatif"
