#!/usr/bin/env bash
# Shows that the host-free tests of each planning rule fail when the rule is broken (issue 15: "each moved test still
# fails when its rule is broken"). For every mutation below: change one line of the rule, build and run the domain
# tests, expect at least one failure, put the line back. Prints one line per mutation and ends with
# "N killed, N survived"; exits 1 if any mutation survives or no longer applies (the rule's text changed).
# Usage: scripts/mutation-check.sh [PATTERN]   (only the mutations whose name contains PATTERN; about 20 s each on a
#        quiet machine; the working tree is restored on exit)
set -uo pipefail
cd "$(dirname "$0")/.."

project=tests/Busetting.Domain.Tests
d=src/Busetting.Domain

# name | file | perl substitution (applied once)
mutations=$(cat <<'EOF'
year: draft may jump to published|Planning/PlanningYearRules.cs|s/\(YearStatus\.Draft, YearStatus\.Consultation\) => true,/(YearStatus.Draft, YearStatus.Consultation) => true,\n        (YearStatus.Draft, YearStatus.Published) => true,/
year: consultation may not step back|Planning/PlanningYearRules.cs|s/\(YearStatus\.Consultation, YearStatus\.Draft\) => true,//
year: consultation without a run|Planning/PlanningYearRules.cs|s/if \(!hasRun\)/if (!hasRun && today.Year < 0)/
year: deadline today refused|Planning/PlanningYearRules.cs|s/deadline >= today \?/deadline > today ?/
year: decisions after the lock|Planning/PlanningYearRules.cs|s/published && !locked;/published;/
year: proposals on the deadline day refused|Planning/PlanningYearRules.cs|s/today <= d\)/today < d)/
year: never published counts as revised|Planning/PlanningYearRules.cs|s/published && status != YearStatus\.Published/status != YearStatus.Published/
four eyes: publication by one person|Planning/FourEyesRules.cs|s/to is YearStatus\.Approved or YearStatus\.Published/to is YearStatus.Approved/
four eyes: requester confirms|Planning/FourEyesRules.cs|s/requester != confirmer \?/true ?/
four eyes: handled request confirmed again|Planning/FourEyesRules.cs|s/open && version == expectedVersion \?/open ?/
four eyes: approval of an older run|Planning/FourEyesRules.cs|s/newestRunId != askedRunId/false/
package: empty package|Planning/ProposalPackageRules.cs|s/lines > 0 \?/lines >= 0 ?/
package: municipality twice|Planning/ProposalPackageRules.cs|s/g\.Count\(\) > 1/g.Count() > 2/
package: more than the need|Planning/ProposalPackageRules.cs|s/line\.Persons > needPersons\)/line.Persons > needPersons + 1)/
package: EM above persons|Planning/ProposalPackageRules.cs|s/em > line\.Persons \|\| //
package: unchanged line|Planning/ProposalPackageRules.cs|s/if \(line\.Persons == line\.FromPersons &&/if (line.Persons == line.FromPersons && line.Persons < 0 &&/
package: no reason|Planning/ProposalPackageRules.cs|s/!string\.IsNullOrWhiteSpace\(reason\) \?/true ?/
letters: adjusted without deadline|Planning/LetterBatchRules.cs|s/kind == LetterKind\.Adjusted && deadline is null/kind == LetterKind.Adjusted && deadline is null && today.Year < 0/
letters: past deadline|Planning/LetterBatchRules.cs|s/d < today\n/d < today.AddDays(-1)\n/
letters: year on consultation|Planning/LetterBatchRules.cs|s/status is YearStatus\.Approved or YearStatus\.Published;/status is YearStatus.Approved or YearStatus.Published or YearStatus.Consultation;/
letters: postponement without reason|Planning/LetterBatchRules.cs|s/kind != LetterKind\.Request && string\.IsNullOrWhiteSpace\(reason\)/kind != LetterKind.Request && string.IsNullOrWhiteSpace(reason) && maxReason < 0/
letters: reason one too long|Planning/LetterBatchRules.cs|s/reason\?\.Trim\(\)\.Length > maxReason/reason?.Trim().Length > maxReason + 1/
letters: adjusted without revision|Planning/LetterBatchRules.cs|s/kind == LetterKind\.Adjusted && revision == 0/kind == LetterKind.Adjusted && revision < 0/
letters: adjusted before any request|Planning/LetterBatchRules.cs|s/previousLetters > 0 \?/true ?/
decision: persons above the maximum|Planning/DecisionRules.cs|s/figures\.Persons is < 0 or > Max/figures.Persons is < 0/
decision: EM above persons|Planning/DecisionRules.cs|s/figures\.Em < 0 \|\| figures\.Em > figures\.Persons/figures.Em < 0/
decision: dated in the future|Planning/DecisionRules.cs|s/figures\.DecisionDate > today \|\| //
decision: dated too early|Planning/DecisionRules.cs|s/ \|\| figures\.DecisionDate\.Year < earliest//
bounds: cap below floor|Allocation/BoundRules.cs|s/new\("cap below floor", CapBelowFloor\),//
bounds: reception centre|Allocation/BoundRules.cs|s/new\("reception centre", ReceptionCentre\),//
bounds: continuity|Allocation/BoundRules.cs|s/new\("continuity", Continuity\),//
bounds: floor exception|Allocation/BoundRules.cs|s/new\("floor exception", FloorException\),//
EOF
)

restore() { git checkout -q -- "$d"; }
trap restore EXIT

dotnet build "$project" -v q -nologo >/dev/null || { echo "the tests do not build before mutating"; exit 1; }
dotnet test "$project" --no-build -v q -nologo >/dev/null || { echo "the tests fail before mutating"; exit 1; }

killed=0 survived=0
while IFS='|' read -r name file substitution; do
  [ -z "$name" ] && continue
  [[ "$name" == *"${1:-}"* ]] || continue
  path="$d/$file"
  before=$(sha1sum "$path")
  perl -0pi -e "$substitution" "$path"
  if [ "$(sha1sum "$path")" = "$before" ]; then
    printf '%-48s %s\n' "$name" "NOT APPLIED (the rule's text changed; update this script)"
    survived=$((survived + 1))
    continue
  fi
  if ! dotnet build "$project" -v q -nologo >/dev/null 2>&1; then
    result="killed (does not compile)"
    killed=$((killed + 1))
  elif out=$(dotnet test "$project" --no-build -v q -nologo 2>&1); then
    result="SURVIVED"
    survived=$((survived + 1))
  else
    failed=$(grep -oE 'Failed: +[0-9]+' <<<"$out" | head -1 | grep -oE '[0-9]+')
    result="killed ($failed failing)"
    killed=$((killed + 1))
  fi
  printf '%-48s %s\n' "$name" "$result"
  restore
done <<<"$mutations"

dotnet build "$project" -v q -nologo >/dev/null
echo "$killed killed, $survived survived"
[ "$survived" -eq 0 ]
