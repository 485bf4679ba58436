#!/usr/bin/env bash
# What-if in a real browser: key press on a weight slider → re-solved numbers on the page, over MOVES presses (default 50),
# plus the same with the slider's value set directly. Release build, Staging settings, SQLite in a temporary folder,
# a free loopback port. Needs chromium. Prints p50/p95/max; the figures go to README by hand (not a timed test).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
moves=${MOVES:-50}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
password="Bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')-1!"
# The IMDi demo users' authenticator key (base32), random too; scripts/totp.sh gives its codes.
key=$(head -c 20 /dev/urandom | base32)
work=$(mktemp -d)

dotnet publish src/Busetting.Web -c Release -o "$work/web" --nologo -v q >/dev/null
dotnet build bench/Busetting.WebBench -c Release --nologo -v q >/dev/null

cd "$work/web"
ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS=$base Database__Provider=Sqlite ConnectionStrings__Busetting="Data Source=$work/whatif.db" \
Demo__Enabled=true Demo__Password="$password" Demo__AuthenticatorKey="$key" RateLimit__LoginPerMinute=1000 Data__Folder="$root/data" Logging__LogLevel__Default=Warning \
  dotnet Busetting.Web.dll > "$work/server.log" 2>&1 &
server=$!
cd "$root"
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

scripts/publish-demo-year.sh "$base" "$password" "$key"
bench=bench/Busetting.WebBench/bin/Release/net10.0/Busetting.WebBench.dll
echo "What-if in Chromium ($(nproc) cores, Release, SQLite, loopback):"
echo "  $(BUSETTING_CODE=$(scripts/totp.sh "$key") dotnet $bench "$base" planlegger@demo.imdi.no "$password" 2025 "$moves" keys)"
echo "  $(BUSETTING_CODE=$(scripts/totp.sh "$key") dotnet $bench "$base" planlegger@demo.imdi.no "$password" 2025 "$moves" fill)"
