#!/usr/bin/env bash
# Benchmark: all letters of 2025 in one batch from the command line, on SQLite, Release build.
# Prepares a database with a published 2025 (through the web application), then times `busetting letters` with
# /usr/bin/time (wall clock and peak resident memory). Needs the `time` package (apt-get install -y time).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
db=$(mktemp -d)/busetting.db
port=${LETTERS_BENCH_PORT:-5091}
base="http://127.0.0.1:$port"
# A fresh random password every run (upper, lower, digits, symbols: the password policy); never in the repository.
password="Bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')-1!"
# The IMDi demo users' authenticator key (base32), random too; scripts/totp.sh gives its codes.
key=$(head -c 20 /dev/urandom | base32)

dotnet publish src/Busetting.Web -c Release -o artifacts/web --nologo -v q >/dev/null
dotnet build src/Busetting.Cli -c Release --nologo -v q >/dev/null
cd artifacts/web
ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS=$base ConnectionStrings__Busetting="Data Source=$db" \
Demo__Enabled=true Demo__Password="$password" Demo__AuthenticatorKey="$key" RateLimit__LoginPerMinute=1000 Data__Folder="$root/data" Logging__LogLevel__Default=Warning \
  dotnet Busetting.Web.dll > ../letters-bench-server.log 2>&1 &
server=$!
cd "$root"
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
scripts/publish-demo-year.sh "$base" "$password" "$key"
kill $server; wait $server 2>/dev/null || true

cli=src/Busetting.Cli/bin/Release/net10.0/linux-x64/busetting.dll
/usr/bin/time -v dotnet "$cli" letters --year 2025 --database "$db" --data data 2> artifacts/letters-bench-time.txt | tee artifacts/letters-bench.txt
wall=$(grep "Elapsed (wall clock)" artifacts/letters-bench-time.txt | awk '{print $NF}')
rss=$(grep "Maximum resident set size" artifacts/letters-bench-time.txt | awk '{printf "%.0f", $NF/1024}')
echo
echo "Letters benchmark ($(nproc) cores, Release, SQLite): $(head -1 artifacts/letters-bench.txt | sed 's/.*: \([0-9]* letters made.*\)/\1/')"
echo "  whole command (start-up, data, database, batch, store): wall $wall, peak memory ${rss} MB"
