#!/usr/bin/env bash
# Records what the command-line tool answers — stdout, stderr and exit code of a fixed set of invocations on the
# shipped data (run from the checkout, paths relative to it) — so two commits can be compared (issue 15: "the CLI
# contract is unchanged"). Solver wall-clock times ("123 ms", "1,2 s") vary from run to run: written as "N ms" / "N s".
# Usage: scripts/cli-contract.sh OUTDIR [CHECKOUT]    (CHECKOUT: another worktree to record; default this one)
#        then: diff -r BEFORE AFTER
# Letters need a database; their contract is held by tests/Busetting.Cli.Tests (CliLettersTests).
set -euo pipefail
out=$(realpath -m "$1")
checkout=$(realpath "${2:-$(dirname "$0")/..}")
mkdir -p "$out"
dotnet build "$checkout/src/Busetting.Cli" -v q -nologo >/dev/null
bin=$checkout/src/Busetting.Cli/bin/Debug/net10.0/linux-x64/busetting

run() {
  local name=$1
  shift
  set +e
  (cd "$checkout" && "$bin" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr")
  echo $? >"$out/$name.exit"
  set -e
  sed -E -i 's/[0-9]+([.,][0-9]+)? ?ms\b/N ms/g; s/[0-9]+([.,][0-9]+)? s\b/N s/g' "$out/$name.stdout" "$out/$name.stderr"
}

run help --help
for command in allocate explain need backtest calibrate import letters revise; do
  run "help-$command" "$command" --help
done
run allocate allocate --year 2025 --need 18900 --em 0
run allocate-em allocate --year 2025 --need 18900 --em 750
run allocate-bad-need allocate --year 2025 --need -5 --em 0
run allocate-bad-year allocate --year 1999 --need 18900 --em 0
run backtest-2022 backtest --year 2022 --need 35000 --em 0 --actual data/imdi_nokkeltall_bosetting_2022.csv
run revise-scale revise --year 2025 --from-need 18900 --need 12640 --agree 4601=559 --agree 4640=60 --decided 0301=900 --show 4601 0301 --data data
run revise-keep revise --year 2025 --from-need 18900 --need 12640 --agree 4601=559 --agree 4640=60 --treatment keep --show 4601 4640 0301
run revise-drop revise --year 2025 --from-need 18900 --need 12640 --agree 4601=559 --agree 4640=60 --decided 0301=900 --decided 5001=300 --treatment drop --show 4601 4640 5001
run revise-em revise --year 2025 --from-need 18900 --need 12640 --from-em 350 --em 230 --agree 4601=559 --agree-em 4601=22 --show 4601 0301
run revise-up revise --year 2025 --from-need 12640 --need 15000 --show 0301 4601
run revise-bad-agree revise --year 2025 --from-need 18900 --need 12640 --agree Bergen=559 --data data
run revise-bad-treatment revise --year 2025 --from-need 18900 --need 12640 --treatment halve
run revise-missing-data revise --year 2025 --from-need 18900 --need 12640 --data /nonexistent
echo "recorded $(ls "$out" | wc -l) files in $out"
