#!/usr/bin/env bash
# Prints the house's figures that the renovation (issue 15) set goals for, from the files git tracks:
#   repeated pairs in hand-written code (the `duplicates` tool, .razor included, migrations excluded)  goal <= 20
#   files over 300 lines (src and tests, .cs and .razor, migrations excluded)                           goal <= 4
#   lines in the web project's services (src/Busetting.Web/Services)                                    goal <= 1 200
#   `int year` outside Domain and Data (src)                                                            goal <= 15
#   `string kommunenummer` outside Domain and Data (src)                                                goal <= 15
#   share of test lines that run without a web host (every test project but Busetting.Web.Tests)       goal >= 40 %
# Usage: scripts/code-metrics.sh   (the duplicate count needs the `duplicates` command; without it "?" is printed)
set -euo pipefail
cd "$(dirname "$0")/.."

code() { git ls-files "$@" | grep -v '/Migrations/' || true; }
lines() { xargs -r cat 2>/dev/null | wc -l; }
outside_domain_and_data() { code 'src/*.cs' 'src/*.razor' | grep -v -E '^src/Busetting\.(Domain|Data)/'; }

pairs="?"
if command -v duplicates >/dev/null 2>&1; then
  copy=$(mktemp -d)
  trap 'rm -rf "$copy"' EXIT
  # .razor files are copied as .cs so the tool reads them as code.
  code 'src/*.cs' 'tests/*.cs' 'src/*.razor' | while read -r f; do
    mkdir -p "$copy/$(dirname "$f")"
    case "$f" in *.razor) cp "$f" "$copy/$f.cs" ;; *) cp "$f" "$copy/$f" ;; esac
  done
  pairs=$(duplicates --repo "$copy" --seconds 60 --most 1 2>/dev/null | head -1 | grep -oE '^[0-9]+' || echo "?")
fi

long=$(code 'src/*.cs' 'src/*.razor' 'tests/*.cs' | xargs -r wc -l | awk '$2 != "total" && $1 > 300' | wc -l)
services=$(git ls-files 'src/Busetting.Web/Services/*' | lines)
int_year=$(outside_domain_and_data | xargs -r grep -o -E '\bint year\b' | wc -l)
string_kommunenummer=$(outside_domain_and_data | xargs -r grep -o -E '\bstring kommunenummer\b' | wc -l)
test_all=$(git ls-files 'tests/*.cs' | lines)
test_web=$(git ls-files 'tests/Busetting.Web.Tests/*.cs' | lines)
hostless=$(( test_all > 0 ? (100 * (test_all - test_web) + test_all / 2) / test_all : 0 ))

printf '%-52s %8s   %s\n' "figure" "now" "goal"
printf '%-52s %8s   %s\n' "repeated pairs (duplicates, .razor incl.)" "$pairs" "<= 20"
printf '%-52s %8s   %s\n' "files over 300 lines" "$long" "<= 4"
printf '%-52s %8s   %s\n' "lines in src/Busetting.Web/Services" "$services" "<= 1200"
printf '%-52s %8s   %s\n' "'int year' outside Domain and Data" "$int_year" "<= 15"
printf '%-52s %8s   %s\n' "'string kommunenummer' outside Domain and Data" "$string_kommunenummer" "<= 15"
printf '%-52s %7s%%   %s\n' "test lines without a web host ($((test_all - test_web)) of $test_all)" "$hostless" ">= 40 %"
